// What can change on an open request besides its step: the rectification's requested changes,
// the bans an objection sets, the recipients to tell and when they were told, and lifting a
// person's restriction (the one edit a restricted person allows).
import { and, eq } from 'drizzle-orm';
import { requestRecipients, requests } from '../../db/schema-requests';
import type { ConsentSubject } from '../../../src-shared/vocabulary';
import { finnishDate } from '../clock';
import { KaappiError } from '../../../src-shared/errors';
import { personRecord, WRITE_ROLES } from '../persons';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';
import { addRecipientRow, setRestricted } from './complete';
import { openRequestAt } from './lifecycle';
import { requestView } from './read';
import type { FieldChange, RectifiableField, RequestView } from '../../../src-shared/requests/types';

const OPEN = ['received', 'verified', 'in_progress'] as const;

/** Records what the person asks to change; `from` is the value now, for the diff. */
export function setRectification(
  register: UnlockedRegister,
  id: number,
  changes: Array<{ field: RectifiableField; to: string | null }>,
): RequestView {
  assertRole(register, ...WRITE_ROLES);
  return register.transaction((db) => {
    const request = openRequestAt(register, db, id, OPEN);
    if (request.type !== 'rectification') throw new KaappiError('REQUEST_WRONG_STEP', { status: request.type });
    const subject = request.subjects.find((s) => s.name !== null);
    if (!subject) throw new KaappiError('REQUEST_NO_SUBJECT');
    const person = personRecord(db, subject.personId);
    const diff: FieldChange[] = changes
      .map(({ field, to }) => ({ field, from: (person[field] as string | null) ?? null, to }))
      .filter((change) => change.from !== change.to);
    db.update(requests)
      .set({ details: JSON.stringify({ ...request.details, changes: diff }) })
      .where(eq(requests.id, id))
      .run();
    register.audit({
      action: 'request.changes_recorded',
      targetType: 'request',
      targetId: id,
      details: { fields: diff.map((c) => c.field).join(',') },
    });
    return requestView(register, db, id);
  });
}

export function setObjectionBans(register: UnlockedRegister, id: number, bans: ConsentSubject[]): RequestView {
  assertRole(register, ...WRITE_ROLES);
  return register.transaction((db) => {
    const request = openRequestAt(register, db, id, OPEN);
    if (request.type !== 'objection') throw new KaappiError('REQUEST_WRONG_STEP', { status: request.type });
    db.update(requests)
      .set({ details: JSON.stringify({ ...request.details, bans }) })
      .where(eq(requests.id, id))
      .run();
    register.audit({
      action: 'request.bans_chosen',
      targetType: 'request',
      targetId: id,
      details: { bans: bans.join(',') },
    });
    return requestView(register, db, id);
  });
}

/** A recipient to tell (Art. 19); allowed after completion too, since telling comes after. */
export function addRecipient(register: UnlockedRegister, id: number, recipient: string): RequestView {
  assertRole(register, ...WRITE_ROLES);
  return register.transaction((db) => {
    requestView(register, db, id);
    addRecipientRow(db, id, recipient);
    register.audit({ action: 'request.recipient_added', targetType: 'request', targetId: id });
    return requestView(register, db, id);
  });
}

export function markRecipientTold(
  register: UnlockedRegister,
  id: number,
  recipientId: number,
  toldOn: string,
): RequestView {
  assertRole(register, ...WRITE_ROLES);
  if (toldOn > finnishDate(register.deps.clock.now())) throw new KaappiError('DATE_IN_FUTURE');
  return register.transaction((db) => {
    const updated = db
      .update(requestRecipients)
      .set({ toldOn })
      .where(and(eq(requestRecipients.id, recipientId), eq(requestRecipients.requestId, id)))
      .returning({ id: requestRecipients.id })
      .all();
    if (updated.length === 0) throw new KaappiError('REQUEST_NOT_FOUND');
    register.audit({ action: 'request.recipient_told', targetType: 'request', targetId: id, details: { recipientId } });
    return requestView(register, db, id);
  });
}

/** Restriction is lifted by a deliberate act (e.g. the person's accuracy claim was settled). */
export function liftRestriction(register: UnlockedRegister, personId: number): void {
  assertRole(register, ...WRITE_ROLES);
  register.transaction((db) => setRestricted(register, db, personId, false, null));
}
