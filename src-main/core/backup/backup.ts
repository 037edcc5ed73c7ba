// Backups that keep the notices' promise: an encrypted copy (same key, same keyring) written with
// VACUUM INTO — a consistent snapshot that SQLite3 Multiple Ciphers encrypts like the source; the
// online backup API refuses differently keyed targets and would otherwise write plaintext — then
// verified before anything calls it a backup. Files appear under their final names only after
// verification and a flush to the disk, the manifest last, so an interrupted backup never looks
// like a good one, and one reported good survives the stick being pulled at once.
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { knownMigrations } from '../../db/migrate';
import { registerInfo } from '../../db/schema';
import { sealHead, type SealedHead } from '../audit';
import { KaappiError } from '../../../src-shared/errors';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';
import { makePrivate, writePrivateFile } from '../written-files';
import { ledgerPath } from './ledger';
import { snapshotInWorker, type Snapshot } from './snapshot';

export interface BackupManifest {
  format: 'kaappi-backup';
  version: 1;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  keyVersion: number;
  database: string;
  keyring: string;
  erasures: string;
  /** Users removed from the register by then (absent in backups made before the list). */
  removedUsers?: string;
  counts: Record<string, number>;
  sha256: string;
  /** The copy's audit head, sealed with its key (absent in backups made before the head). */
  auditHead?: SealedHead;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
}

/** A `.partial` file older than this was left by a backup that failed or was killed. */
const LEFTOVER_PARTIAL_MS = 5 * 60_000;

/** Removes what interrupted backups left in the folder (a running one keeps writing its files). */
function removeLeftoverPartials(folder: string, now: number): void {
  for (const name of readdirSync(folder)) {
    if (!/^kaappi-\d{8}-\d{6}\..*\.partial$/.test(name)) continue;
    const path = join(folder, name);
    if (now - statSync(path).mtimeMs > LEFTOVER_PARTIAL_MS) rmSync(path, { force: true });
  }
}

function flush(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The folder's entries (the renames) to the disk; not possible on every platform (Windows). */
function flushFolder(folder: string): void {
  try {
    flush(folder);
  } catch {
    // Directories cannot be opened for fsync on Windows; NTFS journals the rename itself.
  }
}

/**
 * Writes, verifies and names a backup in `folder` (a USB stick). The copy is taken and verified in
 * a worker thread (snapshot.ts) while the app goes on. Returns the manifest path.
 */
export async function createBackup(
  register: UnlockedRegister,
  folder: string,
  options: { appVersion: string },
): Promise<{ manifestPath: string; manifest: BackupManifest }> {
  assertRole(register, 'owner');
  mkdirSync(folder, { recursive: true });
  const now = register.deps.clock.now();
  removeLeftoverPartials(folder, Date.now());
  const name = `kaappi-${stamp(now)}`;
  const final = {
    database: `${name}.kaappi`,
    keyring: `${name}.kaappi.keyring`,
    erasures: `${name}.kaappi.erasures`,
    removedUsers: `${name}.kaappi.removed-users`,
  };
  const partial = (file: string) => join(folder, `${file}.partial`);
  rmSync(partial(final.database), { force: true });

  // The keyring as it is now: the copy is encrypted with the key this keyring wraps.
  const keyring = register.readKeyring();
  const registerId = register.db.select({ id: registerInfo.registerId }).from(registerInfo).get()?.id ?? '';
  try {
    // The key this copy is encrypted with, kept to seal the copy's audit head once it is taken:
    // the register's own may be zeroed by a lock meanwhile.
    const copyKey = register.withDatabaseKey((key) => Buffer.from(key));
    let snapshot: Snapshot;
    let auditHead: SealedHead;
    try {
      snapshot = await snapshotInWorker(register.files.database, partial(final.database), copyKey)
        // An erasure during the copy could not empty the WAL while the copy read it: now it can.
        .finally(() => register.retryWalTruncate());
      auditHead = sealHead(snapshot.auditHead, copyKey, registerId);
    } finally {
      copyKey.fill(0);
    }
    // Locked while the copy was taken: it cannot be recorded, so it does not become a backup.
    if (!register.isOpen) throw new KaappiError('LOCKED');
    makePrivate(partial(final.database));
    flush(partial(final.database));
    const manifest: BackupManifest = {
      format: 'kaappi-backup',
      version: 1,
      createdAt: now.toISOString(),
      appVersion: options.appVersion,
      schemaVersion: knownMigrations().length,
      keyVersion: keyring.keyVersion,
      ...final,
      counts: snapshot.counts,
      sha256: snapshot.sha256,
      auditHead,
    };
    const beside = (path: string) => (existsSync(path) ? readFileSync(path) : '');
    writePrivateFile(partial(final.keyring), `${JSON.stringify(keyring, null, 2)}\n`);
    writePrivateFile(partial(final.erasures), beside(ledgerPath(register.files.database)));
    writePrivateFile(partial(final.removedUsers), beside(register.files.removedUsers));
    for (const file of Object.values(final)) renameSync(partial(file), join(folder, file));
    const manifestPath = join(folder, `${name}.manifest.json`);
    writePrivateFile(`${manifestPath}.partial`, `${JSON.stringify(manifest, null, 2)}\n`);
    renameSync(`${manifestPath}.partial`, manifestPath);
    flushFolder(folder);
    // A backup runs beside other calls: an import's open transaction must not take this entry in.
    await register.settled();
    register.transaction(() =>
      register.audit({
        action: 'backup.created',
        targetType: 'backup',
        targetId: basename(manifestPath),
        details: { ...snapshot.counts },
      }),
    );
    return { manifestPath, manifest };
  } catch (error) {
    for (const file of Object.values(final)) rmSync(partial(file), { force: true });
    rmSync(join(folder, `${name}.manifest.json.partial`), { force: true });
    throw error instanceof KaappiError ? error : new KaappiError('BACKUP_INVALID', {}, { cause: error });
  }
}
