// Client and partner organizations (asiakasyritykset) and the people who represent them.
import { and, asc, desc, eq, like, ne, sql } from 'drizzle-orm';
import type { ReadableDb } from '../../db/open';
import { employments, organizations, persons } from '../../db/schema-register';
import { KaappiError } from '../../../src-shared/errors';
import { reindexOrganizationMembers, WRITE_ROLES } from '../persons';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';

export interface OrganizationFields {
  name: string;
  businessId: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  phone: string | null;
  email: string | null;
  www: string | null;
}

function assertBusinessIdFree(db: ReadableDb, businessId: string | null | undefined, exceptId?: number) {
  if (!businessId) return;
  const where = exceptId
    ? and(eq(organizations.businessId, businessId), ne(organizations.id, exceptId))
    : eq(organizations.businessId, businessId);
  if (db.select({ id: organizations.id }).from(organizations).where(where).get())
    throw new KaappiError('BUSINESS_ID_TAKEN');
}

function organizationRecord(db: ReadableDb, id: number) {
  const row = db.select().from(organizations).where(eq(organizations.id, id)).get();
  if (!row) throw new KaappiError('ORGANIZATION_NOT_FOUND');
  return row;
}

export function createOrganization(register: UnlockedRegister, fields: OrganizationFields) {
  assertRole(register, ...WRITE_ROLES);
  const now = register.deps.clock.now().toISOString();
  return register.transaction((db) => {
    assertBusinessIdFree(db, fields.businessId);
    const row = db
      .insert(organizations)
      .values({ ...fields, createdAt: now, updatedAt: now })
      .returning()
      .get();
    register.audit({ action: 'organization.created', targetType: 'organization', targetId: row.id });
    return row;
  });
}

export function updateOrganization(register: UnlockedRegister, id: number, changes: Partial<OrganizationFields>) {
  assertRole(register, ...WRITE_ROLES);
  return register.transaction((db) => {
    organizationRecord(db, id);
    assertBusinessIdFree(db, changes.businessId, id);
    db.update(organizations)
      .set({ ...changes, updatedAt: register.deps.clock.now().toISOString() })
      .where(eq(organizations.id, id))
      .run();
    if (changes.name !== undefined) reindexOrganizationMembers(db, id);
    register.audit({
      action: 'organization.updated',
      targetType: 'organization',
      targetId: id,
      details: { fields: Object.keys(changes).join(',') },
    });
    return organizationRecord(db, id);
  });
}

/** Organizations whose name starts with (or, failing that, contains) the text; for pickers. */
export function findOrganizations(register: UnlockedRegister, text: string, limit: number) {
  const pattern = text.trim().replace(/[%_\\]/g, (c) => `\\${c}`);
  return register.db
    .select({
      id: organizations.id,
      name: organizations.name,
      businessId: organizations.businessId,
      city: organizations.city,
    })
    .from(organizations)
    .where(like(organizations.name, `%${pattern}%`))
    .orderBy(sql`CASE WHEN ${organizations.name} LIKE ${`${pattern}%`} THEN 0 ELSE 1 END`, asc(organizations.name))
    .limit(limit)
    .all();
}

/** The organization with its people, current first; opening it is logged like a person view. */
export function organizationDetail(register: UnlockedRegister, id: number) {
  return register.transaction((db) => {
    const organization = organizationRecord(db, id);
    register.audit({ action: 'organization.viewed', targetType: 'organization', targetId: id });
    const people = db
      .select({
        personId: persons.id,
        firstName: persons.firstName,
        lastName: persons.lastName,
        status: persons.status,
        title: employments.title,
        startedOn: employments.startedOn,
        endedOn: employments.endedOn,
      })
      .from(employments)
      .innerJoin(persons, eq(persons.id, employments.personId))
      .where(eq(employments.organizationId, id))
      .orderBy(sql`${employments.endedOn} IS NOT NULL`, desc(employments.startedOn))
      .all();
    return { organization, people };
  });
}
