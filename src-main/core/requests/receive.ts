// Recording a request on receipt, and finding whom it concerns: the app suggests persons by email,
// phone and name; a human confirms which of them the request is about.
import { eq, inArray, sql } from 'drizzle-orm';
import type { RegisterDb, ReadableDb } from '../../db/open';
import { persons } from '../../db/schema-register';
import { requestAttachments, requests, requestSubjects } from '../../db/schema-requests';
import type { RequestType } from '../../../src-shared/vocabulary';
import { finnishDate } from '../clock';
import { KaappiError } from '../../../src-shared/errors';
import { toE164 } from '../../../src-shared/fields';
import { toFtsQuery, WRITE_ROLES } from '../persons';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';
import { dueDateFor } from '../../../src-shared/requests/deadlines';
import { isOpen, requestView } from './read';
import { checkedVerification, verifiedColumns } from './lifecycle';
import type { RequestChannel, RequestDetails, RequestView, Verification } from '../../../src-shared/requests/types';
import type { Language } from '../../../src-shared/language';

export interface NewRequest {
  type: RequestType;
  receivedOn: string;
  channel: RequestChannel;
  language: Language;
  requesterName: string;
  requesterContact: string;
  body: string;
  personIds: number[];
  details?: RequestDetails;
  attachments?: Array<{ fileName: string; mediaType: string; content: Buffer }>;
  /** Identity confirmed already on receipt (say, in person with an ID document). */
  verification?: Verification | undefined;
}

function assertPersonsExist(db: ReadableDb, personIds: number[]): void {
  if (personIds.length === 0) return;
  const found = db.select({ id: persons.id }).from(persons).where(inArray(persons.id, personIds)).all();
  if (found.length !== new Set(personIds).size) throw new KaappiError('PERSON_NOT_FOUND');
}

function linkSubjects(register: UnlockedRegister, db: RegisterDb, requestId: number, personIds: number[]): void {
  const at = register.deps.clock.now().toISOString();
  for (const personId of new Set(personIds)) {
    db.insert(requestSubjects)
      .values({ requestId, personId, confirmedAt: at, confirmedBy: register.user.id })
      .onConflictDoNothing()
      .run();
  }
}

export function receiveRequest(register: UnlockedRegister, input: NewRequest): RequestView {
  assertRole(register, ...WRITE_ROLES);
  const now = register.deps.clock.now();
  const today = finnishDate(now);
  if (input.receivedOn > today) throw new KaappiError('DATE_IN_FUTURE');
  const verification = input.verification ? checkedVerification(input.verification) : null;
  return register.transaction((db) => {
    assertPersonsExist(db, input.personIds);
    const row = db
      .insert(requests)
      .values({
        type: input.type,
        receivedOn: input.receivedOn,
        channel: input.channel,
        language: input.language,
        requesterName: input.requesterName,
        requesterContact: input.requesterContact,
        signed: false,
        ...(verification ? verifiedColumns(register, verification, today) : {}),
        body: input.body,
        dueOn: dueDateFor(input.receivedOn),
        details: JSON.stringify(input.details ?? {}),
        createdAt: now.toISOString(),
        createdBy: register.user.id,
      })
      .returning({ id: requests.id })
      .get();
    linkSubjects(register, db, row.id, input.personIds);
    for (const file of input.attachments ?? []) {
      db.insert(requestAttachments)
        .values({ requestId: row.id, ...file, addedAt: now.toISOString() })
        .run();
    }
    register.audit({
      action: 'request.received',
      targetType: 'request',
      targetId: row.id,
      details: {
        type: input.type,
        personIds: input.personIds.join(','),
        attachments: input.attachments?.length ?? 0,
      },
    });
    if (verification) {
      register.audit({
        action: 'request.verified',
        targetType: 'request',
        targetId: row.id,
        details: { type: input.type, means: verification.means },
      });
    }
    return requestView(register, db, row.id);
  });
}

/** Replaces the persons a request concerns, while it is open: a human's confirmed choice. */
export function confirmSubjects(register: UnlockedRegister, requestId: number, personIds: number[]): RequestView {
  assertRole(register, ...WRITE_ROLES);
  return register.transaction((db) => {
    const request = requestView(register, db, requestId);
    if (!isOpen(request.status)) throw new KaappiError('REQUEST_CLOSED');
    assertPersonsExist(db, personIds);
    db.delete(requestSubjects).where(eq(requestSubjects.requestId, requestId)).run();
    linkSubjects(register, db, requestId, personIds);
    register.audit({
      action: 'request.subjects_confirmed',
      targetType: 'request',
      targetId: requestId,
      details: { personIds: personIds.join(',') },
    });
    return requestView(register, db, requestId);
  });
}

export interface SubjectSuggestion {
  personId: number;
  name: string;
  email: string | null;
  phone: string | null;
  matchedBy: Array<'email' | 'phone' | 'name'>;
}

/** Who the requester might be: exact email, then phone, then name matches; at most 10. */
export function suggestSubjects(
  register: UnlockedRegister,
  clues: { email?: string; phone?: string; name?: string },
): SubjectSuggestion[] {
  const db = register.db;
  const matches = new Map<number, SubjectSuggestion['matchedBy']>();
  const add = (ids: number[], how: 'email' | 'phone' | 'name') => {
    for (const id of ids) matches.set(id, [...(matches.get(id) ?? []), how]);
  };
  const email = clues.email?.trim().toLowerCase();
  if (email) add(idsWhere(db, eq(persons.emailKey, email)), 'email');
  const phone = clues.phone ? toE164(clues.phone) : null;
  if (phone) add(idsWhere(db, eq(persons.phone, phone)), 'phone');
  const name = clues.name ? toFtsQuery(clues.name) : null;
  if (name) {
    const rows = db.all<{ id: number }>(
      sql`SELECT rowid AS id FROM persons_fts WHERE persons_fts MATCH ${name} ORDER BY rank LIMIT 10`,
    );
    add(
      rows.map((r) => r.id),
      'name',
    );
  }
  const ranked = [...matches.entries()]
    .sort(([, a], [, b]) => rankOf(a) - rankOf(b))
    .slice(0, 10)
    .map(([id]) => id);
  if (ranked.length === 0) return [];
  const rows = db
    .select({
      id: persons.id,
      firstName: persons.firstName,
      lastName: persons.lastName,
      email: persons.email,
      phone: persons.phone,
    })
    .from(persons)
    .where(inArray(persons.id, ranked))
    .all();
  return ranked.map((id) => {
    const row = rows.find((r) => r.id === id)!;
    return {
      personId: id,
      name: `${row.firstName} ${row.lastName}`,
      email: row.email,
      phone: row.phone,
      matchedBy: matches.get(id)!,
    };
  });
}

function idsWhere(db: ReadableDb, where: ReturnType<typeof eq>): number[] {
  return db
    .select({ id: persons.id })
    .from(persons)
    .where(where)
    .limit(10)
    .all()
    .map((r) => r.id);
}

/** Email beats phone beats name; several clues beat one. */
function rankOf(matchedBy: SubjectSuggestion['matchedBy']): number {
  const best = matchedBy.includes('email') ? 0 : matchedBy.includes('phone') ? 1 : 2;
  return best * 10 - matchedBy.length;
}
