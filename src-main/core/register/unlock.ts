// Unlocking a register: with a user's password, or with the recovery key (for an owner only).
// Both go through openAs, so the back-off, the keyring fallback, the login checks, the audit
// entry and the keyring reconciliation are the same whichever key was used.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { DatabaseKeyError, openDatabase, type OpenedDatabase } from '../../db/open';
import { migrateDatabase } from '../../db/migrate';
import { users } from '../../db/schema';
// Not through backup's index: it loads restore.ts, which needs this area loaded first (a cycle).
import { ledgerPath, reconcileLedger } from '../backup/ledger';
import { KaappiError, WrongCredentialsError } from '../../../src-shared/errors';
import {
  normaliseUsername,
  openKeyWithPassword,
  openKeyWithRecoveryKey,
  readKeyringFile,
  type Keyring,
  type OpenedKey,
} from '../keyring';
import { LoginThrottle } from '../login-throttle';
import { isStrongPassword } from '../../../src-shared/password-policy';
import { registerExists, registerFiles, type RegisterFiles } from './files';
import { adoptKeyringIfUnlisted, allowedEntries, isAllowed } from './keyring-list';
import { reconcileRemovedUsers } from './removed-users';
import { readRestoreConfirmation, recordUndoneRestore } from './restore-confirmation';
import { rekeyWithNewPassword } from './rotate';
import { UnlockedRegister, type RegisterDeps, type SessionUser } from './unlocked';
import { holdAutomaticCheckpoint } from './wal-keeper';

type KeySource = (keyring: Keyring) => Promise<OpenedKey>;
type UserRow = typeof users.$inferSelect;

interface OpenAs {
  username: string;
  keySource: KeySource;
  /** The error a wrong secret raises; only that one counts towards the back-off. */
  isWrongSecret: (error: unknown) => boolean;
  wrongSecret: () => Error;
  ownerOnly: boolean;
  auditAction: string;
  /** Where failures are counted, if not beside this register (a restore counts at the live one's). */
  throttlePath?: string;
}

/** Where a restore's staging copy counts its failures: at the live register it will replace. */
export interface OpenOptions {
  throttlePath?: string;
}

export async function unlockRegister(
  databasePath: string,
  credentials: { username: string; password: string },
  deps: RegisterDeps,
  options: OpenOptions = {},
): Promise<UnlockedRegister> {
  return openAs(
    databasePath,
    {
      ...options,
      username: credentials.username,
      keySource: (keyring) => openKeyWithPassword(keyring, credentials.username, credentials.password),
      isWrongSecret: (error) => error instanceof WrongCredentialsError,
      wrongSecret: () => new WrongCredentialsError(),
      ownerOnly: false,
      auditAction: 'session.login',
    },
    deps,
  );
}

/** The recovery key opens the register for an active owner, who is then the acting user. */
export async function openWithRecoveryKey(
  databasePath: string,
  args: { recoveryKey: string; username: string },
  deps: RegisterDeps,
  options: OpenOptions = {},
): Promise<UnlockedRegister> {
  return openAs(
    databasePath,
    {
      ...options,
      username: args.username,
      keySource: (keyring) => openKeyWithRecoveryKey(keyring, args.recoveryKey),
      isWrongSecret: (error) => error instanceof KaappiError && error.code === 'WRONG_RECOVERY_KEY',
      wrongSecret: () => new KaappiError('WRONG_RECOVERY_KEY'),
      ownerOnly: true,
      auditAction: 'session.login_with_recovery_key',
    },
    deps,
  );
}

/**
 * The way back in when the owner has forgotten the password: recovery key, then a new password.
 * It re-keys, as every other new password does, so an old keyring copy opened with the old
 * password (which someone may have learned: that may be why it was forgotten) opens nothing.
 */
export async function recoverAccess(
  databasePath: string,
  args: { recoveryKey: string; username: string; newPassword: string },
  deps: RegisterDeps,
): Promise<UnlockedRegister> {
  if (!isStrongPassword(args.newPassword, [args.username])) throw new KaappiError('WEAK_PASSWORD');
  const register = await openWithRecoveryKey(databasePath, args, deps);
  try {
    const { keyVersion } = await rekeyWithNewPassword(register, register.user, args.newPassword);
    register.transaction((db) => {
      db.update(users)
        .set({ passwordChangedAt: deps.clock.now().toISOString() })
        .where(eq(users.id, register.user.id))
        .run();
      register.audit({
        action: 'user.password_reset_with_recovery_key',
        targetType: 'user',
        targetId: register.user.id,
        details: { keyVersion },
      });
    });
    return register;
  } catch (error) {
    register.close();
    throw error;
  }
}

function hasWalFrames(databasePath: string): boolean {
  return (statSync(`${databasePath}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0;
}

async function openAs(databasePath: string, how: OpenAs, deps: RegisterDeps): Promise<UnlockedRegister> {
  const files = registerFiles(databasePath);
  if (!registerExists(databasePath)) throw new KaappiError('REGISTER_MISSING');
  // A closed register leaves no WAL (its last connection checkpoints and removes it): one with
  // pages in it was left by a crash (or another process has the register open).
  const leftoverWal = hasWalFrames(databasePath);
  const throttle = new LoginThrottle(how.throttlePath ?? files.throttle, deps.clock);
  throttle.beginAttempt();
  let result: Awaited<ReturnType<typeof openWithKeyrings>>;
  try {
    result = await openWithKeyrings(files, how.keySource);
  } catch (error) {
    if (!how.isWrongSecret(error)) throttle.notCounted();
    throw error;
  }
  const { opened, key, entry, keyring } = result;
  let register: UnlockedRegister | null = null;
  try {
    // Else SQLite would copy the leftover WAL into the file itself, in this thread, at the first commit.
    if (leftoverWal) holdAutomaticCheckpoint(opened.sqlite);
    migrateDatabase(opened.sqlite);
    const row = opened.db
      .select()
      .from(users)
      .where(eq(users.username, normaliseUsername(how.username)))
      .get();
    assertMayLogIn(row, how.ownerOnly, throttle);
    const restore = readRestoreConfirmation(databasePath);
    if (restore?.state === 'pending' && row.role !== 'owner') {
      throttle.notCounted();
      throw new KaappiError('RESTORE_UNCONFIRMED');
    }
    register = new UnlockedRegister(files, opened, key, toSessionUser(row), deps);
    register.restorePending = restore?.state === 'pending' ? restore : null;
    const adopted = register.transaction((db) =>
      adoptKeyringIfUnlisted(db, keyring, { entry, userId: row.id }, deps.clock.now().toISOString()),
    );
    if (adopted) register.transaction(() => register!.audit({ action: 'keyring.listed', details: adopted }));
    if (!isAllowed(register.db, keyring, entry)) {
      refuseUnlistedEntry(register);
      throw how.wrongSecret();
    }
    const failedBefore = throttle.succeeded();
    register.transaction(() =>
      register!.audit({
        action: how.auditAction,
        targetType: 'user',
        targetId: row.id,
        details: { failedAttemptsBefore: failedBefore },
      }),
    );
    if (restore?.state === 'undone') recordUndoneRestore(register, restore);
    reconcileKeyring(register);
    reconcileLedger(register.db, ledgerPath(databasePath));
    reconcileRemovedUsers(register.db, files.removedUsers);
    if (leftoverWal) register.emptyLeftoverWal();
    return register;
  } catch (error) {
    if (register) register.close();
    else {
      opened.sqlite.close();
      key.fill(0);
    }
    throw error;
  }
}

/**
 * Finds the keyring whose key opens the database. Normally that is `<register>.keyring`; after a
 * re-key interrupted by a crash it may be `.keyring.next`, which is then promoted.
 */
async function openWithKeyrings(files: RegisterFiles, keySource: KeySource) {
  const candidates = [files.keyring, files.pendingKeyring].filter((path) => existsSync(path));
  let lastError: unknown = new WrongCredentialsError();
  for (const path of candidates) {
    let keyring: Keyring;
    let key: OpenedKey;
    try {
      keyring = readKeyringFile(path);
      key = await keySource(keyring);
    } catch (error) {
      lastError = error;
      continue;
    }
    let opened: OpenedDatabase;
    try {
      opened = openDatabase(files.database, key.databaseKey);
    } catch (error) {
      key.databaseKey.fill(0);
      lastError =
        error instanceof DatabaseKeyError ? new KaappiError('REGISTER_UNREADABLE', {}, { cause: error }) : error;
      continue;
    }
    // A re-key puts its sealed audit head in place before its keyring (unlocked.ts rekey).
    if (path === files.pendingKeyring) {
      if (existsSync(files.pendingAuditHead)) renameSync(files.pendingAuditHead, files.auditHead);
      renameSync(files.pendingKeyring, files.keyring);
    } else {
      rmSync(files.pendingKeyring, { force: true });
      rmSync(files.pendingAuditHead, { force: true });
    }
    return { opened, key: key.databaseKey, entry: key.entry, keyring };
  }
  throw lastError;
}

/** A right secret for a user who may not log in: not a guess, so the attempt is not counted. */
function assertMayLogIn(
  user: UserRow | undefined,
  ownerOnly: boolean,
  throttle: LoginThrottle,
): asserts user is UserRow {
  if (!user) throw new WrongCredentialsError();
  const refusal = !user.active
    ? 'USER_INACTIVE'
    : ownerOnly && user.role !== 'owner'
      ? 'FORBIDDEN'
      : user.role !== 'owner' && !user.confidentialitySignedOn
        ? 'NO_CONFIDENTIALITY_AGREEMENT'
        : null;
  if (refusal) {
    throttle.notCounted();
    throw new KaappiError(refusal);
  }
}

const toSessionUser = (row: UserRow): SessionUser => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  role: row.role,
});

/**
 * The key was opened with an entry the register does not list: someone who could write the
 * keyring file added it, sealed to a secret of their own. The attempt is refused and recorded,
 * and the register is re-keyed without every unlisted entry, so the key that entry gave is
 * worthless. If another process has the file open, the next unlock drops them instead.
 */
function refuseUnlistedEntry(register: UnlockedRegister): void {
  const dropped = allowedEntries(register.db, register.readKeyring()).dropped.length;
  register.transaction(() =>
    register.auditAnonymous({ action: 'keyring.unlisted_entry_refused', details: { unlistedEntries: dropped } }),
  );
  try {
    const { keyVersion } = register.rekey();
    register.transaction(() =>
      register.auditAnonymous({
        action: 'register.rekeyed',
        targetType: 'register',
        details: { keyVersion, reason: 'unlisted-keyring-entries', removedEntries: dropped },
      }),
    );
  } catch (error) {
    if (!(error instanceof KaappiError && error.code === 'REGISTER_BUSY')) throw error;
  }
}

/**
 * The keyring may hold only the entries the register lists for its active users and its recovery
 * key. One left by an interrupted removal, or added to the file by hand, is dropped now with a
 * re-key, before anyone works with the register; the owner is told (droppedKeyringEntries).
 */
function reconcileKeyring(register: UnlockedRegister): void {
  const { dropped } = allowedEntries(register.db, register.readKeyring());
  if (dropped.length === 0) return;
  const { keyVersion } = register.rekey();
  register.droppedKeyringEntries = dropped.length;
  register.transaction(() =>
    register.audit({
      action: 'register.rekeyed',
      targetType: 'register',
      details: { keyVersion, reason: 'unlisted-keyring-entries', removedEntries: dropped.length },
    }),
  );
}
