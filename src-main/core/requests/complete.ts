// Completing a request does what its type asks: a rectification is applied, an erasure runs the
// retention deletion (unless a legal hold applies: then it is refused in part or in whole),
// a restriction flags the person, an objection or a ban is recorded as a consent event with the
// request as evidence. Access and portability are complete once the package has been written.
import { and, eq, sql } from 'drizzle-orm';
import type { RegisterDb, ReadableDb } from '../../db/open';
import { contactLog, customFieldValues, dataSources, interests, persons } from '../../db/schema-register';
import { requestRecipients } from '../../db/schema-requests';
import type { ConsentSubject } from '../../../src-shared/vocabulary';
import { recordConsents } from '../consents';
import { KaappiError } from '../../../src-shared/errors';
import { reindexPerson, updatePerson, WRITE_ROLES, type PersonFields } from '../persons';
import type { UnlockedRegister } from '../register';
import { erasePersons } from '../retention';
import { readSettings } from '../settings';
import { assertRole } from '../users';
import { bookkeepingKeptText, BILLING_HOLDS, holdText, noDataText, partialErasureText } from './hold-texts';
import { closeRequest, openRequestAt } from './lifecycle';
import { requestView } from './read';
import { DEFAULT_OBJECTION_BANS, type RequestView } from '../../../src-shared/requests/types';

const BANS_OF: Partial<Record<RequestView['type'], ConsentSubject[]>> = {
  ban_direct_marketing: ['ban_direct_marketing'],
  ban_research: ['ban_research'],
  ban_publication: ['ban_publication'],
};

export function completeRequest(register: UnlockedRegister, id: number, input: { note?: string } = {}): RequestView {
  assertRole(register, ...WRITE_ROLES);
  const request = openRequestAt(register, register.db, id, ['in_progress']);
  const living = request.subjects.filter((s) => s.name !== null).map((s) => s.personId);
  // Nobody in the register matched: the answer is that nothing about them is kept.
  if (request.subjects.length === 0) {
    return register.transaction((db) => {
      closeRequest(register, db, request, { status: 'completed', text: noDataText[request.language] });
      return requestView(register, db, id);
    });
  }
  if (living.length === 0) throw new KaappiError('REQUEST_NO_SUBJECT');
  if (request.type === 'erasure') return completeErasure(register, request, living);
  return register.transaction((db) => {
    applyEffect(register, db, request, living);
    closeRequest(register, db, request, { status: 'completed', text: input.note?.trim() || null });
    return requestView(register, db, id);
  });
}

function applyEffect(register: UnlockedRegister, db: RegisterDb, request: RequestView, personIds: number[]): void {
  switch (request.type) {
    case 'access':
    case 'portability':
      for (const personId of personIds) {
        if (!packageWritten(db, request.id, personId)) throw new KaappiError('PACKAGE_NOT_WRITTEN');
      }
      return;
    case 'rectification':
      return rectify(register, db, request, personIds);
    case 'restriction':
      for (const personId of personIds) setRestricted(register, db, personId, true, request.id);
      return;
    case 'objection':
    case 'ban_direct_marketing':
    case 'ban_research':
    case 'ban_publication': {
      const bans =
        request.type === 'objection' ? (request.details.bans ?? DEFAULT_OBJECTION_BANS) : BANS_OF[request.type]!;
      const evidence = `Pyyntö / request #${request.id} (${request.type}), ${request.receivedOn}`;
      for (const personId of personIds) {
        recordConsents(
          register,
          personId,
          bans.map((subject) => ({ subject, granted: true, method: 'request' as const, evidence })),
        );
      }
      return;
    }
    case 'erasure':
      throw new Error('erasure is completed by completeErasure');
  }
}

/** The package for this request was written for this person (writeSubjectPackage audits it). */
function packageWritten(db: ReadableDb, requestId: number, personId: number): boolean {
  return (
    db.get(
      sql`SELECT 1 FROM audit_log WHERE action = 'subject.exported' AND target_type = 'person'
          AND target_id = ${String(personId)} AND json_extract(details, '$.requestId') = ${requestId}`,
    ) !== undefined
  );
}

function rectify(register: UnlockedRegister, db: RegisterDb, request: RequestView, personIds: number[]): void {
  const changes = request.details.changes ?? [];
  if (changes.length === 0) throw new KaappiError('NOTHING_TO_RECTIFY');
  const fields = Object.fromEntries(changes.map((c) => [c.field, c.to])) as Partial<PersonFields>;
  for (const personId of personIds) {
    updatePerson(register, personId, fields);
    // Art. 19: the source the data came from is told about the correction; recipients are added
    // by hand (and, with the settings issue, the processors the notice names).
    const source = db
      .select({ label: request.language === 'fi' ? dataSources.labelFi : dataSources.labelEn })
      .from(persons)
      .innerJoin(dataSources, eq(dataSources.id, persons.sourceId))
      .where(eq(persons.id, personId))
      .get();
    if (source) addRecipientRow(db, request.id, source.label);
  }
}

export function addRecipientRow(db: RegisterDb, requestId: number, recipient: string): void {
  const exists = db
    .select({ id: requestRecipients.id })
    .from(requestRecipients)
    .where(and(eq(requestRecipients.requestId, requestId), eq(requestRecipients.recipient, recipient)))
    .get();
  if (!exists) db.insert(requestRecipients).values({ requestId, recipient }).run();
}

export function setRestricted(
  register: UnlockedRegister,
  db: RegisterDb,
  personId: number,
  restricted: boolean,
  requestId: number | null,
): void {
  const now = register.deps.clock.now().toISOString();
  const changed = db
    .update(persons)
    .set({ restricted, updatedAt: now })
    .where(eq(persons.id, personId))
    .returning({ id: persons.id })
    .all();
  if (changed.length === 0) throw new KaappiError('PERSON_NOT_FOUND');
  register.audit({
    action: restricted ? 'person.restricted' : 'person.restriction_lifted',
    targetType: 'person',
    targetId: personId,
    details: { requestId },
  });
}

/**
 * Erasure: each person without a hold is erased as retention would, orders still in their
 * bookkeeping period kept unlinked. A person held only by a debt (open invoice, collection) is
 * erased in part: everything billing does not need goes, and the rest is restricted. Any other
 * hold refuses the erasure for them.
 */
function completeErasure(register: UnlockedRegister, request: RequestView, personIds: number[]): RequestView {
  const settings = readSettings(register);
  const language = request.language;
  let partial = false;
  erasePersons(
    register,
    {
      personIds,
      reason: 'request',
      action: 'delete',
      // The review page's postponement is not a ground to refuse the person.
      ignoreHoldKinds: ['postponed'],
      alsoInTransaction: (db, result) => {
        const reasons: string[] = [];
        let anyDone = result.erased.length > 0;
        for (const { personId, holds } of result.held) {
          if (holds.every((hold) => BILLING_HOLDS.includes(hold.kind))) {
            erasePartially(register, db, personId, request.id);
            anyDone = true;
            partial = true;
          }
          reasons.push(...holds.map((hold) => holdText(hold, language)));
        }
        // The requester is told truthfully which bookkeeping rows stay, and until when.
        const keptUntil = result.bookkeeping
          .map((kept) => kept.keptUntil)
          .sort()
          .at(-1);
        const kept = keptUntil ? bookkeepingKeptText(keptUntil, language) : null;
        if (result.held.length === 0) {
          closeRequest(register, db, request, { status: 'completed', text: kept });
          return;
        }
        const text =
          [...new Set(reasons)].join('\n') +
          (partial ? `\n${partialErasureText[language]}` : '') +
          (kept ? `\n${kept}` : '');
        closeRequest(register, db, request, { status: 'refused', text, refusedInPart: anyDone });
      },
    },
    settings,
  );
  if (partial) register.truncateWal();
  return requestView(register, register.db, request.id);
}

/** What billing does not need goes; name, address, email and orders stay, restricted. */
function erasePartially(register: UnlockedRegister, db: RegisterDb, personId: number, requestId: number): void {
  const removed = {
    contacts: db.delete(contactLog).where(eq(contactLog.personId, personId)).run().changes,
    interests: db.delete(interests).where(eq(interests.personId, personId)).run().changes,
    customValues: db.delete(customFieldValues).where(eq(customFieldValues.personId, personId)).run().changes,
  };
  db.update(persons)
    .set({
      phone: null,
      jobTitle: null,
      birthDate: null,
      age: null,
      ageRecordedOn: null,
      www: null,
      ipAddress: null,
      notes: null,
      restricted: true,
      updatedAt: register.deps.clock.now().toISOString(),
    })
    .where(eq(persons.id, personId))
    .run();
  reindexPerson(db, personId);
  register.audit({
    action: 'person.partially_erased',
    targetType: 'person',
    targetId: personId,
    details: { requestId, ...removed },
  });
}
