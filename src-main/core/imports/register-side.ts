// The register's side of an import plan: a matched person as the rows compare against it (read
// once, then following what earlier rows changed), and what the register already records.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ReadableDb } from '../../db/open';
import { consentEvents, contactLog, employments, interests, organizations, persons } from '../../db/schema-register';
import type { ConsentChange } from '../consents';
import type { NewPerson } from './plan';
import { PERSON_FIELDS, type ImportedField } from './rows';

/** A matched person as the plan sees it: its fields, its current organizations, whether restricted. */
export type Current = Record<ImportedField, string | null> & {
  name: string;
  organizations: string[];
  restricted: boolean;
};

/** Reads the register's side of a matched person once, then follows what earlier rows changed. */
export function registerSide(db: ReadableDb) {
  const person = db
    .select({
      firstName: persons.firstName,
      lastName: persons.lastName,
      email: persons.email,
      phone: persons.phone,
      jobTitle: persons.jobTitle,
      street: persons.street,
      postalCode: persons.postalCode,
      city: persons.city,
      country: persons.country,
      birthDate: persons.birthDate,
      www: persons.www,
      notes: persons.notes,
      language: persons.language,
      restricted: persons.restricted,
    } satisfies Record<ImportedField | 'restricted', unknown>)
    .from(persons)
    .where(eq(persons.id, sql.placeholder('id')))
    .prepare();
  const links = db
    .select({ name: organizations.name })
    .from(employments)
    .innerJoin(organizations, eq(organizations.id, employments.organizationId))
    .where(and(eq(employments.personId, sql.placeholder('id')), isNull(employments.endedOn)))
    .prepare();
  return (id: number): Current => {
    const row = person.get({ id });
    if (!row) throw new Error(`person ${id} vanished during the import`);
    const { restricted, ...values } = row;
    return {
      ...values,
      name: `${row.firstName} ${row.lastName}`,
      organizations: links.all({ id }).map((link) => link.name),
      restricted,
    };
  };
}

/** Whether the register already holds an event, tag or mark, so that a re-import adds nothing. */
export function alreadyRecorded(db: ReadableDb) {
  const consent = db
    .select({ id: consentEvents.id })
    .from(consentEvents)
    .where(
      and(
        eq(consentEvents.personId, sql.placeholder('personId')),
        eq(consentEvents.subject, sql.placeholder('subject')),
        eq(consentEvents.granted, sql.placeholder('granted')),
        eq(consentEvents.effectiveAt, sql.placeholder('effectiveAt')),
      ),
    )
    .prepare();
  const tag = db
    .select({ tag: interests.tag })
    .from(interests)
    .where(and(eq(interests.personId, sql.placeholder('personId')), eq(interests.tag, sql.placeholder('tag'))))
    .prepare();
  const mark = db
    .select({ id: contactLog.id })
    .from(contactLog)
    .where(
      and(eq(contactLog.personId, sql.placeholder('personId')), eq(contactLog.summary, sql.placeholder('summary'))),
    )
    .prepare();
  return {
    consent: (personId: number, c: ConsentChange) =>
      consent.get({ personId, subject: c.subject, granted: c.granted ? 1 : 0, effectiveAt: c.effectiveAt }) !==
      undefined,
    tag: (personId: number, value: string) => tag.get({ personId, tag: value }) !== undefined,
    mark: (personId: number, summary: string) => mark.get({ personId, summary }) !== undefined,
  };
}

/** A person this import creates, as a later row of it sees them. */
export function pendingSnapshot(pending: NewPerson): Current {
  const values = Object.fromEntries(PERSON_FIELDS.map((f) => [f, pending.values[f] ?? null]));
  return {
    ...(values as Record<ImportedField, string | null>),
    name: `${pending.values.firstName} ${pending.values.lastName}`,
    organizations: pending.organization ? [pending.organization] : [],
    restricted: false,
  };
}
