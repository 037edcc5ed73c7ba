// Which persons a retention policy makes due, on which day, and what holds them: raw SQL for the
// date arithmetic, prepared once per set of policies with every value bound as a placeholder.
import { sql, type SQL } from 'drizzle-orm';
import { bookkeepingEnd, bookkeepingModifier } from './bookkeeping-rows';
import type { RetentionRule } from '../../src-shared/vocabulary';
import { preparedSql, runSql, type ReadableDb, type RegisterDb } from './open';

export interface SweepPolicy {
  key: string;
  rule: RetentionRule;
  /** SQLite date() modifier of the policy's period, '+6 months' or '+5 years'. */
  modifier: string;
  kindKeys: string[];
}

/** What blocks deleting a person (core's holdReasons reads them). */
export interface BlockingHolds {
  openInvoice: number;
  inCollection: number;
  contactPerson: number;
  manualHold: string | null;
  postponedUntil: string | null;
  /** An open data-subject request (other than erasure) is still being answered. */
  openRequest: number;
}

export interface SweepRow extends BlockingHolds {
  personId: number;
  policyKey: string;
  rule: RetentionRule;
  dueOn: string;
}

/** What holds a person, and what is only told to them. */
export interface HoldRow extends BlockingHolds {
  personId: number;
  /**
   * Last day the Accounting Act keeps one of this person's orders, if still ahead: not a hold (the
   * orders stay as unlinked bookkeeping rows when the person goes), told to the person.
   */
  billingUntil: string | null;
}

/**
 * The date a rule counts from, which persons it can apply to at all, and the indexed column the
 * cheap first comparison uses (created_at is a timestamp, so it is compared before the next day).
 */
function ruleSource(rule: RetentionRule): { from: SQL; where: SQL; indexed: (cutoff: SQL) => SQL } {
  const upTo = (column: SQL) => (cutoff: SQL) => sql`${column} <= ${cutoff}`;
  switch (rule) {
    case 'inactive':
      return {
        from: sql`p.last_activity_on`,
        where: sql`1 = 1`,
        indexed: upTo(sql`p.last_activity_on`),
      };
    case 'passive_not_moved':
      return {
        from: sql`p.passivated_on`,
        where: sql`p.status = 'passive'`,
        indexed: upTo(sql`p.passivated_on`),
      };
    case 'after_end':
      return {
        from: sql`p.ended_on`,
        where: sql`p.status = 'ended'`,
        indexed: upTo(sql`p.ended_on`),
      };
    case 'prospect_not_converted':
      return {
        from: sql`substr(p.created_at, 1, 10)`,
        where: sql`p.kind_id IN (SELECT id FROM relationship_kinds WHERE key = 'prospect')`,
        indexed: (cutoff) => sql`p.created_at < date(${cutoff}, '+1 day')`,
      };
  }
}

/** A policy's period as a date() modifier, checked: it is written into the statement's text. */
function periodOf(policy: SweepPolicy): { period: SQL; back: SQL } {
  if (!/^\+\d+ (months|years)$/.test(policy.modifier)) throw new Error(`bad period ${policy.modifier}`);
  return { period: sql.raw(`'${policy.modifier}'`), back: sql.raw(`'${policy.modifier.replace('+', '-')}'`) };
}

const TODAY = sql.placeholder('today');
/** The persons of the `ids` placeholder, a JSON array. */
const IDS_GIVEN = sql`SELECT value FROM json_each(${sql.placeholder('ids')})`;
/** The `i`th policy's own value: its key, rule or kinds (JSON). */
const policyValue = (i: number, name: 'key' | 'rule' | 'kinds') => sql.placeholder(`p${i}${name}`);

/** What a statement's text depends on: each policy's rule, period and whether it names kinds. */
function policiesShape(policies: SweepPolicy[]): string {
  return policies.map((p) => `${p.rule}${p.modifier}${p.kindKeys.length > 0 ? '+kinds' : ''}`).join(',');
}

/** The values the policies' placeholders take, with today's. */
function sweepValues(policies: SweepPolicy[], today: string): Record<string, unknown> {
  const values: Record<string, unknown> = { today };
  policies.forEach((policy, i) => {
    values[`p${i}key`] = policy.key;
    values[`p${i}rule`] = policy.rule;
    values[`p${i}kinds`] = JSON.stringify(policy.kindKeys);
  });
  return values;
}

/**
 * Whether person p is due today under the `i`th policy. With `persons` (a condition on p's id)
 * only those persons, looked up by id without the rule's index comparison.
 */
function dueWhere(policy: SweepPolicy, i: number, options: { persons?: SQL } = {}): SQL {
  const { from, indexed } = ruleSource(policy.rule);
  const { period, back } = periodOf(policy);
  // The first comparison can use an index (a superset: a few days of slack for month ends and
  // leap days, which roll over); the second is exact: due on the day, not a day earlier.
  const superset = options.persons ?? indexed(sql`date(${TODAY}, ${back}, '+3 days')`);
  return sql`${ruleApplies(policy, i)} AND ${superset} AND date(${from}, ${period}) <= ${TODAY}`;
}

/** Whether the `i`th policy's rule and groups apply to person p, who has a day to count from. */
function ruleApplies(policy: SweepPolicy, i: number): SQL {
  const { from, where } = ruleSource(policy.rule);
  const kinds = policy.kindKeys.length
    ? sql` AND p.kind_id IN (SELECT id FROM relationship_kinds WHERE key IN (SELECT value FROM json_each(${policyValue(i, 'kinds')})))`
    : sql``;
  return sql`${where}${kinds} AND ${from} IS NOT NULL`;
}

function dueSelect(policy: SweepPolicy, i: number, options: { persons?: SQL }): SQL {
  const { from } = ruleSource(policy.rule);
  const { period } = periodOf(policy);
  // For given persons, look them up by id; the rule's index would scan everyone due instead.
  // NOT INDEXED: otherwise the planner still took persons_passivated for status = 'passive' and
  // read every passive person once per chunk (approving 10,000 at 1M: 1.5 s → 0.45 s).
  const byId = options.persons ? sql` NOT INDEXED` : sql``;
  return sql`SELECT p.id AS person_id, ${policyValue(i, 'key')} AS policy_key, ${policyValue(i, 'rule')} AS rule,
      date(${from}, ${period}) AS due_on
    FROM persons p${byId} WHERE ${dueWhere(policy, i, options)}`;
}

/**
 * What holds the person whose id is `personId` (an SQL expression), one expression per column of
 * HoldRow; `billingUntil`, which blocks nothing, only when asked for.
 */
function holdColumns(personId: SQL, withBilling = false): SQL {
  const billingEnd = bookkeepingEnd(sql`o.ordered_on`, sql`${sql.placeholder('bookkeeping')}`);
  const blocking = {
    openInvoice: sql`EXISTS (SELECT 1 FROM orders o WHERE o.person_id = ${personId} AND o.invoice_status = 'open')`,
    inCollection: sql`EXISTS (SELECT 1 FROM orders o WHERE o.person_id = ${personId} AND o.invoice_status = 'in_collection')`,
    contactPerson: sql`EXISTS (SELECT 1 FROM employments em WHERE em.person_id = ${personId} AND em.ended_on IS NULL)`,
    manualHold: sql`(SELECT h.reason FROM retention_holds h WHERE h.person_id = ${personId} AND h.kind = 'manual'
        AND (h.until IS NULL OR h.until >= ${TODAY}) ORDER BY h.id DESC LIMIT 1)`,
    postponedUntil: sql`(SELECT max(h.until) FROM retention_holds h WHERE h.person_id = ${personId} AND h.kind = 'postponed'
        AND h.until >= ${TODAY})`,
    openRequest: sql`EXISTS (SELECT 1 FROM request_subjects rs JOIN requests r ON r.id = rs.request_id
        WHERE rs.person_id = ${personId} AND r.status IN ('received', 'verified', 'in_progress')
          AND r.type <> 'erasure')`,
  } satisfies Record<keyof BlockingHolds, SQL>;
  const parts: Record<string, SQL> = withBilling
    ? {
        ...blocking,
        billingUntil: sql`(SELECT max(${billingEnd}) FROM orders o WHERE o.person_id = ${personId}
            HAVING max(${billingEnd}) >= ${TODAY})`,
      }
    : blocking;
  return sql.join(
    Object.entries(parts).map(([name, part]) => sql`${part} AS ${sql.raw(name)}`),
    sql`, `,
  );
}

/**
 * Whether the register's records block deleting the person: an open or collected invoice, or a
 * current contact-person role. Kept as persons.retention_blocked (migration 0021 writes it out).
 */
function blockedByRecords(personId: SQL): SQL {
  return sql`(EXISTS (SELECT 1 FROM orders o WHERE o.person_id = ${personId} AND o.invoice_status IN ('open', 'in_collection'))
    OR EXISTS (SELECT 1 FROM employments em WHERE em.person_id = ${personId} AND em.ended_on IS NULL))`;
}

/** The persons a hold in force today or an open request holds: few rows, read once as a set. */
const HELD_BY_FEW_ROWS = sql`SELECT h.person_id AS id FROM retention_holds h
    WHERE (h.kind = 'manual' AND (h.until IS NULL OR h.until >= ${TODAY})) OR (h.kind = 'postponed' AND h.until >= ${TODAY})
  UNION SELECT rs.person_id FROM request_subjects rs JOIN requests r ON r.id = rs.request_id
    WHERE r.status IN ('received', 'verified', 'in_progress') AND r.type <> 'erasure'`;

/** What holds each of these persons today, whether or not a policy makes them due. */
export function holdsOf(db: ReadableDb, personIds: number[], today: string, bookkeepingYears: number): HoldRow[] {
  if (personIds.length === 0) return [];
  return preparedSql(
    db,
    'retention holdsOf',
    () =>
      sql`SELECT p.id AS personId, ${holdColumns(sql`p.id`, true)} FROM persons p
        WHERE p.id IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`,
  ).all<HoldRow>({ today, bookkeeping: bookkeepingModifier(bookkeepingYears), ids: JSON.stringify(personIds) });
}

/**
 * A page of the due persons in the sweep's order: `limit` of them after the first `offset`, counted
 * after `after` (the last row of the page before) when given.
 */
export interface DueWindow {
  offset: number;
  limit: number;
  after?: { dueOn: string; personId: number };
}

/**
 * One row per due person: the one of the earliest due day, the first rule and key on a tie. The
 * text compared orders as those three columns do (a space sorts before every character a rule or
 * key may hold), and SQLite takes a min() query's other columns from the row of the min.
 */
const EARLIEST = sql`SELECT person_id, policy_key, rule, due_on, min(due_on || ' ' || rule || ' ' || policy_key) AS first
  FROM due GROUP BY person_id`;

/**
 * Everyone a policy makes due today, or (with `personIds`, at most a few hundred) whether
 * these persons are: approving 10,000 deletions must not sweep a million persons to check them.
 */
export function sweepDue(
  db: ReadableDb,
  policies: SweepPolicy[],
  today: string,
  only: { personIds: number[] } | null = null,
): SweepRow[] {
  if (policies.length === 0 || (only && only.personIds.length === 0)) return [];
  const values = sweepValues(policies, today);
  const byIds = only !== null;
  if (byIds) values['ids'] = JSON.stringify(only.personIds);
  return preparedSql(db, `retention sweep ${byIds ? 'ids' : 'all'} ${policiesShape(policies)}`, () => {
    const union = dueUnion(policies, byIds ? { persons: sql`p.id IN (${IDS_GIVEN})` } : {});
    // MATERIALIZED: otherwise the planner walks every person in id order to group them below,
    // instead of each rule's index (1M register, 61k due: 1.4 s → 0.4 s).
    return sql`WITH due AS MATERIALIZED (${union}), earliest AS (${EARLIEST})
      SELECT e.person_id AS personId, e.policy_key AS policyKey, e.rule AS rule, e.due_on AS dueOn,
        ${holdColumns(sql`e.person_id`)}
      FROM earliest e
      ORDER BY e.due_on, e.person_id`;
  }).all<SweepRow>(values);
}

export type SweepPageRow = SweepRow & { firstName: string; lastName: string };

/**
 * One page of the due persons in the sweep's order (due day, then id), with their names, in one
 * statement: a range of the kept due days (persons_due, migration 0021), from the start or after
 * the cursor, each with the policy whose day it is (the first by rule, then key, as the sweep
 * breaks a tie) and what holds them. A person no policy gives the kept day (only if the kept
 * state is wrong, which verify reports) is left out.
 */
export function sweepPage(db: ReadableDb, policies: SweepPolicy[], today: string, window: DueWindow): SweepPageRow[] {
  if (policies.length === 0) return [];
  const values = sweepValues(policies, today);
  Object.assign(values, { limit: window.limit, offset: window.offset });
  if (window.after) Object.assign(values, { afterDue: window.after.dueOn, afterId: window.after.personId });
  const mode = window.after ? 'after' : 'from the start';
  // The tie order is written into the statement's text, so it is part of what the text depends on.
  const tieOrder = policies
    .map((policy, i) => ({ policy, i }))
    .sort((a, b) => compareText(a.policy.rule, b.policy.rule) || compareText(a.policy.key, b.policy.key));
  const shape = `${policiesShape(policies)} in tie order ${tieOrder.map(({ i }) => i).join('.')}`;
  const rows = preparedSql(db, `retention sweep page ${mode} ${shape}`, () => {
    const after = window.after
      ? sql` AND (p.due_on, p.id) > (${sql.placeholder('afterDue')}, ${sql.placeholder('afterId')})`
      : sql``;
    const whose = sql.join(
      tieOrder.map(({ policy, i }) => {
        const { from } = ruleSource(policy.rule);
        return sql`WHEN ${ruleApplies(policy, i)} AND date(${from}, ${periodOf(policy).period}) = p.due_on THEN ${sql.raw(String(i))}`;
      }),
      sql` `,
    );
    return sql`SELECT p.id AS personId, CASE ${whose} END AS policyIndex, p.due_on AS dueOn,
        p.first_name AS firstName, p.last_name AS lastName, ${holdColumns(sql`p.id`)}
      FROM persons p WHERE p.due_on <= ${TODAY}${after}
      ORDER BY p.due_on, p.id LIMIT ${sql.placeholder('limit')} OFFSET ${sql.placeholder('offset')}`;
  }).all<Omit<SweepPageRow, 'policyKey' | 'rule'> & { policyIndex: number | null }>(values);
  return rows.flatMap(({ policyIndex, ...row }) => {
    const policy = policyIndex === null ? undefined : policies[policyIndex];
    return policy ? [{ ...row, policyKey: policy.key, rule: policy.rule }] : [];
  });
}

/** Text in SQLite's default (binary) order, as EARLIEST compares rules and keys. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Which persons "select all" means, as a short text: the number, sum and a hashed sum of their ids.
 * A change of who is deletable between the owner's look and her approval changes it (bar chance).
 */
export function deletableFingerprint(ids: number[]): string {
  let sum = 0;
  let hashed = 0;
  for (const id of ids) {
    sum += id;
    hashed += (id * FINGERPRINT_FACTOR) % FINGERPRINT_MODULUS;
  }
  return `${ids.length}:${sum}:${hashed}`;
}
/**
 * A multiplicative hash of each id, small enough that JS numbers stay exact as SQLite's integers
 * do (ids below 2^37, sums for up to 2^29 persons): a swap that keeps the count and the sum shows.
 */
const FINGERPRINT_FACTOR = 40503;
const FINGERPRINT_MODULUS = 2 ** 24;

/**
 * How many persons are due today, how many of them something holds, and the fingerprint of those
 * nothing holds (deletableFingerprint, computed in the same pass). It reads the kept due day and
 * blocking state (migration 0021: one index range), and the few dated holds and open requests.
 */
export function countDue(db: ReadableDb, today: string): { total: number; held: number; fingerprint: string } {
  const row = preparedSql(db, 'retention count', () => {
    const hash = sql.raw(`(p.id * ${FINGERPRINT_FACTOR}) % ${FINGERPRINT_MODULUS}`);
    // One pass over the range sums everyone due and those their records block; the few held
    // otherwise are then looked up by id and taken out (a set probe per due person cost 30 ms at 1M).
    return sql`WITH ranged AS (SELECT count(*) AS total, coalesce(sum(p.retention_blocked), 0) AS blocked,
          coalesce(sum(CASE WHEN p.retention_blocked = 0 THEN p.id END), 0) AS sum,
          coalesce(sum(CASE WHEN p.retention_blocked = 0 THEN ${hash} END), 0) AS hashed
        FROM persons p WHERE p.due_on <= ${TODAY}),
      held AS (SELECT count(*) AS n, coalesce(sum(p.id), 0) AS sum, coalesce(sum(${hash}), 0) AS hashed
        FROM persons p WHERE p.id IN (${HELD_BY_FEW_ROWS}) AND p.due_on <= ${TODAY} AND p.retention_blocked = 0)
      SELECT ranged.total AS total, ranged.blocked + held.n AS held, ranged.sum - held.sum AS sum,
        ranged.hashed - held.hashed AS hashed
      FROM ranged, held`;
  }).get<{ total: number; held: number; sum: number; hashed: number }>({ today });
  const { total = 0, held = 0, sum = 0, hashed = 0 } = row ?? {};
  return { total, held, fingerprint: `${total - held}:${sum}:${hashed}` };
}

/**
 * The persons (ids, ascending) whose kept due day or blocking state differs from what the sweep
 * computes from the policies and the records; the days as of a day after every due day, so that
 * everyone with a due day has one. For verify: one statement, no holds asked.
 */
export function keptDueStateDiffers(db: ReadableDb, policies: SweepPolicy[]): number[] {
  return preparedSql(db, `retention kept state ${policiesShape(policies)}`, () => {
    return sql`WITH due AS MATERIALIZED (${dueUnion(policies, {})}), earliest AS MATERIALIZED (${EARLIEST})
      SELECT p.id AS id FROM persons p LEFT JOIN earliest e ON e.person_id = p.id
      WHERE p.due_on IS NOT e.due_on OR p.retention_blocked IS NOT ${blockedByRecords(sql`p.id`)}
      ORDER BY p.id`;
  })
    .all<{ id: number }>(sweepValues(policies, LAST_DAY))
    .map((row) => row.id);
}

/** A day after every due day: the kept state is checked as of it. */
const LAST_DAY = '9999-12-31';

/** Every policy's due persons (of `persons`, when given), as rows of `due`; none without policies. */
function dueUnion(policies: SweepPolicy[], options: { persons?: SQL }): SQL {
  if (policies.length === 0)
    return sql`SELECT NULL AS person_id, NULL AS policy_key, NULL AS rule, NULL AS due_on WHERE 0`;
  return sql.join(
    policies.map((policy, i) => dueSelect(policy, i, options)),
    sql` UNION ALL `,
  );
}

/**
 * Sets the kept due day and block of the persons whose ids are first..last from the policies and
 * their records, as migration 0021's triggers would have one by one: for a writer that suspended them.
 */
export function keepDueStateOf(db: RegisterDb, policies: SweepPolicy[], range: { first: number; last: number }): void {
  const inRange = sql`p.id BETWEEN ${sql.placeholder('first')} AND ${sql.placeholder('last')}`;
  // UPDATE … FROM a join: a lookup into `earliest` per person, as a subquery in SET, went
  // quadratic on a table with update triggers (10,000 persons: 2.9 s against 0.1 s).
  runSql(
    db,
    sql`WITH due AS MATERIALIZED (${dueUnion(policies, { persons: inRange })}), earliest AS MATERIALIZED (${EARLIEST})
      UPDATE persons AS kept SET due_on = p.due_on, retention_blocked = p.blocked
      FROM (SELECT p.id, e.due_on, ${blockedByRecords(sql`p.id`)} AS blocked
        FROM persons p LEFT JOIN earliest e ON e.person_id = p.id WHERE ${inRange}) p
      WHERE kept.id = p.id`,
    { ...sweepValues(policies, LAST_DAY), ...range },
  );
}
