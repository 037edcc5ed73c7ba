// Backups that keep the notices' promise: an encrypted copy (same key, same keyring) written with
// VACUUM INTO — a consistent snapshot that SQLite3 Multiple Ciphers encrypts like the source; the
// online backup API refuses differently keyed targets and would otherwise write plaintext — then
// verified before anything calls it a backup. Files appear under their final names only after
// verification, the manifest last, so an interrupted backup never looks like a good one.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type RegisterDb } from '../../db/open';
import { knownMigrations } from '../../db/migrate';
import { KaappiError } from '../errors';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';
import { ledgerPath } from './ledger';
import { snapshotInWorker } from './snapshot';

export const COUNTED_TABLES = [
  'persons',
  'organizations',
  'employments',
  'consent_events',
  'orders',
  'contact_log',
  'users',
  'audit_log',
  'tombstones',
] as const;

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
  counts: Record<string, number>;
  sha256: string;
}

export function countRows(db: RegisterDb): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    counts[table] = db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM "${table}"`))?.n ?? 0;
  }
  return counts;
}

export const sha256File = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
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
  const name = `kaappi-${stamp(now)}`;
  const final = { database: `${name}.kaappi`, keyring: `${name}.kaappi.keyring`, erasures: `${name}.kaappi.erasures` };
  const partial = join(folder, `${final.database}.partial`);
  rmSync(partial, { force: true });

  // The keyring as it is now: the copy is encrypted with the key this keyring wraps.
  const keyring = register.readKeyring();
  try {
    const snapshot = await register
      .withDatabaseKey((key) => snapshotInWorker(register.files.database, partial, key))
      // An erasure during the copy could not empty the WAL while the copy read it: now it can.
      .finally(() => register.retryWalTruncate());
    // Locked while the copy was taken: it cannot be recorded, so it does not become a backup.
    if (!register.isOpen) throw new KaappiError('LOCKED');
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
    };
    writeFileSync(join(folder, `${final.keyring}.partial`), `${JSON.stringify(keyring, null, 2)}\n`);
    const ledger = ledgerPath(register.files.database);
    writeFileSync(join(folder, `${final.erasures}.partial`), existsSync(ledger) ? readFileSync(ledger) : '');
    for (const file of Object.values(final)) renameSync(join(folder, `${file}.partial`), join(folder, file));
    const manifestPath = join(folder, `${name}.manifest.json`);
    writeFileSync(`${manifestPath}.partial`, `${JSON.stringify(manifest, null, 2)}\n`);
    renameSync(`${manifestPath}.partial`, manifestPath);
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
    for (const file of Object.values(final)) rmSync(join(folder, `${file}.partial`), { force: true });
    throw error instanceof KaappiError ? error : new KaappiError('BACKUP_INVALID', {}, { cause: error });
  }
}

/** Opens a copy read-only with the key, checks integrity and every page, and counts its rows. */
export function verifyDatabaseCopy(path: string, key: Buffer): Record<string, number> {
  const copy = openDatabase(path, key, { readonly: true });
  try {
    const integrity = (copy.sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>).every(
      (row) => row.integrity_check === 'ok',
    );
    copy.sqlite.prepare('SELECT count(*) FROM dbstat').get();
    if (!integrity) throw new KaappiError('BACKUP_INVALID');
    return countRows(copy.db);
  } finally {
    copy.sqlite.close();
  }
}
