// Staff accounts: personal logins with roles and the confidentiality agreement date.
// Owner-only operations check the role here too, so the CLI and the IPC door enforce the same rule.
import { and, asc, eq, ne } from 'drizzle-orm';
import { users, type Role } from '../../db/schema';
import { KaappiError, WrongCredentialsError } from '../../../src-shared/errors';
import { findUserEntry, newUserEntry, normaliseUsername, unlockWithPassword, userTag, withEntry } from '../keyring';
import { LoginThrottle } from '../login-throttle';
import { listEntries, recordRemovedUser, rekeyWithNewPassword, type UnlockedRegister } from '../register';
import { isStrongPassword } from '../../../src-shared/password-policy';
import { assertSignedBy } from './confidentiality';

export { isStrongPassword, MIN_PASSWORD_LENGTH, passwordStrength } from '../../../src-shared/password-policy';

export interface UserSummary {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  confidentialitySignedOn: string | null;
  active: boolean;
  createdAt: string;
}

export function assertRole(register: UnlockedRegister, ...roles: Role[]): void {
  if (!roles.includes(register.user.role)) throw new KaappiError('FORBIDDEN');
}

export function listUsers(register: UnlockedRegister): UserSummary[] {
  return register.db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      confidentialitySignedOn: users.confidentialitySignedOn,
      active: users.active,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.username))
    .all();
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  confidentialitySignedOn: string;
}

export async function addUser(register: UnlockedRegister, input: NewUser): Promise<UserSummary> {
  assertRole(register, 'owner');
  assertSignedBy(input.confidentialitySignedOn, register.deps.clock);
  const username = normaliseUsername(input.username);
  if (register.db.select({ id: users.id }).from(users).where(eq(users.username, username)).get()) {
    throw new KaappiError('USERNAME_TAKEN');
  }
  if (!isStrongPassword(input.password, [username, input.displayName])) throw new KaappiError('WEAK_PASSWORD');
  const keyring = register.readKeyring();
  const entry = await register.withDatabaseKey((key) =>
    newUserEntry(keyring, key, username, input.password, register.keyringContext),
  );
  const now = register.deps.clock.now().toISOString();
  // The keyring is written inside the transaction: if writing it fails, the user row rolls back.
  // Should the app stop after writing it, the entry is on no list and the next unlock drops it.
  return register.transaction((db) => {
    const row = db
      .insert(users)
      .values({
        username,
        displayName: input.displayName.trim(),
        role: input.role,
        confidentialitySignedOn: input.confidentialitySignedOn,
        createdAt: now,
        passwordChangedAt: now,
      })
      .returning()
      .get();
    listEntries(db, [{ entry, userId: row.id }], now);
    register.audit({ action: 'user.added', targetType: 'user', targetId: row.id, details: { role: row.role } });
    register.writeKeyring(withEntry(register.readKeyring(), entry));
    return toSummary(row);
  });
}

/**
 * Deactivates a user and re-keys the register, so a copy of the old key or keyring entry that
 * the user might have kept opens nothing. The row stays, so the audit trail keeps its actor.
 */
export function deactivateUser(register: UnlockedRegister, userId: number): { keyVersion: number } {
  assertRole(register, 'owner');
  if (userId === register.user.id) throw new KaappiError('CANNOT_REMOVE_SELF');
  const target = register.db.select().from(users).where(eq(users.id, userId)).get();
  if (!target || !target.active) throw new KaappiError('USER_NOT_FOUND');
  if (target.role === 'owner') {
    const otherOwners = register.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'owner'), eq(users.active, true), ne(users.id, userId)))
      .all();
    if (otherOwners.length === 0) throw new KaappiError('LAST_OWNER');
  }
  // Re-key first, without the user's entry: if it cannot happen (another process has the file
  // open), nothing has changed. Should the app stop between the two steps, the user can no
  // longer open the register, and removing them again finishes the job.
  const { keyVersion } = register.rekey({
    edit: (keyring) => {
      const tag = userTag(keyring, target.username);
      return { ...keyring, entries: keyring.entries.filter((e) => e.kind !== 'user' || e.userTag !== tag) };
    },
  });
  const at = register.deps.clock.now().toISOString();
  register.transaction((db) => {
    db.update(users).set({ active: false, deactivatedAt: at }).where(eq(users.id, userId)).run();
    register.audit({ action: 'user.deactivated', targetType: 'user', targetId: userId });
    register.audit({
      action: 'register.rekeyed',
      targetType: 'register',
      details: { keyVersion, reason: 'user-deactivated' },
    });
  });
  // Outside the file, so a restore of an older backup removes them again (unlock reconciles).
  recordRemovedUser(register.db, register.files.removedUsers, userId, at);
  return { keyVersion };
}

/**
 * A user's own password change. The user gets a new key pair sealed with the new password and
 * the register is re-keyed, so a copy of the old keyring opened with the old password (someone
 * who learned it) no longer opens anything. Wrong current passwords count towards the back-off.
 */
export async function changeOwnPassword(
  register: UnlockedRegister,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const { username, displayName, id } = register.user;
  if (!isStrongPassword(input.newPassword, [username, displayName])) throw new KaappiError('WEAK_PASSWORD');
  if (input.newPassword === input.currentPassword) throw new KaappiError('PASSWORD_UNCHANGED');
  const throttle = new LoginThrottle(register.files.throttle, register.deps.clock);
  throttle.beginAttempt();
  try {
    (await unlockWithPassword(register.readKeyring(), username, input.currentPassword)).fill(0);
  } catch (error) {
    if (!(error instanceof WrongCredentialsError)) {
      throttle.notCounted();
      throw error;
    }
    throw new KaappiError('WRONG_CURRENT_PASSWORD');
  }
  throttle.succeeded();
  // If the re-key cannot happen now, nothing has changed and the old password still works.
  const { keyVersion } = await rekeyWithNewPassword(register, { id, username }, input.newPassword);
  register.transaction((db) => {
    db.update(users).set({ passwordChangedAt: register.deps.clock.now().toISOString() }).where(eq(users.id, id)).run();
    register.audit({ action: 'user.password_changed', targetType: 'user', targetId: id, details: { keyVersion } });
  });
}

export function hasKeyringEntry(register: UnlockedRegister, username: string): boolean {
  return findUserEntry(register.readKeyring(), username) !== undefined;
}

function toSummary(row: typeof users.$inferSelect): UserSummary {
  const { id, username, displayName, role, confidentialitySignedOn, active, createdAt } = row;
  return { id, username, displayName, role, confidentialitySignedOn, active, createdAt };
}
export { removeAgainAfterRestore } from './removed-again';
export { assertSignedBy, signedAfterToday } from './confidentiality';
export { changeUserRole, passwordSetByOwner, recordConfidentialityAgreement, resetUserPassword } from './staff';
