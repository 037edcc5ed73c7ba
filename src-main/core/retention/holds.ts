// Holds the owner or staff put on a person (a reason, optionally until a date), and postponements
// from the review page. Either blocks deletion and is shown as the reason.
import { and, eq } from 'drizzle-orm';
import { retentionHolds } from '../../db/schema-retention';
import { assertPersonExists } from '../persons/records';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';

export function addHold(
  register: UnlockedRegister,
  personId: number,
  hold: { kind: 'manual' | 'postponed'; reason: string; until: string | null },
): void {
  assertRole(register, ...(hold.kind === 'postponed' ? (['owner'] as const) : (['owner', 'staff'] as const)));
  register.transaction((db) => {
    assertPersonExists(db, personId);
    db.insert(retentionHolds)
      .values({ personId, ...hold, createdAt: register.deps.clock.now().toISOString(), createdBy: register.user.id })
      .run();
    register.audit({
      action: `retention.${hold.kind === 'postponed' ? 'postponed' : 'hold_added'}`,
      targetType: 'person',
      targetId: personId,
      details: { until: hold.until },
    });
  });
}

export function removeManualHolds(register: UnlockedRegister, personId: number): void {
  assertRole(register, 'owner');
  register.transaction((db) => {
    db.delete(retentionHolds)
      .where(and(eq(retentionHolds.personId, personId), eq(retentionHolds.kind, 'manual')))
      .run();
    register.audit({ action: 'retention.hold_removed', targetType: 'person', targetId: personId });
  });
}
