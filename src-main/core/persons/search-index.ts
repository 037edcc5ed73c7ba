// Keeps persons_fts in step with persons and their organizations. Every change deletes the old
// entry (FTS5 secure-delete removes its tokens, so a corrected email is not findable by the old
// one) and writes the new one.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { preparedOn, type RegisterDb } from '../../db/open';
import { employments, organizations, persons } from '../../db/schema-register';

/**
 * A phone number's digits, a Finnish one as dialled in Finland (0401234567): one token per number.
 * A search typed internationally ('+358 40 123') is turned into that form (toFtsQuery). Indexing
 * both forms made phone numbers two thirds of the index's terms; at 1M persons one form fewer
 * took erasing 10,000 persons' entries from 3.3 s to 2.3 s. Entries written before still carry
 * both; they are found the same way.
 */
function phoneTokens(e164: string | null | undefined): string {
  if (!e164) return '';
  const digits = e164.replace(/\D/g, '');
  return e164.startsWith('+358') ? `0${digits.slice(3)}` : digits;
}

/** Digits typed as a phone number, in the form phoneTokens indexes: '+358 40 1', '00358401' → '0401'. */
function typedPhone(text: string): string {
  const digits = text.replace(/\D/g, '').replace(/^00/, '');
  return digits.startsWith('358') && digits.length > 3 ? `0${digits.slice(3)}` : digits;
}

export interface SearchablePerson {
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  city?: string | null | undefined;
  postalCode?: string | null | undefined;
}

/** A search entry as persons_fts takes it: rowid (the person's id), names, contact, place, organizations. */
export type SearchEntry = [personId: number, names: string, contact: string, place: string, organizations: string];

/**
 * A person's search entry: the one shape every writer of persons_fts uses (this file, bulk
 * imports, the benchmark loader).
 */
export function searchEntry(personId: number, person: SearchablePerson, organizationNames: string): SearchEntry {
  return [
    personId,
    `${person.firstName ?? ''} ${person.lastName ?? ''}`,
    `${person.email ?? ''} ${phoneTokens(person.phone)}`,
    `${person.city ?? ''} ${person.postalCode ?? ''}`,
    organizationNames,
  ];
}

/**
 * Writes search entries through one statement prepared per connection: drizzle does not model
 * the virtual table, and through its sql template a bulk import of 100,000 persons spent 3.7 s
 * building statements against 2.0 s for this (measured at 100,000).
 */
export function insertSearchEntries(db: RegisterDb, entries: Iterable<SearchEntry>): void {
  const insert = preparedOn<SearchEntry>(
    db,
    'INSERT INTO persons_fts (rowid, names, contact, place, organizations) VALUES (?, ?, ?, ?, ?)',
  );
  for (const entry of entries) insert.run(...entry);
}

export function reindexPerson(db: RegisterDb, personId: number): void {
  const person = db.select().from(persons).where(eq(persons.id, personId)).get();
  db.run(sql`DELETE FROM persons_fts WHERE rowid = ${personId}`);
  if (!person) return;
  const orgNames = db
    .select({ name: organizations.name })
    .from(employments)
    .innerJoin(organizations, eq(organizations.id, employments.organizationId))
    .where(and(eq(employments.personId, personId), isNull(employments.endedOn)))
    .all()
    .map((row) => row.name)
    .join(' ');
  insertSearchEntries(db, [searchEntry(personId, person, orgNames)]);
}

export function reindexOrganizationMembers(db: RegisterDb, organizationId: number): void {
  const members = db
    .select({ personId: employments.personId })
    .from(employments)
    .where(and(eq(employments.organizationId, organizationId), isNull(employments.endedOn)))
    .all();
  for (const { personId } of members) reindexPerson(db, personId);
}

/**
 * Turns what someone typed into an FTS5 query: every word must match as a prefix. Quotes keep
 * FTS syntax characters in the input from being read as operators.
 */
export function toFtsQuery(text: string): string | null {
  if (/^[\d\s+()-]+$/.test(text) && text.replace(/\D/g, '').length >= 3) {
    // A phone number typed with spaces: '040 123 4567' is one token in the index.
    return `"${typedPhone(text)}"*`;
  }
  const words = text
    .normalize('NFC')
    .split(/[\s,;:()"'*^+]+/u)
    .map((word) => word.replace(/[^\p{L}\p{N}@._-]/gu, ''))
    .filter((word) => word.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replace(/"/g, '')}"*`).join(' ');
}
