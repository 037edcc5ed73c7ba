// The consent state kept on each person (consents_granted, consents_withdrawn; triggers of
// migration 0019) as bits, and its check against what the events give, for verify.
import { sql, type SQL } from 'drizzle-orm';
import type { RegisterDb } from './open';
import { CONSENT_SUBJECTS, type ConsentSubject } from './vocabulary';

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
}

/** Recomputes every person's consent state from the events and compares it with the kept one. */
export function checkConsentState(db: RegisterDb): ConsentStateCheck {
  const rows = db.all<{ id: number }>(sql`SELECT p.id AS id FROM persons p
    WHERE p.consents_granted != ${bitsFromEvents(1)} OR p.consents_withdrawn != ${bitsFromEvents(0)}
    ORDER BY p.id`);
  return { ok: rows.length === 0, differing: rows.length, personIds: rows.slice(0, 20).map((row) => row.id) };
}
