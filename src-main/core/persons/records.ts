// Reading a person's row in the shape the rest of the app uses (keys, not internal list ids).
import { eq } from 'drizzle-orm';
import type { ReadableDb } from '../../db/open';
import { dataSources, persons, relationshipKinds } from '../../db/schema-register';
import { KaappiError } from '../../../src-shared/errors';

/** Who may change the register's contents: read-only users only look. */
export const WRITE_ROLES = ['owner', 'staff'] as const;

export function personRecord(db: ReadableDb, id: number) {
  const row = db
    .select({ person: persons, kindKey: relationshipKinds.key, sourceKey: dataSources.key })
    .from(persons)
    .innerJoin(relationshipKinds, eq(relationshipKinds.id, persons.kindId))
    .leftJoin(dataSources, eq(dataSources.id, persons.sourceId))
    .where(eq(persons.id, id))
    .get();
  if (!row) throw new KaappiError('PERSON_NOT_FOUND');
  const { kindId: _kindId, sourceId: _sourceId, emailKey: _emailKey, ...person } = row.person;
  return { ...person, kindKey: row.kindKey, sourceKey: row.sourceKey };
}

export type PersonRecord = ReturnType<typeof personRecord>;

export function assertPersonExists(db: ReadableDb, id: number): { restricted: boolean } {
  const row = db.select({ restricted: persons.restricted }).from(persons).where(eq(persons.id, id)).get();
  if (!row) throw new KaappiError('PERSON_NOT_FOUND');
  return row;
}

/** Restricted persons (GDPR Art. 18) cannot be changed, except to lift the restriction. */
export function assertMayChange(db: ReadableDb, id: number): void {
  if (assertPersonExists(db, id).restricted) throw new KaappiError('PERSON_RESTRICTED');
}
