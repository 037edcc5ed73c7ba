// Writing a subject package to a folder the user chose (a USB stick, a folder to send from). The
// package gets a new subfolder named without personal data; it is written as `<name>.partial` and
// renamed only when every file is on disk, so a crash never leaves a half package that looks
// complete. Files are readable by their owner only. The export is audited by the files' hashes,
// without the person's name or the folder (which the user may have named after them).
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { finnishDate } from '../clock';
import { KaappiError } from '../../../src-shared/errors';
import { WRITE_ROLES } from '../persons';
import type { UnlockedRegister } from '../register';
import { assertRole, isStrongPassword } from '../users';
import { fileTrail } from '../written-files';
import { buildSubjectPackage, type PackageFile } from './build';
import { sha256, sha256Sums } from './checksums';
import { gatherSubjectData } from './gather';
import { encryptedZip } from './zip';

export interface SubjectPackageOrder {
  personId: number;
  /** The request this package answers, if any; it must concern the person. */
  requestId?: number;
  /** Where the package folder is created. */
  folder: string;
  /** With a password, the files go into one AES-256 zip. */
  password?: string;
}

export interface WrittenFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface WrittenPackage {
  /** The package's own folder, inside the one given. */
  folder: string;
  /** The files SHA256SUMS lists (SHA256SUMS itself is beside them). */
  files: WrittenFile[];
}

const FILE_MODE = 0o600;
const FOLDER_MODE = 0o700;
export const CHECKSUM_FILE = 'SHA256SUMS';

function writeDurably(path: string, content: Buffer | string): void {
  const fd = openSync(path, 'wx', FILE_MODE);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename or a new file in `dir` durable; Windows cannot open folders, and needs no such step. */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** `kaappi-subject-<first 8 of uid>-<date>`, with -2, -3… if that exists (never overwrite). */
function freeFolderName(parent: string, base: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!existsSync(join(parent, name)) && !existsSync(join(parent, `${name}.partial`))) return name;
  }
}

export async function writeSubjectPackage(
  register: UnlockedRegister,
  order: SubjectPackageOrder,
): Promise<WrittenPackage> {
  assertRole(register, ...WRITE_ROLES);
  const data = gatherSubjectData(register, order.personId, { requestId: order.requestId });
  const { person } = data;
  if (
    order.password !== undefined &&
    !isStrongPassword(order.password, [person.firstName, person.lastName, person.email ?? ''])
  ) {
    throw new KaappiError('WEAK_PASSWORD');
  }
  const now = register.deps.clock.now();
  const base = `kaappi-subject-${person.uid.replace(/[^0-9a-z]/gi, '').slice(0, 8)}-${finnishDate(now)}`;
  const built = await buildSubjectPackage(data, person.language);
  // Inside the zip too, so the files can be checked once unpacked.
  const checksummed = (files: PackageFile[]): PackageFile[] => [
    ...files,
    {
      name: CHECKSUM_FILE,
      content: Buffer.from(sha256Sums(files.map(({ name, content }) => ({ name, sha256: sha256(content) })))),
    },
  ];
  const files: PackageFile[] =
    order.password === undefined
      ? built
      : [{ name: `${base}.zip`, content: await encryptedZip(checksummed(built), order.password, now) }];

  const parent = resolve(order.folder);
  mkdirSync(parent, { recursive: true });
  const name = freeFolderName(parent, base);
  const partial = join(parent, `${name}.partial`);
  const final = join(parent, name);
  mkdirSync(partial, { mode: FOLDER_MODE });
  let written: WrittenFile[];
  try {
    written = files.map((file) => {
      writeDurably(join(partial, file.name), file.content);
      return { name: file.name, bytes: file.content.length, sha256: sha256(file.content) };
    });
    writeDurably(join(partial, CHECKSUM_FILE), sha256Sums(written));
    syncFolder(partial);
    // Audited before the package gets its final name: a crash in between leaves a logged attempt
    // and a .partial folder, never a finished package that the log does not know about.
    register.transaction(() =>
      register.audit({
        action: 'subject.exported',
        targetType: 'person',
        targetId: order.personId,
        details: {
          requestId: order.requestId ?? null,
          ...fileTrail(written.map((file) => file.sha256)),
          encrypted: order.password !== undefined,
          consents: data.consents.history.length,
          orders: data.orders.length,
          contacts: data.contacts.length,
          employments: data.employments.length,
          requests: data.requests.length,
          processing: data.processing.length,
        },
      }),
    );
    renameSync(partial, final);
    syncFolder(parent);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  return { folder: final, files: written };
}
