// The owner's side of staff accounts beyond adding and removing them: resetting a forgotten
// password, changing a role, and recording the confidentiality agreement a user needs before they
// can log in (the unlock refuses anyone but an owner without its date: core/register/unlock.ts).
import { and, desc, eq, inArray } from 'drizzle-orm';
import { auditLog, users, type Role } from '../../db/schema';
import { KaappiError } from '../../../src-shared/errors';
import { rekeyWithNewPassword, type UnlockedRegister } from '../register';
import { assertSignedBy } from './confidentiality';
import { assertRole, isStrongPassword, listUsers, type UserSummary } from './index';

/** Another active user; the owner acts on others, never on themselves, through these. */
function otherActiveUser(register: UnlockedRegister, userId: number) {
  if (userId === register.user.id) throw new KaappiError('FORBIDDEN');
  const target = register.db.select().from(users).where(eq(users.id, userId)).get();
  if (!target?.active) throw new KaappiError('USER_NOT_FOUND');
  return target;
}

const summary = (register: UnlockedRegister, userId: number): UserSummary => {
  const found = listUsers(register).find((user) => user.id === userId);
  if (!found) throw new KaappiError('USER_NOT_FOUND');
  return found;
};

/**
 * Sets a new password for a user who has forgotten theirs. The owner learns nothing but the
 * password they set: the user's old entry is never opened, only replaced by one with a fresh key
 * pair, and the register is re-keyed first, so the old entry (with the old password, which someone
 * may have learned) opens no copy of the register made from now on. The user must change the
 * password at their next login (passwordSetByOwner; the registry allows nothing else until then).
 * Your own password needs your current one (changeOwnPassword) or the recovery key, not this.
 */
export async function resetUserPassword(
  register: UnlockedRegister,
  userId: number,
  newPassword: string,
): Promise<{ keyVersion: number }> {
  assertRole(register, 'owner');
  const target = otherActiveUser(register, userId);
  if (!isStrongPassword(newPassword, [target.username, target.displayName])) throw new KaappiError('WEAK_PASSWORD');
  // If another process has the file open, the re-key is refused and nothing has changed.
  const { keyVersion } = await rekeyWithNewPassword(register, target, newPassword);
  register.transaction((db) => {
    db.update(users)
      .set({ passwordChangedAt: register.deps.clock.now().toISOString() })
      .where(eq(users.id, userId))
      .run();
    register.audit({ action: 'user.password_reset', targetType: 'user', targetId: userId, details: { keyVersion } });
  });
  return { keyVersion };
}

/**
 * Whether the user's password was last set by the owner (the initial password of a user they
 * added, or a reset) rather than by the user: the owner knows it, so the user must choose their
 * own before doing anything else ("a personal username and password", seeds 002 and 004). Read
 * from the audit log, which records every way a password is set. The owner's own account is
 * added by the owner themself at the register's creation, so its password is their own.
 */
export function passwordSetByOwner(register: UnlockedRegister, userId: number): boolean {
  const last = register.db
    .select({ action: auditLog.action, actorUserId: auditLog.actorUserId })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.targetType, 'user'),
        eq(auditLog.targetId, String(userId)),
        inArray(auditLog.action, ['user.added', 'user.password_reset', 'user.password_changed']),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1)
    .get();
  if (last?.action === 'user.added') return last.actorUserId !== userId;
  return last?.action === 'user.password_reset';
}

/**
 * Gives another user a new role. Roles are enforced by the app on every call (the registry reads
 * the role again each time), so the change applies at once to a session already open; no re-key
 * is needed because every role holds the same database key. A non-owner needs a confidentiality
 * agreement date to log in, so one is required when the user has none.
 */
export function changeUserRole(
  register: UnlockedRegister,
  userId: number,
  change: { role: Role; confidentialitySignedOn?: string | undefined },
): UserSummary {
  assertRole(register, 'owner');
  const target = otherActiveUser(register, userId);
  const signedOn = change.confidentialitySignedOn ?? target.confidentialitySignedOn;
  if (change.role !== 'owner' && !signedOn) throw new KaappiError('NO_CONFIDENTIALITY_AGREEMENT');
  assertSignedBy(signedOn, register.deps.clock);
  register.transaction((db) => {
    db.update(users).set({ role: change.role, confidentialitySignedOn: signedOn }).where(eq(users.id, userId)).run();
    register.audit({
      action: 'user.role_changed',
      targetType: 'user',
      targetId: userId,
      details: { from: target.role, to: change.role },
    });
  });
  return summary(register, userId);
}

/** Records (or corrects) the date a user signed the confidentiality agreement (salassapitositoumus). */
export function recordConfidentialityAgreement(
  register: UnlockedRegister,
  userId: number,
  signedOn: string,
): UserSummary {
  assertRole(register, 'owner');
  assertSignedBy(signedOn, register.deps.clock);
  const target = register.db.select({ active: users.active }).from(users).where(eq(users.id, userId)).get();
  if (!target?.active) throw new KaappiError('USER_NOT_FOUND');
  register.transaction((db) => {
    db.update(users).set({ confidentialitySignedOn: signedOn }).where(eq(users.id, userId)).run();
    register.audit({ action: 'user.confidentiality_recorded', targetType: 'user', targetId: userId });
  });
  return summary(register, userId);
}
