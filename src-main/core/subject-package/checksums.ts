// SHA-256 of each file, and SHA256SUMS in the format `sha256sum -c` checks (GNU coreutils; on
// Windows, `Get-FileHash` shows the same hex), so the person can see nothing was changed on the way.
import { createHash } from 'node:crypto';

export const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** One line per file: hash, two spaces, name; names are ours and never contain a newline. */
export function sha256Sums(files: Array<{ name: string; sha256: string }>): string {
  return files.map((file) => `${file.sha256}  ${file.name}\n`).join('');
}
