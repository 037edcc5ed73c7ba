// The retention policies as the owner sees and tunes them: several per rule, each for a group of
// relationship kinds, plus stated rules the notice prints and Kaappi cannot enforce.
import { asc, eq } from 'drizzle-orm';
import { preparedQuery, type ReadableDb } from '../../db/open';
import { retentionPolicies } from '../../db/schema-retention';
import { RETENTION_RULES, type RetentionRule } from '../../../src-shared/vocabulary';
import { KaappiError } from '../../../src-shared/errors';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';
import { PERIOD_LIMITS, type RetentionPeriod } from './period';

export interface RetentionPolicy {
  key: string;
  kind: 'enforced' | 'stated';
  /** Null for a stated rule. */
  rule: RetentionRule | null;
  period: RetentionPeriod | null;
  kindKeys: string[];
  action: 'delete' | 'anonymise';
  mode: 'review' | 'automatic';
  active: boolean;
  /** A stated rule's words as the notice prints them; null for an enforced rule. */
  text: { fi: string; en: string } | null;
}

/** An enforced policy, as the sweep and the predictions use it. */
export type EnforcedPolicy = RetentionPolicy & { kind: 'enforced'; rule: RetentionRule; period: RetentionPeriod };

export type PolicyChanges = Partial<Omit<RetentionPolicy, 'key' | 'kind'>>;

const KEY = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const TEXT_MAX = 500;

type Row = typeof retentionPolicies.$inferSelect;

function fromRow(row: Row): RetentionPolicy {
  return {
    key: row.key,
    kind: row.kind,
    rule: row.rule,
    period: row.periodAmount !== null && row.periodUnit ? { amount: row.periodAmount, unit: row.periodUnit } : null,
    kindKeys: JSON.parse(row.kindKeys) as string[],
    action: row.action,
    mode: row.mode,
    active: row.active,
    text: row.textFi !== null && row.textEn !== null ? { fi: row.textFi, en: row.textEn } : null,
  };
}

function toRow(policy: RetentionPolicy): Omit<Row, 'id'> {
  return {
    key: policy.key,
    kind: policy.kind,
    rule: policy.rule,
    periodAmount: policy.period?.amount ?? null,
    periodUnit: policy.period?.unit ?? null,
    kindKeys: JSON.stringify(policy.kindKeys),
    action: policy.action,
    mode: policy.mode,
    active: policy.active,
    textFi: policy.text?.fi ?? null,
    textEn: policy.text?.en ?? null,
  };
}

export function listPolicies(db: ReadableDb): RetentionPolicy[] {
  // Prepared once: every look at who is due reads the rules first.
  const query = preparedQuery(db, 'listPolicies', () =>
    db.select().from(retentionPolicies).orderBy(asc(retentionPolicies.id)),
  );
  return query.all().map(fromRow);
}

export function isEnforced(policy: RetentionPolicy): policy is EnforcedPolicy {
  return policy.kind === 'enforced' && policy.rule !== null && policy.period !== null;
}

/** Refuses a policy that could not run or print as the owner means it, naming the field. */
export function checkPolicy(policy: RetentionPolicy): void {
  const invalid = (field: string) => new KaappiError('RETENTION_POLICY_INVALID', { key: policy.key, field });
  if (!KEY.test(policy.key)) throw invalid('key');
  if (!policy.kindKeys.every((key) => typeof key === 'string' && key.length > 0)) throw invalid('kindKeys');
  if (policy.kind === 'stated') {
    // A stated rule never deletes: it has no start, period or action to run.
    if (policy.rule !== null || policy.period !== null) throw invalid('rule');
    const { fi = '', en = '' } = policy.text ?? {};
    if (!fi.trim() || fi.length > TEXT_MAX) throw invalid('text.fi');
    if (!en.trim() || en.length > TEXT_MAX) throw invalid('text.en');
    return;
  }
  if (policy.rule === null || !RETENTION_RULES.includes(policy.rule)) throw invalid('rule');
  const period = policy.period;
  if (!period || !Number.isInteger(period.amount) || period.amount < 1 || period.amount > PERIOD_LIMITS[period.unit]) {
    throw invalid('period');
  }
  if (policy.text !== null) throw invalid('text');
}

function policyByKey(db: ReadableDb, key: string): RetentionPolicy {
  const row = db.select().from(retentionPolicies).where(eq(retentionPolicies.key, key)).get();
  if (!row) throw new KaappiError('RETENTION_POLICY_NOT_FOUND', { key });
  return fromRow(row);
}

export type NewPolicy = Omit<RetentionPolicy, 'key' | 'action' | 'mode' | 'active'> &
  Partial<Pick<RetentionPolicy, 'key' | 'action' | 'mode' | 'active'>>;

/** Adds a policy; without a key, one is made from the rule ('inactive-2', 'stated-1'). */
export function addPolicy(register: UnlockedRegister, input: NewPolicy): RetentionPolicy[] {
  assertRole(register, 'owner');
  return register.transaction((db) => {
    const taken = new Set(listPolicies(db).map((p) => p.key));
    const base = input.rule ?? 'stated';
    let key = input.key;
    for (let n = 2; !key; n += 1) if (!taken.has(`${base}-${n}`)) key = `${base}-${n}`;
    if (taken.has(key)) throw new KaappiError('RETENTION_POLICY_KEY_TAKEN', { key });
    const policy: RetentionPolicy = { action: 'delete', mode: 'review', active: true, ...input, key };
    checkPolicy(policy);
    db.insert(retentionPolicies).values(toRow(policy)).run();
    register.audit({
      action: 'retention.policy_added',
      targetType: 'retention_policy',
      targetId: key,
      details: summary(policy),
    });
    return listPolicies(db);
  });
}

export function updatePolicy(register: UnlockedRegister, key: string, changes: PolicyChanges): RetentionPolicy[] {
  assertRole(register, 'owner');
  return register.transaction((db) => {
    const policy: RetentionPolicy = { ...policyByKey(db, key), ...changes };
    checkPolicy(policy);
    db.update(retentionPolicies).set(toRow(policy)).where(eq(retentionPolicies.key, key)).run();
    register.audit({
      action: 'retention.policy_updated',
      targetType: 'retention_policy',
      targetId: key,
      details: { fields: Object.keys(changes).join(','), ...summary(policy) },
    });
    return listPolicies(db);
  });
}

export function removePolicy(register: UnlockedRegister, key: string): RetentionPolicy[] {
  assertRole(register, 'owner');
  return register.transaction((db) => {
    const policy = policyByKey(db, key);
    db.delete(retentionPolicies).where(eq(retentionPolicies.key, key)).run();
    register.audit({
      action: 'retention.policy_removed',
      targetType: 'retention_policy',
      targetId: key,
      details: summary(policy),
    });
    return listPolicies(db);
  });
}

/** What the audit keeps of a policy: its terms, never a stated rule's free text. */
function summary(policy: RetentionPolicy) {
  return {
    kind: policy.kind,
    rule: policy.rule,
    period: policy.period ? `${policy.period.amount} ${policy.period.unit}` : null,
    kindKeys: policy.kindKeys.join(','),
    action: policy.action,
    mode: policy.mode,
    active: policy.active,
  };
}
