// Reading requests as the inbox shows them: deadline, urgency, the persons they concern (or that
// they were erased), recipients to tell and attachments. Requests are few (tens a year), so each
// list is built with one query per table rather than cleverness.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ReadableDb } from '../../db/open';
import { users } from '../../db/schema';
import { persons } from '../../db/schema-register';
import { requestAttachments, requestRecipients, requests, requestSubjects } from '../../db/schema-requests';
import { OPEN_REQUEST_STATUSES, type RequestStatus } from '../../../src-shared/vocabulary';
import { finnishDate } from '../clock';
import { KaappiError } from '../../../src-shared/errors';
import type { UnlockedRegister } from '../register';
import { daysBetween, urgencyOf } from '../../../src-shared/requests/deadlines';
import type { RequestDetails, RequestSubject, RequestView } from '../../../src-shared/requests/types';

export const isOpen = (status: RequestStatus) => (OPEN_REQUEST_STATUSES as readonly string[]).includes(status);

function userNames(db: ReadableDb): Map<number, string> {
  return new Map(
    db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .all()
      .map((u) => [u.id, u.name]),
  );
}

function views(db: ReadableDb, rows: Array<typeof requests.$inferSelect>, today: string): RequestView[] {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const names = userNames(db);
  const subjects = db
    .select({
      requestId: requestSubjects.requestId,
      personId: requestSubjects.personId,
      firstName: persons.firstName,
      lastName: persons.lastName,
      email: persons.email,
      language: persons.language,
      restricted: persons.restricted,
    })
    .from(requestSubjects)
    .leftJoin(persons, eq(persons.id, requestSubjects.personId))
    .where(inArray(requestSubjects.requestId, ids))
    .orderBy(asc(requestSubjects.personId))
    .all();
  const recipients = db
    .select()
    .from(requestRecipients)
    .where(inArray(requestRecipients.requestId, ids))
    .orderBy(asc(requestRecipients.id))
    .all();
  const attachments = db
    .select({
      id: requestAttachments.id,
      requestId: requestAttachments.requestId,
      fileName: requestAttachments.fileName,
      mediaType: requestAttachments.mediaType,
      size: sql<number>`length(${requestAttachments.content})`,
    })
    .from(requestAttachments)
    .where(inArray(requestAttachments.requestId, ids))
    .orderBy(asc(requestAttachments.id))
    .all();
  return rows.map((row) => {
    const deadline = row.extendedTo ?? row.dueOn;
    const open = isOpen(row.status);
    return {
      id: row.id,
      type: row.type,
      receivedOn: row.receivedOn,
      channel: row.channel,
      language: row.language,
      requesterName: row.requesterName,
      requesterContact: row.requesterContact,
      receivedSigned: row.signed,
      body: row.body,
      dueOn: row.dueOn,
      extendedTo: row.extendedTo,
      extensionReason: row.extensionReason,
      extensionToldOn: row.extensionToldOn,
      deadline,
      daysLeft: daysBetween(today, deadline),
      urgency: urgencyOf(open, deadline, today),
      status: row.status,
      verifiedOn: row.verifiedOn,
      verifiedMeans: row.verifiedMeans,
      verifiedNote: row.verifiedHow,
      verifiedBy: row.verifiedBy === null ? null : (names.get(row.verifiedBy) ?? null),
      details: JSON.parse(row.details) as RequestDetails,
      outcome: row.outcome,
      refusedInPart: row.refusedInPart,
      closedOn: row.closedOn,
      closedBy: row.closedBy === null ? null : (names.get(row.closedBy) ?? null),
      redacted: row.redactedAt !== null,
      subjects: subjects
        .filter((s) => s.requestId === row.id)
        .map((s): RequestSubject => ({
          personId: s.personId,
          name: s.firstName === null ? null : `${s.firstName} ${s.lastName}`,
          email: s.email,
          language: s.language,
          restricted: s.restricted ?? false,
        })),
      recipients: recipients
        .filter((r) => r.requestId === row.id)
        .map((r) => ({ id: r.id, recipient: r.recipient, toldOn: r.toldOn })),
      attachments: attachments.filter((a) => a.requestId === row.id).map(({ requestId: _, ...a }) => a),
    };
  });
}

export function requestView(register: UnlockedRegister, db: ReadableDb, id: number): RequestView {
  const row = db.select().from(requests).where(eq(requests.id, id)).get();
  if (!row) throw new KaappiError('REQUEST_NOT_FOUND');
  return views(db, [row], finnishDate(register.deps.clock.now()))[0]!;
}

export function getRequest(register: UnlockedRegister, id: number): RequestView {
  return requestView(register, register.db, id);
}

export interface RequestFilter {
  /** Only open requests past their deadline. */
  overdue?: boolean;
  /** Only requests still open (received, verified, in progress). */
  open?: boolean;
  /** Requests concerning this person. */
  personId?: number;
}

/** The inbox: open requests first, by deadline (the most urgent on top), then closed, newest first. */
export function listRequests(register: UnlockedRegister, filter: RequestFilter = {}): RequestView[] {
  const db = register.db;
  const today = finnishDate(register.deps.clock.now());
  const conditions = [];
  if (filter.open || filter.overdue) conditions.push(inArray(requests.status, [...OPEN_REQUEST_STATUSES]));
  if (filter.overdue) conditions.push(sql`coalesce(${requests.extendedTo}, ${requests.dueOn}) < ${today}`);
  if (filter.personId !== undefined) {
    conditions.push(
      sql`${requests.id} IN (SELECT request_id FROM request_subjects WHERE person_id = ${filter.personId})`,
    );
  }
  const rows = db
    .select()
    .from(requests)
    .where(and(...conditions))
    .all();
  return views(db, rows, today).sort((a, b) => {
    const aOpen = isOpen(a.status);
    if (aOpen !== isOpen(b.status)) return aOpen ? -1 : 1;
    if (aOpen) return a.deadline.localeCompare(b.deadline) || a.id - b.id;
    return (b.closedOn ?? '').localeCompare(a.closedOn ?? '') || b.id - a.id;
  });
}

export interface RequestCounts {
  open: number;
  overdue: number;
  dueSoon: number;
}

/** For the dashboard card. */
export function requestCounts(register: UnlockedRegister): RequestCounts {
  const today = finnishDate(register.deps.clock.now());
  const rows = register.db
    .select({ deadline: sql<string>`coalesce(${requests.extendedTo}, ${requests.dueOn})` })
    .from(requests)
    .where(inArray(requests.status, [...OPEN_REQUEST_STATUSES]))
    .all();
  const urgencies = rows.map((r) => urgencyOf(true, r.deadline, today));
  return {
    open: rows.length,
    overdue: urgencies.filter((u) => u === 'overdue').length,
    dueSoon: urgencies.filter((u) => u === 'due_soon').length,
  };
}

export function requestAttachment(register: UnlockedRegister, requestId: number, attachmentId: number) {
  const row = register.db
    .select()
    .from(requestAttachments)
    .where(and(eq(requestAttachments.id, attachmentId), eq(requestAttachments.requestId, requestId)))
    .get();
  if (!row) throw new KaappiError('REQUEST_NOT_FOUND');
  register.audit({ action: 'request.attachment_viewed', targetType: 'request', targetId: requestId });
  return { fileName: row.fileName, mediaType: row.mediaType, content: row.content };
}
