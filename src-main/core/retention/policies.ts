// The retention policies as the owner sees and tunes them.
import { asc, eq } from 'drizzle-orm';
import type { RegisterDb } from '../../db/open';
import { retentionPolicies } from '../../db/schema-retention';
import type { RetentionRule } from '../../db/vocabulary';
import { KaappiError } from '../errors';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';

export interface RetentionPolicy {
  rule: RetentionRule;
  years: number;
  kindKeys: string[];
  action: 'delete' | 'anonymise';
  mode: 'review' | 'automatic';
  active: boolean;
}

export function listPolicies(db: RegisterDb): RetentionPolicy[] {
  return db
    .select()
    .from(retentionPolicies)
    .orderBy(asc(retentionPolicies.id))
    .all()
    .map(({ rule, years, kindKeys, action, mode, active }) => ({
      rule,
      years,
      kindKeys: JSON.parse(kindKeys) as string[],
      action,
      mode,
      active,
    }));
}

export function updatePolicy(
  register: UnlockedRegister,
  rule: RetentionRule,
  changes: Partial<Omit<RetentionPolicy, 'rule'>>,
): RetentionPolicy[] {
  assertRole(register, 'owner');
  return register.transaction((db) => {
    const { kindKeys, ...rest } = changes;
    const updated = db
      .update(retentionPolicies)
      .set({ ...rest, ...(kindKeys ? { kindKeys: JSON.stringify(kindKeys) } : {}) })
      .where(eq(retentionPolicies.rule, rule))
      .run();
    if (updated.changes === 0) throw new KaappiError('INVALID_INPUT');
    register.audit({
      action: 'retention.policy_updated',
      targetType: 'retention_policy',
      targetId: rule,
      details: { fields: Object.keys(changes).join(',') },
    });
    return listPolicies(db);
  });
}
