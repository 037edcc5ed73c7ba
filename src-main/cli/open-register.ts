// Opening a register with the recovery key for one CLI command, without setting a new password
// (core's recoverAccess always sets one). Belongs beside recoverAccess in core/register/open.ts;
// until it moves there it repeats two private helpers of that file (openWithKeyrings and
// reconcileKeyring), which it should then share instead.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { DatabaseKeyError, openDatabase, type OpenedDatabase } from '../db/open';
import { migrateDatabase } from '../db/migrate';
import { users } from '../db/schema';
import { KaappiError, WrongCredentialsError } from '../core/errors';
import { normaliseUsername, readKeyringFile, unlockWithRecoveryKey, userTag } from '../core/keyring';
import { LoginThrottle } from '../core/login-throttle';
import { registerExists, registerFiles, UnlockedRegister, type RegisterDeps, type RegisterFiles } from '../core/register';

/** The recovery key opens the register for an active owner, who is then the acting user. */
export async function openWithRecoveryKey(
  databasePath: string,
  args: { recoveryKey: string; username: string },
  deps: RegisterDeps,
): Promise<UnlockedRegister> {
  const files = registerFiles(databasePath);
  if (!registerExists(databasePath)) throw new KaappiError('REGISTER_MISSING');
  const throttle = new LoginThrottle(files.throttle, deps.clock);
  throttle.assertMayTry();
  let result: { opened: OpenedDatabase; key: Buffer };
  try {
    result = await openWithRecoveryKeyring(files, args.recoveryKey);
  } catch (error) {
    if (error instanceof KaappiError && error.code === 'WRONG_RECOVERY_KEY') throttle.recordFailure();
    throw error;
  }
  const { opened, key } = result;
  try {
    migrateDatabase(opened.sqlite);
    const row = opened.db.select().from(users).where(eq(users.username, normaliseUsername(args.username))).get();
    if (!row) throw new WrongCredentialsError();
    if (!row.active) throw new KaappiError('USER_INACTIVE');
    if (row.role !== 'owner') throw new KaappiError('FORBIDDEN');
    const failedBefore = throttle.recordSuccess();
    const sessionUser = { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
    const register = new UnlockedRegister(files, opened, key, sessionUser, deps);
    register.transaction(() =>
      register.audit({
        action: 'session.login_with_recovery_key',
        targetType: 'user',
        targetId: row.id,
        details: { failedAttemptsBefore: failedBefore },
      }),
    );
    reconcileKeyring(register);
    return register;
  } catch (error) {
    opened.sqlite.close();
    key.fill(0);
    throw error;
  }
}

/** As core's openWithKeyrings: `.keyring`, then a `.keyring.next` left by an interrupted re-key. */
async function openWithRecoveryKeyring(files: RegisterFiles, recoveryKey: string) {
  const candidates = [files.keyring, files.pendingKeyring].filter((path) => existsSync(path));
  let lastError: unknown = new KaappiError('WRONG_RECOVERY_KEY');
  for (const path of candidates) {
    const keyring = readKeyringFile(path);
    let key: Buffer;
    try {
      key = await unlockWithRecoveryKey(keyring, recoveryKey);
    } catch (error) {
      lastError = error;
      continue;
    }
    let opened: OpenedDatabase;
    try {
      opened = openDatabase(files.database, key);
    } catch (error) {
      key.fill(0);
      lastError = error instanceof DatabaseKeyError ? new KaappiError('REGISTER_UNREADABLE', {}, { cause: error }) : error;
      continue;
    }
    if (path === files.pendingKeyring) renameSync(files.pendingKeyring, files.keyring);
    else rmSync(files.pendingKeyring, { force: true });
    return { opened, key };
  }
  throw lastError;
}

/** As core's reconcileKeyring: finish a user removal whose re-key was interrupted. */
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
