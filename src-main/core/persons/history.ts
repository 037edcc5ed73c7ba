// A person's orders, contact log and interests, newest first: what both the person view and the
// subject's data package show, read the same way.
import { asc, desc, eq } from 'drizzle-orm';
import type { ReadableDb } from '../../db/open';
import { contactLog, interests, orders } from '../../db/schema-register';

export function ordersOf(db: ReadableDb, personId: number) {
  return db
    .select({
      id: orders.id,
      orderedOn: orders.orderedOn,
      description: orders.description,
      amountCents: orders.amountCents,
      invoiceStatus: orders.invoiceStatus,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .where(eq(orders.personId, personId))
    .orderBy(desc(orders.orderedOn), desc(orders.id))
    .all();
}

export function contactsOf(db: ReadableDb, personId: number) {
  return db
    .select()
    .from(contactLog)
    .where(eq(contactLog.personId, personId))
    .orderBy(desc(contactLog.occurredOn), desc(contactLog.id))
    .all();
}

export function interestsOf(db: ReadableDb, personId: number): string[] {
  return db
    .select({ tag: interests.tag })
    .from(interests)
    .where(eq(interests.personId, personId))
    .orderBy(asc(interests.tag))
    .all()
    .map((row) => row.tag);
}
