// Everything about one person, for the person view. Opening it is recorded in the audit log
// (the notices promise every view of personal data is logged).
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { auditLog, users } from '../../db/schema';
import {
  contactLog,
  customFields,
  customFieldValues,
  employments,
  interests,
  orders,
  organizations,
} from '../../db/schema-register';
import { consentHistory, consentState } from '../consents';
import type { UnlockedRegister } from '../register';
import { personRecord } from './records';

/** Audit actions that concern a person's record, shown as their trail in the person view. */
export function personDetail(register: UnlockedRegister, personId: number) {
  return register.transaction((db) => {
    const person = personRecord(db, personId);
    register.audit({ action: 'person.viewed', targetType: 'person', targetId: personId });
    const now = register.deps.clock.now().toISOString();
    return {
      person,
      employments: db
        .select({
          id: employments.id,
          organizationId: employments.organizationId,
          organizationName: organizations.name,
          title: employments.title,
          startedOn: employments.startedOn,
          endedOn: employments.endedOn,
        })
        .from(employments)
        .innerJoin(organizations, eq(organizations.id, employments.organizationId))
        .where(eq(employments.personId, personId))
        .orderBy(desc(employments.startedOn), desc(employments.id))
        .all(),
      consents: consentState(db, personId, now),
      consentHistory: consentHistory(db, personId).map((event) => ({
        id: event.id,
        subject: event.subject,
        granted: event.granted,
        method: event.method,
        evidence: event.evidence,
        effectiveAt: event.effectiveAt,
        recordedAt: event.recordedAt,
        recordedBy: userName(register, event.recordedBy),
      })),
      orders: db
        .select({
          id: orders.id,
          orderedOn: orders.orderedOn,
          description: orders.description,
          amountCents: orders.amountCents,
          invoiceStatus: orders.invoiceStatus,
        })
        .from(orders)
        .where(eq(orders.personId, personId))
        .orderBy(desc(orders.orderedOn), desc(orders.id))
        .all(),
      contacts: db
        .select({
          id: contactLog.id,
          occurredOn: contactLog.occurredOn,
          channel: contactLog.channel,
          kind: contactLog.kind,
          summary: contactLog.summary,
        })
        .from(contactLog)
        .where(eq(contactLog.personId, personId))
        .orderBy(desc(contactLog.occurredOn), desc(contactLog.id))
        .all(),
      interests: db
        .select({ tag: interests.tag })
        .from(interests)
        .where(eq(interests.personId, personId))
        .orderBy(asc(interests.tag))
        .all()
        .map((row) => row.tag),
      customFields: db
        .select({
          key: customFields.key,
          labelFi: customFields.labelFi,
          labelEn: customFields.labelEn,
          type: customFields.type,
          choices: customFields.choices,
          value: customFieldValues.value,
        })
        .from(customFields)
        .leftJoin(
          customFieldValues,
          and(eq(customFieldValues.fieldId, customFields.id), eq(customFieldValues.personId, personId)),
        )
        .where(eq(customFields.active, true))
        .orderBy(asc(customFields.position), asc(customFields.id))
        .all()
        .map((field) => ({ ...field, choices: JSON.parse(field.choices) as string[] })),
      trail: db
        .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, actor: users.displayName })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorUserId))
        .where(and(eq(auditLog.targetType, 'person'), eq(auditLog.targetId, String(personId))))
        .orderBy(desc(auditLog.id))
        .limit(200)
        .all(),
    };
  });
}

export type PersonDetail = ReturnType<typeof personDetail>;

function userName(register: UnlockedRegister, id: number | null): string | null {
  if (id === null) return null;
  return (
    register.db
      .select({ name: users.displayName })
      .from(users)
      .where(inArray(users.id, [id]))
      .get()?.name ?? null
  );
}
