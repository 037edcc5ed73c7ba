// The steps of a request: received → identity verified → in progress → completed or refused,
// with an optional extension of the deadline. Each step is one transaction with its audit entry.
import { eq } from 'drizzle-orm';
import type { RegisterDb, ReadableDb } from '../../db/open';
import { requests } from '../../db/schema-requests';
import { VERIFICATION_MEANS, type RequestStatus, type VerificationMeans } from '../../../src-shared/vocabulary';
import { finnishDate } from '../clock';
import { KaappiError } from '../../../src-shared/errors';
import { WRITE_ROLES } from '../persons';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';
import { dueDateFor, latestExtensionFor } from '../../../src-shared/requests/deadlines';
import { isOpen, requestView } from './read';
import type { RequestView, Verification } from '../../../src-shared/requests/types';

/** Loads an open request that is at one of `steps`, inside the caller's transaction. */
export function openRequestAt(
  register: UnlockedRegister,
  db: ReadableDb,
  id: number,
  steps: readonly RequestStatus[],
): RequestView {
  const request = requestView(register, db, id);
  if (!isOpen(request.status)) throw new KaappiError('REQUEST_CLOSED');
  if (!steps.includes(request.status)) throw new KaappiError('REQUEST_WRONG_STEP', { status: request.status });
  return request;
}

function step(
  register: UnlockedRegister,
  id: number,
  steps: readonly RequestStatus[],
  change: (db: RegisterDb, request: RequestView, today: string) => Partial<typeof requests.$inferInsert>,
  action: string,
  details: (request: RequestView) => Record<string, string | number | boolean | null> = () => ({}),
): RequestView {
  assertRole(register, ...WRITE_ROLES);
  const today = finnishDate(register.deps.clock.now());
  return register.transaction((db) => {
    const request = openRequestAt(register, db, id, steps);
    db.update(requests)
      .set(change(db, request, today))
      .where(eq(requests.id, id))
      .run();
    register.audit({
      action,
      targetType: 'request',
      targetId: id,
      details: { type: request.type, ...details(request) },
    });
    return requestView(register, db, id);
  });
}

/**
 * Identity confirmed, and by which means: any reasonable one will do for every type of request
 * (GDPR Art. 12(6) allows asking for more only on reasonable doubt, never demanding a signature).
 */
export function verifyIdentity(register: UnlockedRegister, id: number, verification: Verification): RequestView {
  const checked = checkedVerification(verification);
  return step(
    register,
    id,
    ['received'],
    (_db, _request, today) => verifiedColumns(register, checked, today),
    'request.verified',
    () => ({ means: checked.means }),
  );
}

/** Refuses an unknown means, and 'other' without a note saying what was done. */
export function checkedVerification(verification: Verification): { means: VerificationMeans; note: string | null } {
  if (!(VERIFICATION_MEANS as readonly string[]).includes(verification.means)) {
    throw new KaappiError('VERIFICATION_MEANS_UNKNOWN');
  }
  const note = verification.note?.trim() || null;
  if (verification.means === 'other' && !note) throw new KaappiError('VERIFICATION_NOTE_REQUIRED');
  return { means: verification.means, note };
}

/** The columns a verified request gets; the audit entry records only the means, never the note. */
export function verifiedColumns(
  register: UnlockedRegister,
  checked: { means: VerificationMeans; note: string | null },
  today: string,
) {
  return {
    status: 'verified' as const,
    verifiedOn: today,
    verifiedMeans: checked.means,
    verifiedHow: checked.note,
    verifiedBy: register.user.id,
  };
}

export function startRequest(register: UnlockedRegister, id: number): RequestView {
  return step(register, id, ['verified'], () => ({ status: 'in_progress' }), 'request.started');
}

/**
 * Two further months at most, for a complex request or many of them, and only if the person was
 * told within the first month (GDPR Art. 12(3)).
 */
export function extendDeadline(
  register: UnlockedRegister,
  id: number,
  input: { extendedTo: string; reason: string; toldOn: string },
): RequestView {
  return step(
    register,
    id,
    ['received', 'verified', 'in_progress'],
    (_db, request, today) => {
      const latest = latestExtensionFor(request.receivedOn);
      const firstDeadline = dueDateFor(request.receivedOn);
      const valid =
        input.extendedTo > firstDeadline &&
        input.extendedTo <= latest &&
        input.toldOn >= request.receivedOn &&
        input.toldOn <= firstDeadline &&
        input.toldOn <= today;
      if (!valid) throw new KaappiError('EXTENSION_INVALID', { latest });
      return { extendedTo: input.extendedTo, extensionReason: input.reason, extensionToldOn: input.toldOn };
    },
    'request.extended',
    () => ({ extendedTo: input.extendedTo }),
  );
}

/** Refusing (at any open step): the reason goes onto the written certificate. */
export function refuseRequest(register: UnlockedRegister, id: number, input: { reason: string }): RequestView {
  return step(
    register,
    id,
    ['received', 'verified', 'in_progress'],
    (_db, _request, today) => ({
      status: 'refused',
      outcome: input.reason,
      refusedInPart: false,
      closedOn: today,
      closedBy: register.user.id,
    }),
    'request.refused',
  );
}

/** Closes a request inside the caller's transaction (used by the type-specific completions). */
export function closeRequest(
  register: UnlockedRegister,
  db: RegisterDb,
  request: RequestView,
  outcome: { status: 'completed' | 'refused'; text: string | null; refusedInPart?: boolean },
): void {
  const today = finnishDate(register.deps.clock.now());
  db.update(requests)
    .set({
      status: outcome.status,
      outcome: outcome.text,
      refusedInPart: outcome.refusedInPart ?? false,
      closedOn: today,
      closedBy: register.user.id,
    })
    .where(eq(requests.id, request.id))
    .run();
  register.audit({
    action: outcome.status === 'completed' ? 'request.completed' : 'request.refused',
    targetType: 'request',
    targetId: request.id,
    details: {
      type: request.type,
      personIds: request.subjects.map((s) => s.personId).join(','),
      inPart: outcome.refusedInPart ?? false,
    },
  });
}
