// Creating a register and unlocking it: with a user's password, or with the recovery key.
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { eq } from 'drizzle-orm';
import { DatabaseKeyError, openDatabase, type OpenedDatabase } from '../../db/open';
import { migrateDatabase } from '../../db/migrate';
import { registerInfo, users } from '../../db/schema';
import { appendAudit } from '../audit';
import { KaappiError, WrongCredentialsError } from '../errors';
import {
  createKeyring,
  formatRecoveryKey,
  normaliseUsername,
  readKeyringFile,
  unlockWithPassword,
  unlockWithRecoveryKey,
  userTag,
  withUserPassword,
  writeKeyringFile,
  type Keyring,
} from '../keyring';
import { LoginThrottle } from '../login-throttle';
import { isStrongPassword } from '../users/password-policy';
import { registerExists, registerFiles, type RegisterFiles } from './files';
import { UnlockedRegister, type RegisterDeps, type SessionUser } from './unlocked';

export interface NewOwner {
  username: string;
  displayName: string;
  password: string;
  confidentialitySignedOn?: string | null;
}

/** Creates the register file and its keyring. The recovery key is returned once and never stored. */
export async function createRegister(
  databasePath: string,
  owner: NewOwner,
  deps: RegisterDeps,
): Promise<{ register: UnlockedRegister; recoveryKey: string }> {
  if (registerExists(databasePath) || existsSync(databasePath)) throw new KaappiError('REGISTER_EXISTS');
  if (!isStrongPassword(owner.password, [owner.username, owner.displayName])) throw new KaappiError('WEAK_PASSWORD');
  const files = registerFiles(databasePath);
  const registerId = randomUUID();
  const databaseKey = deps.random(32);
  const { keyring, recoverySecret } = await createKeyring(
    { registerId, databaseKey, ownerUsername: owner.username, ownerPassword: owner.password },
    deps,
  );
  const recoveryKey = formatRecoveryKey(recoverySecret);
  recoverySecret.fill(0);

  mkdirSync(dirname(databasePath), { recursive: true });
  const opened = openDatabase(databasePath, databaseKey);
  try {
    // Encrypted or not, the file is nobody else's business on a shared machine.
    chmodSync(databasePath, 0o600);
    migrateDatabase(opened.sqlite);
    const now = deps.clock.now().toISOString();
    const user = opened.sqlite
      .transaction(() => {
        opened.db.insert(registerInfo).values({ id: 1, registerId, createdAt: now }).run();
        const row = opened.db
          .insert(users)
          .values({
            username: normaliseUsername(owner.username),
            displayName: owner.displayName.trim(),
            role: 'owner',
            confidentialitySignedOn: owner.confidentialitySignedOn ?? null,
            createdAt: now,
            passwordChangedAt: now,
          })
          .returning()
          .get();
        appendAudit(opened.db, deps.clock, { actorUserId: row.id, action: 'register.created', targetType: 'register' });
        appendAudit(opened.db, deps.clock, {
          actorUserId: row.id,
          action: 'user.added',
          targetType: 'user',
          targetId: row.id,
          details: { role: 'owner' },
        });
        return row;
      })
      .immediate();
    writeKeyringFile(files.keyring, keyring);
    const sessionUser: SessionUser = {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: 'owner',
    };
    return { register: new UnlockedRegister(files, opened, databaseKey, sessionUser, deps), recoveryKey };
  } catch (error) {
    opened.sqlite.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(databasePath + suffix, { force: true });
    throw error;
  }
}

type KeySource = (keyring: Keyring) => Promise<Buffer>;

/**
 * Finds the keyring whose key opens the database. Normally that is `<register>.keyring`; after a
 * re-key interrupted by a crash it may be `.keyring.next`, which is then promoted.
 */
async function openWithKeyrings(files: RegisterFiles, keySource: KeySource) {
  if (!registerExists(files.database)) throw new KaappiError('REGISTER_MISSING');
  const candidates = [files.keyring, files.pendingKeyring].filter((path) => existsSync(path));
  let lastError: unknown = new WrongCredentialsError();
  for (const path of candidates) {
    const keyring = readKeyringFile(path);
    let key: Buffer;
    try {
      key = await keySource(keyring);
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
    return { opened, key, keyring: readKeyringFile(files.keyring) };
  }
  throw lastError;
}

function loadUser(opened: OpenedDatabase, username: string) {
  return opened.db
    .select()
    .from(users)
    .where(eq(users.username, normaliseUsername(username)))
    .get();
}

function assertMayLogIn(user: typeof users.$inferSelect | undefined): asserts user is typeof users.$inferSelect {
  if (!user) throw new WrongCredentialsError();
  if (!user.active) throw new KaappiError('USER_INACTIVE');
  if (user.role !== 'owner' && !user.confidentialitySignedOn) throw new KaappiError('NO_CONFIDENTIALITY_AGREEMENT');
}

const toSessionUser = (row: typeof users.$inferSelect): SessionUser => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  role: row.role,
});

export async function unlockRegister(
  databasePath: string,
  credentials: { username: string; password: string },
  deps: RegisterDeps,
): Promise<UnlockedRegister> {
  const files = registerFiles(databasePath);
  if (!registerExists(databasePath)) throw new KaappiError('REGISTER_MISSING');
  const throttle = new LoginThrottle(files.throttle, deps.clock);
  throttle.assertMayTry();
  let result: Awaited<ReturnType<typeof openWithKeyrings>>;
  try {
    result = await openWithKeyrings(files, (keyring) =>
      unlockWithPassword(keyring, credentials.username, credentials.password),
    );
  } catch (error) {
    if (error instanceof WrongCredentialsError) throttle.recordFailure();
    throw error;
  }
  const { opened, key } = result;
  try {
    migrateDatabase(opened.sqlite);
    const row = loadUser(opened, credentials.username);
    assertMayLogIn(row);
    const failedBefore = throttle.recordSuccess();
    const register = new UnlockedRegister(files, opened, key, toSessionUser(row), deps);
    register.transaction(() =>
      register.audit({
        action: 'session.login',
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

/**
 * Opens the register with the recovery key and sets a new password for an active owner: the way
 * back in when the owner has forgotten theirs.
 */
export async function recoverAccess(
  databasePath: string,
  args: { recoveryKey: string; username: string; newPassword: string },
  deps: RegisterDeps,
): Promise<UnlockedRegister> {
  const files = registerFiles(databasePath);
  const throttle = new LoginThrottle(files.throttle, deps.clock);
  throttle.assertMayTry();
  if (!isStrongPassword(args.newPassword, [args.username])) throw new KaappiError('WEAK_PASSWORD');
  let result: Awaited<ReturnType<typeof openWithKeyrings>>;
  try {
    result = await openWithKeyrings(files, (keyring) => unlockWithRecoveryKey(keyring, args.recoveryKey));
  } catch (error) {
    if (error instanceof KaappiError && error.code === 'WRONG_RECOVERY_KEY') throttle.recordFailure();
    throw error;
  }
  const { opened, key, keyring } = result;
  try {
    migrateDatabase(opened.sqlite);
    const row = loadUser(opened, args.username);
    assertMayLogIn(row);
    if (row.role !== 'owner') throw new KaappiError('FORBIDDEN');
    throttle.recordSuccess();
    writeKeyringFile(files.keyring, await withUserPassword(keyring, key, row.username, args.newPassword, deps));
    const register = new UnlockedRegister(files, opened, key, toSessionUser(row), deps);
    register.transaction((db) => {
      db.update(users).set({ passwordChangedAt: deps.clock.now().toISOString() }).where(eq(users.id, row.id)).run();
      register.audit({ action: 'user.password_reset_with_recovery_key', targetType: 'user', targetId: row.id });
    });
    reconcileKeyring(register);
    return register;
  } catch (error) {
    opened.sqlite.close();
    key.fill(0);
    throw error;
  }
}

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
