// After a restore: the users the live register had removed are removed again in the restored one,
// which still has them active, with keyring entries their old passwords open.
import { and, eq, inArray } from 'drizzle-orm';
import { users } from '../../db/schema';
import { KaappiError } from '../../../src-shared/errors';
import { userTag } from '../keyring';
import type { UnlockedRegister } from '../register';

/** Deactivates them with one re-key that drops their entries; returns who they were, for the owner. */
export function removeAgainAfterRestore(
  register: UnlockedRegister,
  userIds: number[],
): Array<{ id: number; displayName: string }> {
  if (userIds.length === 0) return [];
  const targets = register.db
    .select()
    .from(users)
    .where(inArray(users.id, userIds))
    .all()
    .filter((user) => user.active);
  if (targets.length === 0) return [];
  const removed = new Set(targets.map((user) => user.id));
  const activeOwnersLeft = register.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'owner'), eq(users.active, true)))
    .all()
    .filter((owner) => !removed.has(owner.id));
  // Nobody could open the restored register as its owner, not even with the recovery key.
  if (activeOwnersLeft.length === 0) throw new KaappiError('RESTORE_NO_OWNER');
  const { keyVersion } = register.rekey({
    edit: (keyring) => {
      const tags = new Set(targets.map((user) => userTag(keyring, user.username)));
      return { ...keyring, entries: keyring.entries.filter((e) => e.kind !== 'user' || !tags.has(e.userTag ?? '')) };
    },
  });
  const at = register.deps.clock.now().toISOString();
  register.transaction((db) => {
    db.update(users)
      .set({ active: false, deactivatedAt: at })
      .where(inArray(users.id, [...removed]))
      .run();
    for (const user of targets) {
      register.audit({
        action: 'user.deactivated',
        targetType: 'user',
        targetId: user.id,
        details: { reason: 'removed-before-restore' },
      });
    }
    register.audit({
      action: 'register.rekeyed',
      targetType: 'register',
      details: { keyVersion, reason: 'removed-before-restore', removedUsers: targets.length },
    });
  });
  return targets.map((user) => ({ id: user.id, displayName: user.displayName }));
}
