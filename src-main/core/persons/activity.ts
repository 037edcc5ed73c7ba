// What happens with a customer: orders, contacts and feedback, interests, custom field values.
// Orders and contacts are customer activity and move the last-activity date the retention rules
// count from; a staff member looking at the person does not.
import { and, eq } from 'drizzle-orm';
import { distinctInterestTags } from '../../db/interest-tags';
import type { ReadableDb, RegisterDb } from '../../db/open';
import { contactLog, customFields, customFieldValues, interests, orders, persons } from '../../db/schema-register';
import { finnishDate } from '../clock';
import { KaappiError } from '../../../src-shared/errors';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';
import { fieldAppliesTo } from '../../../src-shared/contract/group-facts';
import { assertMayChange, personRecord, WRITE_ROLES } from './records';

function touchActivity(db: RegisterDb, personId: number, on: string): void {
  const person = db.select({ last: persons.lastActivityOn }).from(persons).where(eq(persons.id, personId)).get();
  if (person && person.last < on) db.update(persons).set({ lastActivityOn: on }).where(eq(persons.id, personId)).run();
}

export interface NewOrder {
  orderedOn: string;
  description: string;
  amountCents: number;
  invoiceStatus: 'open' | 'paid' | 'in_collection';
}

export function addOrder(register: UnlockedRegister, personId: number, order: NewOrder): { id: number } {
  assertRole(register, ...WRITE_ROLES);
  return register.transaction((db) => {
    assertMayChange(db, personId);
    const row = db
      .insert(orders)
      .values({ ...order, personId, createdAt: register.deps.clock.now().toISOString() })
      .returning({ id: orders.id })
      .get();
    touchActivity(db, personId, order.orderedOn);
    register.audit({ action: 'order.added', targetType: 'person', targetId: personId, details: { orderId: row.id } });
    return row;
  });
}

export function setInvoiceStatus(register: UnlockedRegister, orderId: number, status: NewOrder['invoiceStatus']): void {
  assertRole(register, ...WRITE_ROLES);
  register.transaction((db) => {
    const order = db.select({ personId: orders.personId }).from(orders).where(eq(orders.id, orderId)).get();
    if (!order) throw new KaappiError('PERSON_NOT_FOUND');
    if (order.personId) assertMayChange(db, order.personId);
    db.update(orders).set({ invoiceStatus: status }).where(eq(orders.id, orderId)).run();
    register.audit({ action: 'order.invoice_status', targetType: 'order', targetId: orderId, details: { status } });
  });
}

export interface NewContact {
  occurredOn: string;
  channel: 'email' | 'phone' | 'sms' | 'in_person' | 'letter' | 'other';
  kind: 'contact' | 'feedback';
  summary: string;
}

export function addContact(register: UnlockedRegister, personId: number, contact: NewContact): { id: number } {
  assertRole(register, ...WRITE_ROLES);
  const now = register.deps.clock.now();
  return register.transaction((db) => {
    assertMayChange(db, personId);
    const row = db
      .insert(contactLog)
      .values({ ...contact, personId, createdAt: now.toISOString(), createdBy: register.user.id })
      .returning({ id: contactLog.id })
      .get();
    touchActivity(db, personId, contact.occurredOn <= finnishDate(now) ? contact.occurredOn : finnishDate(now));
    register.audit({
      action: 'contact.added',
      targetType: 'person',
      targetId: personId,
      details: { contactId: row.id },
    });
    return row;
  });
}

/** Adds interest tags to people (one person from the person view, many from a bulk action). */
export function addInterest(register: UnlockedRegister, personIds: number[], tag: string): { tagged: number } {
  assertRole(register, ...WRITE_ROLES);
  return register.transaction((db) => {
    let tagged = 0;
    for (const personId of personIds) {
      assertMayChange(db, personId);
      tagged += db.insert(interests).values({ personId, tag }).onConflictDoNothing().run().changes;
      register.audit({ action: 'interest.added', targetType: 'person', targetId: personId });
    }
    return { tagged };
  });
}

/** Every interest tag some person has, once each: what the table's interest filter offers. */
export function interestTags(db: ReadableDb): string[] {
  return distinctInterestTags(db);
}

export function removeInterest(register: UnlockedRegister, personId: number, tag: string): void {
  assertRole(register, ...WRITE_ROLES);
  register.transaction((db) => {
    assertMayChange(db, personId);
    db.delete(interests)
      .where(and(eq(interests.personId, personId), eq(interests.tag, tag)))
      .run();
    register.audit({ action: 'interest.removed', targetType: 'person', targetId: personId });
  });
}

/** Sets (or with null clears) a custom field's value, checked against the field's type. */
export function setCustomValue(register: UnlockedRegister, personId: number, key: string, value: string | null): void {
  assertRole(register, ...WRITE_ROLES);
  register.transaction((db) => {
    assertMayChange(db, personId);
    const field = db.select().from(customFields).where(eq(customFields.key, key)).get();
    if (!field || !field.active) throw new KaappiError('UNKNOWN_FIELD');
    // A group's fields are what its notice list covers: a value outside it would be data the
    // notice does not tell this person about. Clearing one (value null) is always allowed.
    const kindKey = personRecord(db, personId).kindKey;
    if (value !== null && !fieldAppliesTo(JSON.parse(field.kindKeys) as string[], kindKey)) {
      throw new KaappiError('CUSTOM_FIELD_NOT_FOR_KIND', { field: key, kind: kindKey });
    }
    const where = and(eq(customFieldValues.personId, personId), eq(customFieldValues.fieldId, field.id));
    if (value === null) {
      db.delete(customFieldValues).where(where).run();
    } else {
      if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new KaappiError('UNKNOWN_FIELD');
      if (field.type === 'choice' && !(JSON.parse(field.choices) as string[]).includes(value)) {
        throw new KaappiError('UNKNOWN_FIELD');
      }
      db.insert(customFieldValues)
        .values({ personId, fieldId: field.id, value })
        .onConflictDoUpdate({ target: [customFieldValues.personId, customFieldValues.fieldId], set: { value } })
        .run();
    }
    register.audit({
      action: 'person.custom_value',
      targetType: 'person',
      targetId: personId,
      details: { field: key },
    });
  });
}
