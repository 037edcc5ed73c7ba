// Unlocking a register: with a user's password, or with the recovery key (for an owner only).
// Both go through openAs, so the back-off, the keyring fallback, the login checks, the audit
// entry and the keyring reconciliation are the same whichever key was used.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { DatabaseKeyError, openDatabase, type OpenedDatabase } from '../../db/open';
import { migrateDatabase } from '../../db/migrate';
import { users } from '../../db/schema';
import { ledgerPath, reconcileLedger } from '../backup/ledger';
import { KaappiError, WrongCredentialsError } from '../errors';
import {
  normaliseUsername,
  readKeyringFile,
  unlockWithPassword,
  unlockWithRecoveryKey,
  userTag,
  withUserPassword,
  type Keyring,
} from '../keyring';
import { LoginThrottle } from '../login-throttle';
import { isStrongPassword } from '../users/password-policy';
import { registerExists, registerFiles, type RegisterFiles } from './files';
import { UnlockedRegister, type RegisterDeps, type SessionUser } from './unlocked';
import { holdAutomaticCheckpoint } from './wal-keeper';

type KeySource = (keyring: Keyring) => Promise<Buffer>;
type UserRow = typeof users.$inferSelect;

interface OpenAs {
  username: string;
  keySource: KeySource;
  /** The error a wrong secret raises; only that one counts towards the back-off. */
  isWrongSecret: (error: unknown) => boolean;
  ownerOnly: boolean;
  auditAction: string;
}

export async function unlockRegister(
  databasePath: string,
  credentials: { username: string; password: string },
  deps: RegisterDeps,
): Promise<UnlockedRegister> {
  return openAs(
    databasePath,
    {
      username: credentials.username,
      keySource: (keyring) => unlockWithPassword(keyring, credentials.username, credentials.password),
      isWrongSecret: (error) => error instanceof WrongCredentialsError,
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
): Promise<UnlockedRegister> {
  return openAs(
    databasePath,
    {
      username: args.username,
      keySource: (keyring) => unlockWithRecoveryKey(keyring, args.recoveryKey),
      isWrongSecret: (error) => error instanceof KaappiError && error.code === 'WRONG_RECOVERY_KEY',
      ownerOnly: true,
      auditAction: 'session.login_with_recovery_key',
    },
    deps,
  );
}

/** The way back in when the owner has forgotten the password: recovery key, then a new password. */
export async function recoverAccess(
  databasePath: string,
  args: { recoveryKey: string; username: string; newPassword: string },
  deps: RegisterDeps,
): Promise<UnlockedRegister> {
  if (!isStrongPassword(args.newPassword, [args.username])) throw new KaappiError('WEAK_PASSWORD');
  const register = await openWithRecoveryKey(databasePath, args, deps);
  try {
    const keyring = await register.withDatabaseKey((key) =>
      withUserPassword(register.readKeyring(), key, register.user.username, args.newPassword, deps),
    );
    register.transaction((db) => {
      db.update(users)
        .set({ passwordChangedAt: deps.clock.now().toISOString() })
        .where(eq(users.id, register.user.id))
        .run();
      register.audit({
        action: 'user.password_reset_with_recovery_key',
        targetType: 'user',
        targetId: register.user.id,
      });
      register.writeKeyring(keyring);
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
  const throttle = new LoginThrottle(files.throttle, deps.clock);
  throttle.assertMayTry();
  let result: { opened: OpenedDatabase; key: Buffer };
  try {
    result = await openWithKeyrings(files, how.keySource);
  } catch (error) {
    if (how.isWrongSecret(error)) throttle.recordFailure();
    throw error;
  }
  const { opened, key } = result;
  try {
    // Else SQLite would copy the leftover WAL into the file itself, in this thread, at the first commit.
    if (leftoverWal) holdAutomaticCheckpoint(opened.sqlite);
    migrateDatabase(opened.sqlite);
    const row = opened.db
      .select()
      .from(users)
      .where(eq(users.username, normaliseUsername(how.username)))
      .get();
    assertMayLogIn(row, how.ownerOnly);
    const failedBefore = throttle.recordSuccess();
    const register = new UnlockedRegister(files, opened, key, toSessionUser(row), deps);
    register.transaction(() =>
      register.audit({
        action: how.auditAction,
        targetType: 'user',
        targetId: row.id,
        details: { failedAttemptsBefore: failedBefore },
      }),
    );
    reconcileKeyring(register);
    reconcileLedger(register.db, ledgerPath(databasePath));
    if (leftoverWal) register.emptyLeftoverWal();
    return register;
  } catch (error) {
    opened.sqlite.close();
    key.fill(0);
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
    let key: Buffer;
    try {
      key = await keySource(readKeyringFile(path));
    } catch (error) {
      lastError = error;
      continue;
    }
    let opened: OpenedDatabase;
    try {
      opened = openDatabase(files.database, key);
    } catch (error) {
      key.fill(0);
      lastError =
        error instanceof DatabaseKeyError ? new KaappiError('REGISTER_UNREADABLE', {}, { cause: error }) : error;
      continue;
    }
    if (path === files.pendingKeyring) renameSync(files.pendingKeyring, files.keyring);
    else rmSync(files.pendingKeyring, { force: true });
    return { opened, key };
  }
  throw lastError;
}

function assertMayLogIn(user: UserRow | undefined, ownerOnly: boolean): asserts user is UserRow {
  if (!user) throw new WrongCredentialsError();
  if (!user.active) throw new KaappiError('USER_INACTIVE');
  if (ownerOnly && user.role !== 'owner') throw new KaappiError('FORBIDDEN');
  if (user.role !== 'owner' && !user.confidentialitySignedOn) throw new KaappiError('NO_CONFIDENTIALITY_AGREEMENT');
}

const toSessionUser = (row: UserRow): SessionUser => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  role: row.role,
});

/**
 * The keyring must hold entries for active users only. If a removal was interrupted before its
 * re-key, finish it now, before anyone works with the register.
 */
function reconcileKeyring(register: UnlockedRegister): void {
  const keyring = register.readKeyring();
  const active = register.db.select({ username: users.username }).from(users).where(eq(users.active, true)).all();
  const keep = new Set(active.map((u) => userTag(keyring, u.username)));
  const stale = keyring.entries.filter((e) => e.kind === 'user' && !keep.has(e.userTag ?? ''));
  if (stale.length === 0) return;
  const { keyVersion } = register.rekey(keep);
  register.transaction(() =>
    register.audit({
      action: 'register.rekeyed',
      targetType: 'register',
      details: { keyVersion, reason: 'stale-keyring-entries', removedEntries: stale.length },
    }),
  );
}
