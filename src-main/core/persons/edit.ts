// Creating and editing persons. Each change is one transaction with its audit entry, which
// names the changed fields but never their values (so an erased person leaves nothing there).
import { randomUUID } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import type { ReadableDb } from '../../db/open';
import { customFields, customFieldValues, persons } from '../../db/schema-register';
import { fieldAppliesTo } from '../../../src-shared/contract/group-facts';
import { finnishDate } from '../clock';
import { KaappiError } from '../../../src-shared/errors';
import { kindIdByKey, sourceIdByKey } from '../lists';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';
import { startEmployment } from './employment';
import { assertMayChange, personRecord, WRITE_ROLES, type PersonRecord } from './records';
import { reindexPerson } from './search-index';
import type { Language } from '../../../src-shared/language';

export interface PersonFields {
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  phone: string | null;
  email: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  birthDate: string | null;
  age: number | null;
  www: string | null;
  ipAddress: string | null;
  notes: string | null;
  language: Language;
  sourceKey: string | null;
  informedOn: string | null;
  informedHow: string | null;
  kindKey: string;
}

function assertEmailFree(db: ReadableDb, email: string | null | undefined, exceptId?: number): void {
  if (!email) return;
  const key = email.toLowerCase();
  const where = exceptId ? and(eq(persons.emailKey, key), ne(persons.id, exceptId)) : eq(persons.emailKey, key);
  if (db.select({ id: persons.id }).from(persons).where(where).get()) throw new KaappiError('EMAIL_TAKEN');
}

/**
 * A move to another group is refused while the person holds values in custom fields the new group
 * does not have: erasing them silently would lose data the owner may need (and may owe the person
 * a copy of), keeping them would hold data the group's notice does not list. The owner clears them
 * (each clearing audited) or adds the field to the group, then moves the person.
 */
function assertKindKeepsValues(db: ReadableDb, personId: number, kindKey: string): void {
  const dropped = db
    .select({ key: customFields.key, kindKeys: customFields.kindKeys })
    .from(customFieldValues)
    .innerJoin(customFields, eq(customFields.id, customFieldValues.fieldId))
    .where(eq(customFieldValues.personId, personId))
    .all()
    .filter((field) => !fieldAppliesTo(JSON.parse(field.kindKeys) as string[], kindKey))
    .map((field) => field.key);
  if (dropped.length > 0)
    throw new KaappiError('KIND_CHANGE_DROPS_FIELDS', { kind: kindKey, fields: dropped.join(', ') });
}

/** Column values for the fields present in `fields` (a full person or a partial change). */
function columns(db: ReadableDb, fields: Partial<PersonFields>, today: string) {
  const { sourceKey, kindKey, age, ...plain } = fields;
  return {
    ...plain,
    ...(fields.email !== undefined ? { emailKey: fields.email?.toLowerCase() ?? null } : {}),
    ...(sourceKey !== undefined ? { sourceId: sourceIdByKey(db, sourceKey) } : {}),
    ...(kindKey !== undefined ? { kindId: kindIdByKey(db, kindKey) } : {}),
    ...(age !== undefined ? { age, ageRecordedOn: age === null ? null : today } : {}),
  };
}

export function createPerson(
  register: UnlockedRegister,
  fields: PersonFields,
  options: { organizationId?: number | null; title?: string | null } = {},
): PersonRecord {
  assertRole(register, ...WRITE_ROLES);
  const now = register.deps.clock.now();
  const today = finnishDate(now);
  return register.transaction((db) => {
    assertEmailFree(db, fields.email);
    const row = db
      .insert(persons)
      .values({
        ...columns(db, fields, today),
        firstName: fields.firstName,
        lastName: fields.lastName,
        kindId: kindIdByKey(db, fields.kindKey),
        uid: randomUUID(),
        status: 'active',
        statusChangedOn: today,
        lastActivityOn: today,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })
      .returning({ id: persons.id })
      .get();
    if (options.organizationId) {
      startEmployment(db, row.id, options.organizationId, options.title ?? fields.jobTitle, today);
    }
    reindexPerson(db, row.id);
    register.audit({ action: 'person.created', targetType: 'person', targetId: row.id });
    return personRecord(db, row.id);
  });
}

export function updatePerson(
  register: UnlockedRegister,
  id: number,
  changes: Partial<PersonFields>,
  options: { customerActivity?: boolean } = {},
): PersonRecord {
  assertRole(register, ...WRITE_ROLES);
  const now = register.deps.clock.now();
  const today = finnishDate(now);
  return register.transaction((db) => {
    assertMayChange(db, id);
    assertEmailFree(db, changes.email, id);
    const before = personRecord(db, id);
    const changed = (Object.keys(changes) as Array<keyof PersonFields>).filter(
      (field) => changes[field] !== before[field],
    );
    if (changed.length === 0) return before;
    if (changes.kindKey !== undefined && changes.kindKey !== before.kindKey) {
      kindIdByKey(db, changes.kindKey);
      assertKindKeepsValues(db, id, changes.kindKey);
    }
    db.update(persons)
      .set({
        ...columns(db, changes, today),
        updatedAt: now.toISOString(),
        // A change the customer made (new address, new email) is customer activity; a staff
        // member's correction is not.
        ...(options.customerActivity ? { lastActivityOn: today } : {}),
      })
      .where(eq(persons.id, id))
      .run();
    reindexPerson(db, id);
    register.audit({
      action: 'person.updated',
      targetType: 'person',
      targetId: id,
      details: { fields: changed.join(','), customerActivity: options.customerActivity ?? false },
    });
    return personRecord(db, id);
  });
}
