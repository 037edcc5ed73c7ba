// Restoring a backup: check the manifest and checksum, open the copy with a password or the
// recovery key, bring its schema up to date, erase again everyone in any erasure ledger found
// (the live register's, the backup's, the backup folder's), verify, and only then put it in
// place. The current register is kept aside as `<register>.before-restore-<time>`, never
// overwritten.
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { knownMigrations } from '../../db/migrate';
import { persons } from '../../db/schema-register';
import { inValueList } from '../../db/value-list';
import { KaappiError } from '../errors';
import { keyringPath } from '../keyring';
import { openWithRecoveryKey, unlockRegister, type RegisterDeps, type UnlockedRegister } from '../register';
import { erasePersons } from '../retention/erase';
import { readSettings } from '../settings';
import { assertRole } from '../users';
import { sha256File, type BackupManifest } from './backup';
import { appendLedger, ledgerPath, readLedger, type LedgerEntry } from './ledger';

const manifestSchema = z.object({
  format: z.literal('kaappi-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  keyVersion: z.number().int(),
  database: z.string().regex(/^[^/\\]+$/),
  keyring: z.string().regex(/^[^/\\]+$/),
  erasures: z.string().regex(/^[^/\\]+$/),
  counts: z.record(z.string(), z.number()),
  sha256: z.string(),
});

export type RestoreCredentials = { username: string; password: string } | { username: string; recoveryKey: string };

export function readManifest(manifestPath: string): BackupManifest {
  try {
    return manifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8'))) as BackupManifest;
  } catch (cause) {
    throw new KaappiError('BACKUP_INVALID', {}, { cause });
  }
}

/** Every ledger entry that could apply: beside the live register, in the backup, in its folder. */
function allLedgers(registerPath: string, manifestPath: string): LedgerEntry[] {
  const folder = dirname(manifestPath);
  const paths = [
    ledgerPath(registerPath),
    ...readdirSync(folder)
      .filter((f) => f.endsWith('.erasures'))
      .map((f) => join(folder, f)),
  ];
  return paths.flatMap((path) => readLedger(path));
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
}

const companions = (path: string) =>
  ['', '-wal', '-shm', '.keyring', '.keyring.next', '.erasures', '.logins'].map((s) => path + s);

export async function restoreBackup(
  registerPath: string,
  manifestPath: string,
  credentials: RestoreCredentials,
  deps: RegisterDeps,
): Promise<{ keptAsidePath: string | null; erasedAgain: number; manifest: BackupManifest }> {
  const manifest = readManifest(manifestPath);
  const folder = dirname(manifestPath);
  const backupFile = join(folder, manifest.database);
  if (!existsSync(backupFile) || sha256File(backupFile) !== manifest.sha256) throw new KaappiError('BACKUP_INVALID');
  if (manifest.schemaVersion > knownMigrations().length) throw new KaappiError('SCHEMA_TOO_NEW');

  const staging = `${registerPath}.restoring`;
  for (const path of companions(staging)) rmSync(path, { force: true });
  copyFileSync(backupFile, staging);
  copyFileSync(join(folder, manifest.keyring), keyringPath(staging));
  const ledger = allLedgers(registerPath, manifestPath);

  let register: UnlockedRegister | null = null;
  let erasedAgain = 0;
  try {
    register =
      'password' in credentials
        ? await unlockRegister(staging, credentials, deps)
        : await openWithRecoveryKey(staging, credentials, deps);
    // Replacing the register is the owner's decision, whoever else the backup's keyring admits.
    assertRole(register, 'owner');
    erasedAgain = eraseAgain(register, ledger);
    appendLedger(ledgerPath(staging), dedupe(ledger));
    register.transaction(() =>
      register!.audit({
        action: 'backup.restored',
        targetType: 'backup',
        targetId: manifest.database,
        details: { erasedAgain },
      }),
    );
    const integrity = register.integrity();
    if (!integrity.ok) throw new KaappiError('BACKUP_INVALID');
  } catch (error) {
    register?.close();
    for (const path of companions(staging)) rmSync(path, { force: true });
    throw error;
  }
  register.close();

  let keptAsidePath: string | null = null;
  if (existsSync(registerPath)) {
    keptAsidePath = `${registerPath}.before-restore-${stamp(deps.clock.now())}`;
    companions(registerPath).forEach((path, i) => {
      if (existsSync(path)) renameSync(path, companions(keptAsidePath!)[i]!);
    });
  }
  companions(staging).forEach((path, i) => {
    if (existsSync(path) && !path.endsWith('.logins')) renameSync(path, companions(registerPath)[i]!);
  });
  for (const path of companions(staging)) rmSync(path, { force: true });
  return { keptAsidePath, erasedAgain, manifest };
}

/**
 * Everyone erased since the backup was taken is erased again before anyone can see them. The
 * persons are found in one pass over the table (uid has no index: see migration 0014) and
 * erased in one erasure.
 */
function eraseAgain(register: UnlockedRegister, ledger: LedgerEntry[]): number {
  if (ledger.length === 0) return 0;
  const ids = register.db
    .select({ id: persons.id })
    .from(persons)
    .where(inValueList(persons.uid, [...new Set(ledger.map((e) => e.uid))]))
    .all()
    .map((row) => row.id);
  if (ids.length === 0) return 0;
  return erasePersons(
    register,
    { personIds: ids, reason: 'erasure-ledger', action: 'delete', ignoreHolds: true },
    readSettings(register),
  ).erased.length;
}

function dedupe(entries: LedgerEntry[]): LedgerEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => (seen.has(e.uid) ? false : (seen.add(e.uid), true)));
}
