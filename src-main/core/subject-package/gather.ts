// Reading everything the register holds about one person, in one transaction so the package is a
// consistent picture: their details, relationships, consents with history, orders, contacts,
// requests, who processed their data, why it is kept and for how long, and who keeps it.
import { asc, desc, eq } from 'drizzle-orm';
import type { RegisterDb, ReadableDb } from '../../db/open';
import { auditLog, users } from '../../db/schema';
import {
  customFields,
  customFieldValues,
  dataSources,
  employments,
  organizations,
  persons,
  relationshipKinds,
} from '../../db/schema-register';
import { requests, requestSubjects } from '../../db/schema-requests';
import { finnishDate } from '../clock';
import { aboutPerson } from '../audit';
import { consentHistory, consentState } from '../consents';
import { KaappiError } from '../../../src-shared/errors';
import { contactsOf, interestsOf, ordersOf } from '../persons';
import type { UnlockedRegister } from '../register';
import { holdsFor, listPolicies, type HoldReason } from '../retention';
import { readRegisterProfile, readSettings } from '../settings';
import { applicablePolicies } from './retention';
import { SUBJECT_PACKAGE_FORMAT, type SubjectData } from './schema';

function personSection(db: ReadableDb, personId: number) {
  const row = db
    .select({ person: persons, kind: relationshipKinds, source: dataSources })
    .from(persons)
    .innerJoin(relationshipKinds, eq(relationshipKinds.id, persons.kindId))
    .leftJoin(dataSources, eq(dataSources.id, persons.sourceId))
    .where(eq(persons.id, personId))
    .get();
  if (!row) throw new KaappiError('PERSON_NOT_FOUND');
  // Internal ids, the lookup key and the state kept for the views and the review stay in the
  // register (the consents and the retention rules are in their own sections); uid is the id for
  // files that leave it.
  const {
    id: _id,
    kindId: _kindId,
    sourceId: _sourceId,
    emailKey: _emailKey,
    consentsGranted: _granted,
    consentsWithdrawn: _withdrawn,
    dueOn: _dueOn,
    retentionBlocked: _blocked,
    ...person
  } = row.person;
  const entry = (list: { key: string; labelFi: string; labelEn: string }) => ({
    key: list.key,
    label: { fi: list.labelFi, en: list.labelEn },
  });
  return { person, relationshipKind: entry(row.kind), source: row.source ? entry(row.source) : null };
}

function employmentSection(db: ReadableDb, personId: number): SubjectData['employments'] {
  return db
    .select({ employment: employments, organization: organizations })
    .from(employments)
    .innerJoin(organizations, eq(organizations.id, employments.organizationId))
    .where(eq(employments.personId, personId))
    .orderBy(desc(employments.startedOn), desc(employments.id))
    .all()
    .map(({ employment, organization }) => {
      const { id: _id, createdAt: _c, updatedAt: _u, ...details } = organization;
      return {
        organization: details,
        title: employment.title,
        startedOn: employment.startedOn,
        endedOn: employment.endedOn,
      };
    });
}

function consentSection(db: RegisterDb, personId: number, now: string, userName: (id: number | null) => string | null) {
  const current = Object.entries(consentState(db, personId, now)).flatMap(([subject, state]) =>
    state ? [{ subject: subject as SubjectData['consents']['current'][number]['subject'], ...state }] : [],
  );
  const history = consentHistory(db, personId).map((event) => ({
    subject: event.subject,
    granted: event.granted,
    method: event.method,
    evidence: event.evidence,
    effectiveAt: event.effectiveAt,
    recordedAt: event.recordedAt,
    recordedBy: userName(event.recordedBy),
  }));
  return { current, history };
}

function activitySections(db: RegisterDb, personId: number, userName: (id: number | null) => string | null) {
  return {
    orders: ordersOf(db, personId),
    contacts: contactsOf(db, personId).map((row) => ({
      occurredOn: row.occurredOn,
      channel: row.channel,
      kind: row.kind,
      summary: row.summary,
      createdAt: row.createdAt,
      createdBy: userName(row.createdBy),
    })),
    interests: interestsOf(db, personId),
    customFields: db
      .select({
        key: customFields.key,
        labelFi: customFields.labelFi,
        labelEn: customFields.labelEn,
        type: customFields.type,
        value: customFieldValues.value,
      })
      .from(customFieldValues)
      .innerJoin(customFields, eq(customFields.id, customFieldValues.fieldId))
      .where(eq(customFieldValues.personId, personId))
      .orderBy(asc(customFields.position), asc(customFields.id))
      .all()
      .map(({ labelFi, labelEn, ...field }) => ({ ...field, label: { fi: labelFi, en: labelEn } })),
  };
}

function requestSection(db: ReadableDb, personId: number): SubjectData['requests'] {
  return db
    .select({
      id: requests.id,
      type: requests.type,
      receivedOn: requests.receivedOn,
      channel: requests.channel,
      dueOn: requests.dueOn,
      extendedTo: requests.extendedTo,
      extensionReason: requests.extensionReason,
      status: requests.status,
      closedOn: requests.closedOn,
      outcome: requests.outcome,
      refusedInPart: requests.refusedInPart,
    })
    .from(requestSubjects)
    .innerJoin(requests, eq(requests.id, requestSubjects.requestId))
    .where(eq(requestSubjects.personId, personId))
    .orderBy(desc(requests.receivedOn), desc(requests.id))
    .all();
}

function processingSection(db: ReadableDb, personId: number): SubjectData['processing'] {
  return db
    .select({ at: auditLog.at, action: auditLog.action, actor: users.displayName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(aboutPerson(db, personId))
    .orderBy(asc(auditLog.id))
    .all();
}

function holdEntry(hold: HoldReason): SubjectData['retention']['holds'][number] {
  return {
    kind: hold.kind,
    until: 'until' in hold ? hold.until : null,
    reason: 'reason' in hold ? hold.reason : null,
  };
}

export function gatherSubjectData(
  register: UnlockedRegister,
  personId: number,
  options: { requestId?: number } = {},
): SubjectData {
  const now = register.deps.clock.now();
  const nowIso = now.toISOString();
  const today = finnishDate(now);
  return register.transaction((db) => {
    const names = new Map(
      db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .all()
        .map((user) => [user.id, user.name]),
    );
    const userName = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
    const { person, relationshipKind, source } = personSection(db, personId);
    const profile = readRegisterProfile(register);
    // Informational: the person is told until when their orders are kept as bookkeeping.
    const holds = holdsFor(db, [personId], today, readSettings(register), true).get(personId) ?? [];
    const concerning = requestSection(db, personId);
    // A package answers a request about this person, never someone else's.
    if (options.requestId !== undefined && !concerning.some((request) => request.id === options.requestId)) {
      throw new KaappiError('INVALID_INPUT');
    }
    return {
      format: SUBJECT_PACKAGE_FORMAT,
      generatedAt: nowIso,
      requestId: options.requestId ?? null,
      controller: { ...profile.controller, contactPerson: profile.contactPerson, registerName: profile.registerName },
      purposes: profile.purposes,
      supervisoryAuthority: profile.authority,
      person,
      relationshipKind,
      source,
      employments: employmentSection(db, personId),
      consents: consentSection(db, personId, nowIso, userName),
      ...activitySections(db, personId, userName),
      requests: concerning,
      processing: processingSection(db, personId),
      retention: {
        policies: applicablePolicies(listPolicies(db), person, relationshipKind.key),
        holds: holds.map(holdEntry),
      },
    };
  });
}
