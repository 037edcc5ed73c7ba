// Restoring a backup. Only the live register's owner may replace it; a backup of another register
// needs their explicit word. The backup is checked (manifest, checksum, its audit head), opened
// with a password or recovery key of its time (failures count at the live register), brought up
// to date, and everyone the erasure ledgers list is erased again and every user the live register
// had removed is removed again, before it is verified and put in place. The live register is kept
// aside until the owner confirms the restore (restore-confirmation.ts).
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { knownMigrations } from '../../db/migrate';
import { registerInfo } from '../../db/schema';
import { persons } from '../../db/schema-register';
import { inValueList } from '../../db/value-list';
import { parseSealedHead, writeHeadFile } from '../audit';
import { KaappiError } from '../../../src-shared/errors';
import { keyringPath, readKeyringFile, unlockWithRecoveryKey } from '../keyring';
import { throttlePath } from '../login-throttle';
import {
  appendRemovedUsers,
  companionsOf,
  openWithRecoveryKey,
  readRemovedUsers,
  readRestoreConfirmation,
  writeRestoreConfirmation,
  registerExists,
  registerFiles,
  removedUsersPath,
  unlockRegister,
  type OpenOptions,
  type RegisterDeps,
  type UnlockedRegister,
} from '../register';
import { erasePersons } from '../retention';
import { readSettings } from '../settings';
import { assertRole, removeAgainAfterRestore } from '../users';
import { makePrivate } from '../written-files';
import type { BackupManifest } from './backup';
import { sha256File } from './copy-check';
import { appendLedger, ledgerPath, readLedger, type LedgerEntry } from './ledger';

const fileName = z.string().regex(/^[^/\\]+$/);
const manifestSchema = z.object({
  format: z.literal('kaappi-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  keyVersion: z.number().int(),
  database: fileName,
  keyring: fileName,
  erasures: fileName,
  removedUsers: fileName.optional(),
  counts: z.record(z.string(), z.number()),
  sha256: z.string(),
  auditHead: z.unknown().optional(),
});

export type RestoreCredentials = { username: string; password: string } | { username: string; recoveryKey: string };

export interface RestoreRequest {
  /** The live register's owner, who alone may replace it: needed whenever there is one. */
  liveOwner?: RestoreCredentials;
  /** Credentials valid when the backup was made; the live owner's are tried when absent. */
  backup?: RestoreCredentials;
  /** The owner's explicit word that a backup of another register may replace this one. */
  replaceOtherRegister?: boolean;
}

export interface RestoreResult {
  keptAsidePath: string | null;
  erasedAgain: number;
  /** Display names of the users removed again: the live register had removed them. */
  usersRemovedAgain: string[];
  otherRegister: boolean;
  manifest: BackupManifest;
}

export function readManifest(manifestPath: string): BackupManifest {
  try {
    const parsed = manifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
    const { auditHead, removedUsers, ...rest } = parsed;
    const head = auditHead === undefined ? null : parseSealedHead(auditHead);
    if (auditHead !== undefined && !head) throw new Error('audit head of the wrong shape');
    return { ...rest, ...(removedUsers ? { removedUsers } : {}), ...(head ? { auditHead: head } : {}) };
  } catch (cause) {
    throw new KaappiError('BACKUP_INVALID', {}, { cause });
  }
}

const filesIn = (folder: string, suffix: string) =>
  readdirSync(folder)
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(folder, f));

/** Every ledger entry that could apply: beside the live register, in the backup, in its folder. */
function allLedgers(registerPath: string, manifestPath: string): LedgerEntry[] {
  const paths = [ledgerPath(registerPath), ...filesIn(dirname(manifestPath), '.erasures')];
  return paths.flatMap((path) => readLedger(path));
}

/** Every user removed from this register: beside the live one, in the backup, in its folder. */
function allRemovedUsers(registerPath: string, manifestPath: string, registerId: string): number[] {
  const paths = [removedUsersPath(registerPath), ...filesIn(dirname(manifestPath), '.removed-users')];
  const ids = paths.flatMap((path) => readRemovedUsers(path)).filter((e) => e.registerId === registerId);
  return [...new Set(ids.map((e) => e.userId))];
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
}

/** Not `.logins`: the back-off stays with the live register, where a restore's guesses count. */
const companions = companionsOf;

function open(path: string, credentials: RestoreCredentials, deps: RegisterDeps, options: OpenOptions) {
  return 'password' in credentials
    ? unlockRegister(path, credentials, deps, options)
    : openWithRecoveryKey(path, credentials, deps, options);
}

/**
 * Opens the live register as its owner, records that a restore was asked for, and closes it;
 * returns its register id. A live file too damaged to open still has its keyring: the recovery
 * key, which only an owner holds, then proves the right to replace it (a password cannot: the
 * roles are inside the damaged file).
 */
async function authoriseAsLiveOwner(
  registerPath: string,
  credentials: RestoreCredentials,
  manifest: BackupManifest,
  deps: RegisterDeps,
): Promise<string> {
  let live: UnlockedRegister;
  try {
    live = await open(registerPath, credentials, deps, {});
  } catch (error) {
    const damaged = !(error instanceof KaappiError) || ['REGISTER_UNREADABLE', 'MIGRATION_FAILED'].includes(error.code);
    if (!damaged) throw error;
    if (!('recoveryKey' in credentials)) throw new KaappiError('LIVE_REGISTER_DAMAGED', {}, { cause: error });
    const keyring = readKeyringFile(keyringPath(registerPath));
    (await unlockWithRecoveryKey(keyring, credentials.recoveryKey)).fill(0);
    return keyring.registerId;
  }
  try {
    assertRole(live, 'owner');
    live.transaction(() =>
      live.audit({ action: 'backup.restore_started', targetType: 'backup', targetId: manifest.database }),
    );
    return live.db.select({ id: registerInfo.registerId }).from(registerInfo).get()?.id ?? '';
  } finally {
    live.close();
  }
}

export async function restoreBackup(
  registerPath: string,
  manifestPath: string,
  request: RestoreRequest,
  deps: RegisterDeps,
): Promise<RestoreResult> {
  const manifest = readManifest(manifestPath);
  const folder = dirname(manifestPath);
  const backupFile = join(folder, manifest.database);
  if (!existsSync(backupFile) || sha256File(backupFile) !== manifest.sha256) throw new KaappiError('BACKUP_INVALID');
  if (manifest.schemaVersion > knownMigrations().length) throw new KaappiError('SCHEMA_TOO_NEW');

  const liveExists = registerExists(registerPath);
  if (liveExists && !request.liveOwner) throw new KaappiError('RESTORE_NEEDS_OWNER');
  const liveRegisterId = liveExists
    ? await authoriseAsLiveOwner(registerPath, request.liveOwner!, manifest, deps)
    : null;
  const backupRegisterId = readBackupKeyring(folder, manifest).registerId;
  const otherRegister = liveRegisterId !== null && liveRegisterId !== backupRegisterId;
  if (otherRegister && !request.replaceOtherRegister) throw new KaappiError('BACKUP_OTHER_REGISTER');
  const credentials = request.backup ?? request.liveOwner;
  if (!credentials) throw new KaappiError('RESTORE_NEEDS_OWNER');

  const staging = `${registerPath}.restoring`;
  for (const path of companions(staging)) rmSync(path, { force: true });
  copyFileSync(backupFile, staging);
  copyFileSync(join(folder, manifest.keyring), keyringPath(staging));
  for (const path of [staging, keyringPath(staging)]) makePrivate(path);
  // The backup's head goes with it: opening the copy moves it on only if the copy's log holds it.
  if (manifest.auditHead) writeHeadFile(registerFiles(staging).auditHead, manifest.auditHead);
  const ledger = allLedgers(registerPath, manifestPath);

  let register: UnlockedRegister | null = null;
  let erasedAgain = 0;
  let usersRemovedAgain: Array<{ id: number; displayName: string }> = [];
  try {
    register = await openStaging(staging, credentials, request.backup === undefined, deps, throttlePath(registerPath));
    // Replacing the register is the owner's decision, whoever else the backup's keyring admits.
    assertRole(register, 'owner');
    if (manifest.auditHead && register.auditGuards().head.problems.length > 0) throw new KaappiError('BACKUP_INVALID');
    erasedAgain = eraseAgain(register, ledger);
    appendLedger(ledgerPath(staging), dedupe(ledger));
    usersRemovedAgain = removeAgainAfterRestore(
      register,
      allRemovedUsers(registerPath, manifestPath, backupRegisterId),
    );
    const restored = register;
    restored.transaction(() =>
      restored.audit({
        action: 'backup.restored',
        targetType: 'backup',
        targetId: manifest.database,
        details: { erasedAgain, usersRemovedAgain: usersRemovedAgain.length, otherRegister },
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
  // The backup's list of removed users goes on beside the restored register, with the live one's.
  carryRemovedUsers(registerPath, staging, manifestPath, backupRegisterId);

  // A register restored but not yet confirmed is a copy of a backup nobody has worked in (only the
  // owner's decision is allowed there): it is replaced, and the first copy kept aside stays so.
  const unconfirmed = readRestoreConfirmation(registerPath);
  let keptAsidePath: string | null = unconfirmed?.state === 'pending' ? unconfirmed.keptAside : null;
  if (existsSync(registerPath) && keptAsidePath) {
    for (const path of companions(registerPath)) rmSync(path, { force: true });
  } else if (existsSync(registerPath)) {
    keptAsidePath = `${registerPath}.before-restore-${stamp(deps.clock.now())}`;
    companions(registerPath).forEach((path, i) => {
      if (existsSync(path)) renameSync(path, companions(keptAsidePath!)[i]!);
    });
  }
  companions(staging).forEach((path, i) => {
    const target = companions(registerPath)[i]!;
    if (!existsSync(path)) return;
    renameSync(path, target);
    makePrivate(target);
  });
  for (const path of companions(staging)) rmSync(path, { force: true });
  rmSync(throttlePath(staging), { force: true });
  if (keptAsidePath) {
    writeRestoreConfirmation(registerPath, {
      state: 'pending',
      at: deps.clock.now().toISOString(),
      keptAside: keptAsidePath,
      backup: manifest.database,
      backupCreatedAt: manifest.createdAt,
      erasedAgain,
      usersRemovedAgain: usersRemovedAgain.map((user) => user.id),
    });
  }
  return {
    keptAsidePath,
    erasedAgain,
    usersRemovedAgain: usersRemovedAgain.map((user) => user.displayName),
    otherRegister,
    manifest,
  };
}

function readBackupKeyring(folder: string, manifest: BackupManifest) {
  try {
    return readKeyringFile(join(folder, manifest.keyring));
  } catch (cause) {
    throw new KaappiError('BACKUP_INVALID', {}, { cause });
  }
}

/**
 * Opens the staging copy. When the live owner's credentials were tried for it (none were given
 * for the backup) and do not open it, the password has changed since: say so, so the owner gives
 * the one of that time. Every failure counts at the live register's back-off.
 */
async function openStaging(
  staging: string,
  credentials: RestoreCredentials,
  triedLiveOwners: boolean,
  deps: RegisterDeps,
  throttle: string,
): Promise<UnlockedRegister> {
  try {
    return await open(staging, credentials, deps, { throttlePath: throttle });
  } catch (error) {
    const wrongSecret =
      error instanceof KaappiError && ['WRONG_CREDENTIALS', 'WRONG_RECOVERY_KEY'].includes(error.code);
    if (triedLiveOwners && wrongSecret) throw new KaappiError('BACKUP_NEEDS_ITS_PASSWORD', {}, { cause: error });
    throw error;
  }
}

function carryRemovedUsers(registerPath: string, staging: string, manifestPath: string, registerId: string): void {
  const entries = [
    removedUsersPath(registerPath),
    removedUsersPath(staging),
    ...filesIn(dirname(manifestPath), '.removed-users'),
  ]
    .flatMap((path) => readRemovedUsers(path))
    .filter((e) => e.registerId === registerId);
  const unique = [...new Map(entries.map((e) => [e.userId, e])).values()];
  rmSync(removedUsersPath(staging), { force: true });
  appendRemovedUsers(removedUsersPath(staging), unique);
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
