// Hand-written floors for the retention review (its first page, and its counts) and a mailing
// list's count, each for the register the bench generates; they refuse a register they do not fit.
import type Database from 'better-sqlite3-multiple-ciphers';
import { UNDELIVERABLE_PREFIX } from '../../src-main/core/imports';
import { CONSENT_BIT } from '../../src-main/db/consent-state';

/** The review page's persons per page (src-renderer/screens/retention/ReviewList.tsx). */
export const DUE_PER_PAGE = 50;

/** The default rules the floor is written for: 5 years inactive, 5 years passive, all kinds. */
const EXPECTED_RULES = 'inactive:5 years:[],passive_not_moved:5 years:[]';

/** What both sides answer: the page's person ids in order (and their due days), or the counts. */
export type ReviewPageAnswer = Array<[number, string]>;
export interface ReviewCountsAnswer {
  total: number;
  deletable: number;
  fingerprint: string;
}

const fingerprinted = ({
  total,
  deletable,
  sum,
  hashed,
}: {
  total: number;
  deletable: number;
  sum: number;
  hashed: number;
}) => ({
  total,
  deletable,
  fingerprint: `${deletable}:${sum}:${hashed}`,
});

/**
 * The review's first page, ordered as the sweep orders them (due day, then id), and its counts.
 * Counts: one range of the kept due days (persons_due) with the blocking records kept beside them;
 * the few dated holds and open requests by id.
 * Page: the next 50 of the kept due days, from the start or after a cursor (the last row of the
 * page before), with the rule, names and holds of each. Both read the day kept by 0021's triggers.
 */
export function reviewFloor(
  raw: Database.Database,
  today: string,
): {
  page: Floor<ReviewPageAnswer>;
  pageAfter: (after: { dueOn: string; personId: number }) => Floor<ReviewPageAnswer>;
  counts: Floor<ReviewCountsAnswer>;
} {
  const rules = (
    raw
      .prepare(
        `SELECT rule, period_amount || ' ' || period_unit AS period, kind_keys FROM retention_policies
         WHERE active = 1 AND kind = 'enforced' ORDER BY rule`,
      )
      .all() as Array<{ rule: string; period: string; kind_keys: string }>
  )
    .map((r) => `${r.rule}:${r.period}:${r.kind_keys}`)
    .join(',');
  if (rules !== EXPECTED_RULES) throw new Error(`review floor is written for ${EXPECTED_RULES}, not ${rules}`);
  // The deletable persons' fingerprint too (count, sum of ids, hashed sum: db/retention-sweep.ts),
  // which "select all" sends back. Each person's due day and blocking records are kept (0021): one
  // pass over persons_due's range sums everyone and the blocked; the few held by a dated hold or
  // an open request are looked up by id and taken out.
  const hash = '(p.id * 40503) % 16777216';
  const countSql = `WITH few AS (SELECT h.person_id AS id FROM retention_holds h
        WHERE (h.kind = 'manual' AND (h.until IS NULL OR h.until >= :today)) OR (h.kind = 'postponed' AND h.until >= :today)
      UNION SELECT rs.person_id FROM request_subjects rs JOIN requests r ON r.id = rs.request_id
        WHERE r.status IN ('received', 'verified', 'in_progress') AND r.type <> 'erasure'),
    ranged AS (SELECT count(*) AS total, coalesce(sum(p.retention_blocked), 0) AS blocked,
        coalesce(sum(CASE WHEN p.retention_blocked = 0 THEN p.id END), 0) AS sum,
        coalesce(sum(CASE WHEN p.retention_blocked = 0 THEN ${hash} END), 0) AS hashed
      FROM persons p WHERE p.due_on <= :today),
    held AS (SELECT count(*) AS n, coalesce(sum(p.id), 0) AS sum, coalesce(sum(${hash}), 0) AS hashed FROM persons p
      WHERE p.id IN (SELECT id FROM few) AND p.due_on <= :today AND p.retention_blocked = 0)
    SELECT ranged.total AS total, ranged.total - ranged.blocked - held.n AS deletable,
      ranged.sum - held.sum AS sum, ranged.hashed - held.hashed AS hashed
    FROM ranged, held`;
  // The page's persons (`page`: id, due_on) with their names and holds, as the app shows them.
  const shown = `SELECT page.id, page.due_on, page.rule, p.first_name, p.last_name,
      EXISTS (SELECT 1 FROM orders o WHERE o.person_id = page.id AND o.invoice_status = 'open') AS open_invoice,
      EXISTS (SELECT 1 FROM orders o WHERE o.person_id = page.id AND o.invoice_status = 'in_collection') AS in_collection,
      (SELECT max(o.ordered_on) FROM orders o WHERE o.person_id = page.id) AS last_order,
      EXISTS (SELECT 1 FROM employments e WHERE e.person_id = page.id AND e.ended_on IS NULL) AS contact_person,
      (SELECT h.reason FROM retention_holds h WHERE h.person_id = page.id AND h.kind = 'manual'
        AND (h.until IS NULL OR h.until >= :today) ORDER BY h.id DESC LIMIT 1) AS manual_hold,
      (SELECT max(h.until) FROM retention_holds h WHERE h.person_id = page.id AND h.kind = 'postponed'
        AND h.until >= :today) AS postponed_until,
      EXISTS (SELECT 1 FROM request_subjects rs JOIN requests r ON r.id = rs.request_id
        WHERE rs.person_id = page.id AND r.status IN ('received', 'verified', 'in_progress')
          AND r.type <> 'erasure') AS open_request
    FROM page JOIN persons p ON p.id = page.id ORDER BY page.due_on, page.id`;
  // The page: a range of the kept due days in their order, after the cursor when there is one,
  // with the rule that gives each day (inactivity first on a tie, as the sweep orders rules).
  const pageOf = (after: string) => `WITH page AS (SELECT p.id, p.due_on,
        CASE WHEN date(p.last_activity_on, '+5 years') = p.due_on THEN 'inactive' ELSE 'passive_not_moved' END AS rule
      FROM persons p WHERE p.due_on <= :today${after} ORDER BY p.due_on, p.id LIMIT ${DUE_PER_PAGE})
    ${shown}`;
  const pageSql = pageOf('');
  const afterSql = pageOf(' AND (p.due_on, p.id) > (:afterDue, :afterId)');
  const count = raw.prepare(countSql);
  const page = raw.prepare(pageSql);
  const pageAfter = raw.prepare(afterSql);
  const answer = (rows: unknown[]): ReviewPageAnswer =>
    (rows as Array<{ id: number; due_on: string }>).map((row) => [row.id, row.due_on]);
  return {
    page: { run: () => answer(page.all({ today })), sql: [pageSql] },
    pageAfter: (after) => ({
      run: () => answer(pageAfter.all({ today, afterDue: after.dueOn, afterId: after.personId })),
      sql: [afterSql],
    }),
    counts: {
      run: () =>
        fingerprinted(count.get({ today }) as { total: number; deletable: number; sum: number; hashed: number }),
      sql: [countSql],
    },
  };
}

interface Floor<T> {
  run: () => T;
  sql: string[];
}

/** A mailing count as both sides give it: reasons with a count, in alphabetical order. */
export interface MailingAnswer {
  included: number;
  leftOut: { total: number; reasons: Record<string, number> };
}

export function mailingAnswer(included: number, total: number, reasons: Record<string, number>): MailingAnswer {
  const counted = Object.entries(reasons)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return { included, leftOut: { total, reasons: Object.fromEntries(counted) } };
}

/**
 * The mailing screen's count of an email list for marketing, from the tallies of the consent state
 * kept on persons (migrations 0019 and 0020): who is included (not restricted, an email address,
 * the email consent's latest event a grant, no direct-marketing ban) and how many were left out
 * for each reason, in one pass. `included` is the same count without the reasons (the list's size alone),
 * a stricter floor than the screen's answer. Refuses a register where the kept state could differ
 * from mayContact's (consent events dated ahead, undeliverable marks, a group marketing by email
 * until it objects).
 */
export function mailingCountFloor(
  raw: Database.Database,
  now: string,
  emailModes: string[],
): { run: () => MailingAnswer; sql: string[]; included: { run: () => number; sql: string[] } } {
  const ahead = raw.prepare('SELECT count(*) FROM consent_events WHERE effective_at > ?').pluck().get(now) as number;
  const marks = raw
    .prepare('SELECT count(*) FROM contact_log WHERE summary LIKE ?')
    .pluck()
    .get(`${UNDELIVERABLE_PREFIX}%`) as number;
  if (ahead !== 0 || marks !== 0 || emailModes.some((mode) => mode !== 'optIn')) {
    throw new Error(
      `mailing count floor does not fit: ${ahead} events ahead, ${marks} marks, modes ${emailModes.join(',')}`,
    );
  }
  const { email, ban_direct_marketing: ban } = CONSENT_BIT;
  const answerSql = `SELECT sum(n),
      sum(n * (CASE WHEN restricted = 0 AND (consents_granted & ${email | ban}) = ${email} AND has_email THEN 0 ELSE 1 END)),
      sum(n * restricted), sum(n * ((consents_granted & ${email}) = 0)), sum(n * ((consents_granted & ${ban}) <> 0)),
      sum(n * (has_email = 0))
    FROM person_tallies`;
  const answer = raw.prepare(answerSql).raw();
  const includedSql = `SELECT sum(n) FROM person_tallies WHERE restricted = 0 AND has_email = 1
    AND (consents_granted & ${email}) <> 0 AND (consents_granted & ${ban}) = 0`;
  const count = raw.prepare(includedSql).pluck();
  return {
    run: () => {
      const [all, leftOut, restricted, noConsent, banned, noAddress] = answer.get() as number[];
      return mailingAnswer(all! - leftOut!, leftOut!, {
        restricted: restricted!,
        no_channel_consent: noConsent!,
        direct_marketing_ban: banned!,
        no_address: noAddress!,
      });
    },
    sql: [answerSql],
    included: { run: () => count.get() as number, sql: [includedSql] },
  };
}
