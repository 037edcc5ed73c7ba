// The state kept by triggers (migrations 0019 and 0020: consent bits on each person, the counts in
// person_counts and person_tallies), verify's check of it, and a bulk writer's count of its persons.
import { sql, type SQL } from 'drizzle-orm';
import { preparedQuery, runSql, type ReadableDb, type RegisterDb } from './open';
import { personCounts } from './schema-register';
import { CONSENT_SUBJECTS, type ConsentSubject } from '../../src-shared/vocabulary';

/** A subject's bit: its place in CONSENT_SUBJECTS, as the migration's triggers number them. */
export const CONSENT_BIT = Object.fromEntries(CONSENT_SUBJECTS.map((subject, i) => [subject, 1 << i])) as Record<
  ConsentSubject,
  number
>;

/** email, sms, phone and post: "no consent" is none of these granted. */
export const CHANNEL_BITS = CONSENT_BIT.email | CONSENT_BIT.sms | CONSENT_BIT.phone | CONSENT_BIT.post;

/** The bits a person's events give: subjects whose latest event (effective_at, then id) has `granted`. */
function bitsFromEvents(granted: 0 | 1): SQL {
  const bit = sql.join(
    CONSENT_SUBJECTS.map((subject) => sql`WHEN ${subject} THEN ${CONSENT_BIT[subject]}`),
    sql` `,
  );
  return sql`(SELECT coalesce(sum(CASE ce.subject ${bit} ELSE 0 END), 0) FROM consent_events ce
    WHERE ce.person_id = p.id AND ce.granted = ${granted}
      AND ce.id = (SELECT c2.id FROM consent_events c2 WHERE c2.person_id = ce.person_id AND c2.subject = ce.subject
                   ORDER BY c2.effective_at DESC, c2.id DESC LIMIT 1))`;
}

export interface ConsentStateCheck {
  ok: boolean;
  /** How many persons' kept state differs from their events, and the first few ids. */
  differing: number;
  personIds: number[];
  /** Kept counts (person_counts, or 'tallies' for person_tallies) that differ from a count of the persons. */
  counts: string[];
}

/** What each kept count counts: the unfiltered table and its one-filter built-in views. */
export const COUNTED_VIEWS = {
  all: sql`1`,
  no_consent: sql`(consents_granted & ${sql.raw(String(CHANNEL_BITS))}) = 0`,
  not_informed: sql`informed_on IS NULL`,
} as const;
export type CountedView = keyof typeof COUNTED_VIEWS;

/** A kept count: one row read instead of up to every person. */
export function keptCount(db: ReadableDb, view: CountedView): number {
  const kept = preparedQuery(db, 'keptCount', () =>
    db
      .select({ n: personCounts.n })
      .from(personCounts)
      .where(sql`${personCounts.name} = ${sql.placeholder('view')}`),
  );
  return kept.get({ view })?.n ?? 0;
}

/** Recomputes every person's consent state from the events, and the kept counts from the persons. */
export function checkConsentState(db: ReadableDb): ConsentStateCheck {
  const rows = db.all<{ id: number }>(sql`SELECT p.id AS id FROM persons p
    WHERE p.consents_granted != ${bitsFromEvents(1)} OR p.consents_withdrawn != ${bitsFromEvents(0)}
    ORDER BY p.id`);
  const counts: string[] = (Object.keys(COUNTED_VIEWS) as CountedView[]).filter((view) => {
    const actual = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM persons WHERE ${COUNTED_VIEWS[view]}`)?.n ?? 0;
    const kept = db.get<{ n: number }>(sql`SELECT n FROM person_counts WHERE name = ${view}`)?.n;
    return kept !== actual;
  });
  if (!talliesAgree(db)) counts.push('tallies');
  return {
    ok: rows.length === 0 && counts.length === 0,
    differing: rows.length,
    personIds: rows.slice(0, 20).map((row) => row.id),
    counts,
  };
}

/** A person's place in person_tallies: the values the mailing count reads, as its triggers key them. */
const TALLY_KEY = sql`kind_id, restricted <> 0, consents_granted, consents_withdrawn,
  coalesce(email, '') <> '', coalesce(phone, '') <> '', coalesce(street, '') <> ''`;

/** Whether person_tallies (without its emptied groups) is the persons grouped by TALLY_KEY. */
function talliesAgree(db: ReadableDb): boolean {
  const counted = sql`SELECT ${TALLY_KEY}, count(*) FROM persons GROUP BY 1, 2, 3, 4, 5, 6, 7`;
  const kept = sql`SELECT kind_id, restricted, consents_granted, consents_withdrawn, has_email, has_phone, has_street, n
    FROM person_tallies WHERE n <> 0`;
  const differing = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM (
    SELECT * FROM (${counted} EXCEPT ${kept}) UNION ALL SELECT * FROM (${kept} EXCEPT ${counted}))`);
  return differing?.n === 0;
}

/**
 * Adds the persons whose ids are first..last to the kept counts and tallies, as the insert
 * triggers of migrations 0019 and 0020 would have one by one: for a writer that suspended them.
 */
export function countNewPersons(db: RegisterDb, range: { first: number; last: number }): void {
  const values = { first: range.first, last: range.last };
  const inRange = sql`id BETWEEN ${sql.placeholder('first')} AND ${sql.placeholder('last')}`;
  const perView = sql.join(
    (Object.keys(COUNTED_VIEWS) as CountedView[]).map(
      (view) => sql`WHEN ${view} THEN coalesce(sum(${COUNTED_VIEWS[view]}), 0)`,
    ),
    sql` `,
  );
  runSql(
    db,
    sql`UPDATE person_counts SET n = n + (SELECT CASE person_counts.name ${perView} ELSE 0 END FROM persons WHERE ${inRange})`,
    values,
  );
  runSql(
    db,
    sql`INSERT INTO person_tallies (kind_id, restricted, consents_granted, consents_withdrawn, has_email, has_phone, has_street, n)
      SELECT ${TALLY_KEY}, count(*) FROM persons WHERE ${inRange} GROUP BY 1, 2, 3, 4, 5, 6, 7
      ON CONFLICT (kind_id, restricted, consents_granted, consents_withdrawn, has_email, has_phone, has_street)
        DO UPDATE SET n = n + excluded.n`,
    values,
  );
}
