// The package as one AES-256 encrypted zip (WinZip AE-2), for sending it by email or on a stick:
// 7-Zip, WinRAR, Keka on macOS and Windows 11's own extraction open it with the password.
// zip.js does the work in this thread (no web workers under Node) with Web Crypto's AES.
import { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import type { PackageFile } from './build';

/** AES key length 256 bits in zip.js's terms (1 = 128, 2 = 192, 3 = 256). */
const AES_256 = 3;

export async function encryptedZip(files: PackageFile[], password: string, modified: Date): Promise<Buffer> {
  const zip = new ZipWriter(new Uint8ArrayWriter(), {
    password,
    encryptionStrength: AES_256,
    zipCrypto: false,
    useWebWorkers: false,
    lastModDate: modified,
  });
  for (const file of files) await zip.add(file.name, new Uint8ArrayReader(new Uint8Array(file.content)));
  return Buffer.from(await zip.close());
}
