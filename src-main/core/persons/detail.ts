// Everything about one person, for the person view. Opening it is recorded in the audit log
// (the notices promise every view of personal data is logged).
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { auditLog, users } from '../../db/schema';
import { customFields, customFieldValues, employments, organizations } from '../../db/schema-register';
import { aboutPerson } from '../audit';
import { consentHistory, consentState, marketingChannelModes } from '../consents';
import type { UnlockedRegister } from '../register';
import { contactsOf, interestsOf, ordersOf } from './history';
import { personRecord } from './records';
import { listKindGroups } from '../lists';
import { readRegisterProfile } from '../settings';
import { fieldAppliesTo } from '../../../src-shared/contract/group-facts';
import type { DataCategory } from '../../../src-shared/contract/notice-facts';

/**
 * The categories of data the notice declares for a person's group, which the form and view keep to:
 * the group's own list, else the register's (a field the notice does not list is not collected).
 */
export function declaredCategoriesOf(register: UnlockedRegister, kindKey: string): DataCategory[] {
  const own = listKindGroups(register.db).find((group) => group.key === kindKey)?.dataCategories;
  return (own ?? readRegisterProfile(register).notice.dataCategories).map((category) => category.key);
}

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
      /** So the view can say "allowed unless they object" for an opt-out channel, not "no consent". */
      channelModes: marketingChannelModes(register, person.kindKey),
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
      orders: ordersOf(db, personId).map(({ createdAt: _, ...order }) => order),
      contacts: contactsOf(db, personId).map(({ id, occurredOn, channel, kind, summary }) => ({
        id,
        occurredOn,
        channel,
        kind,
        summary,
      })),
      interests: interestsOf(db, personId),
      customFields: db
        .select({
          key: customFields.key,
          labelFi: customFields.labelFi,
          labelEn: customFields.labelEn,
          type: customFields.type,
          choices: customFields.choices,
          kindKeys: customFields.kindKeys,
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
        .map((field) => ({
          ...field,
          choices: JSON.parse(field.choices) as string[],
          kindKeys: JSON.parse(field.kindKeys) as string[],
        }))
        // Only the fields of the person's group (a field outside it cannot hold a value: see lists).
        .filter((field) => fieldAppliesTo(field.kindKeys, person.kindKey)),
      /** The data categories the person's group declares as its own; null = no own list. */
      declaredCategories: declaredCategoriesOf(register, person.kindKey),
      trail: db
        .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, actor: users.displayName })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorUserId))
        .where(aboutPerson(db, personId))
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
