// An address Mailchimp "cleaned" (it bounced) is kept as a contact-log note on the person, so the
// person view shows it and nothing is lost. The note starts with a fixed prefix and the address,
// which lets exports leave the address out of email lists until it changes or the person consents
// again (a new opt-in after the note means the mailbox works once more).
import { and, eq, gt, inArray, like, sql } from 'drizzle-orm';
import { preparedSql, type ReadableDb } from '../../db/open';
import { consentEvents, contactLog, persons } from '../../db/schema-register';

export const UNDELIVERABLE_PREFIX = 'Mailchimp cleaned: ';

/** The address a note marks, or null when the note is not such a mark. */
function markedAddress(summary: string): string | null {
  if (!summary.startsWith(UNDELIVERABLE_PREFIX)) return null;
  const rest = summary.slice(UNDELIVERABLE_PREFIX.length);
  const end = rest.indexOf(' (');
  return (end === -1 ? rest : rest.slice(0, end)).trim().toLowerCase();
}

/**
 * Persons with any undeliverable mark: one query, so a list of thousands asks only about these.
 * The pattern is written into the text: the partial index contact_log_undeliverable (migration
 * 0020) serves only a query with its own condition.
 */
export function personsWithUndeliverableMarks(db: ReadableDb): Set<number> {
  const rows = preparedSql(
    db,
    'personsWithUndeliverableMarks',
    () =>
      sql`SELECT DISTINCT ${contactLog.personId} FROM ${contactLog} WHERE summary LIKE ${sql.raw(`'${UNDELIVERABLE_PREFIX}%'`)}`,
  ).rows<[number]>({});
  return new Set(rows.map(([personId]) => personId));
}

/** Whether the person's current email is one marked undeliverable, with no email consent since. */
export function isUndeliverable(db: ReadableDb, personId: number): boolean {
  const person = db.select({ email: persons.email }).from(persons).where(eq(persons.id, personId)).get();
  if (!person?.email) return false;
  const email = person.email.toLowerCase();
  const marks = db
    .select({ summary: contactLog.summary, occurredOn: contactLog.occurredOn })
    .from(contactLog)
    .where(and(eq(contactLog.personId, personId), like(contactLog.summary, `${UNDELIVERABLE_PREFIX}%`)))
    .all()
    .filter((mark) => markedAddress(mark.summary) === email);
  if (marks.length === 0) return false;
  const latest = marks
    .map((mark) => mark.occurredOn)
    .sort()
    .at(-1)!;
  const optedInSince = db
    .select({ id: consentEvents.id })
    .from(consentEvents)
    .where(
      and(
        eq(consentEvents.personId, personId),
        inArray(consentEvents.subject, ['email']),
        eq(consentEvents.granted, true),
        gt(consentEvents.effectiveAt, `${latest}T23:59:59.999Z`),
      ),
    )
    .get();
  return optedInSince === undefined;
}
