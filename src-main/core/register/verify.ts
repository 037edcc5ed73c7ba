// The register's self-check: SQLite integrity, every page readable under the cipher, the audit
// chain intact, the log's guards (append-only triggers, first entry the register's creation, the
// head kept outside still in it), and the state kept for the views equal to its sources. Recorded.
import { asc, eq } from 'drizzle-orm';
import { checkConsentState, type ConsentStateCheck } from '../../db/consent-state';
import { auditLog } from '../../db/schema';
import { verifyAuditChain, type AuditVerification } from '../audit';
import { dueStateDiffers } from '../retention/due';
import { assertRole } from '../users';
import type { HeadProblem } from './audit-anchor';
import type { UnlockedRegister } from './unlocked';

export type AnchorProblem =
  HeadProblem | { code: 'AUDIT_TRIGGERS_CHANGED'; triggers: string[] } | { code: 'AUDIT_FIRST_ENTRY' };

export interface AnchorVerification {
  ok: boolean;
  /** Since when the head has been kept outside the database; null on a register not yet anchored. */
  since: string | null;
  problems: AnchorProblem[];
}

export interface RegisterVerification {
  chain: AuditVerification;
  database: { ok: boolean; problems: string[] };
  anchor: AnchorVerification;
  /**
   * The state kept on persons for the views and the review's counts, recomputed from what it is
   * derived from: the consent events, and the retention policies with the person's records.
   */
  derived: DerivedStateCheck;
}

export type DerivedStateCheck = ConsentStateCheck & { dueState: { differing: number; personIds: number[] } };

/** The consent state, kept counts and tallies, and the review's due days and blocks, recomputed. */
export function checkDerivedState(register: UnlockedRegister): DerivedStateCheck {
  const consent = checkConsentState(register.db);
  const due = dueStateDiffers(register.db);
  return {
    ...consent,
    ok: consent.ok && due.length === 0,
    dueState: { differing: due.length, personIds: due.slice(0, 20) },
  };
}

export function verifyAnchor(register: UnlockedRegister): AnchorVerification {
  const { triggers, head } = register.auditGuards();
  const problems: AnchorProblem[] = [
    ...(triggers.length > 0 ? [{ code: 'AUDIT_TRIGGERS_CHANGED' as const, triggers }] : []),
    ...(firstEntryHolds(register) ? [] : [{ code: 'AUDIT_FIRST_ENTRY' as const }]),
    ...head.problems,
  ];
  return { ok: problems.length === 0, since: head.since, problems };
}

/**
 * The log starts with the register's creation, or its lost start was accepted by the owner (the
 * acceptance is itself an entry: lost entries cannot come back, and verify should not fail for
 * ever over what the owner has looked into and recorded).
 */
function firstEntryHolds(register: UnlockedRegister): boolean {
  const first = register.db.select({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.id)).limit(1).get();
  if (first?.action === 'register.created') return true;
  return register.db
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(eq(auditLog.action, 'audit.head_reanchored'))
    .all()
    .some((row) => String((JSON.parse(row.details) as { problems?: unknown }).problems).includes('AUDIT_FIRST_ENTRY'));
}

export function verifyRegister(register: UnlockedRegister): RegisterVerification {
  const chain = verifyAuditChain(register.db);
  const database = register.integrity();
  const anchor = verifyAnchor(register);
  const derived = checkDerivedState(register);
  register.transaction(() =>
    register.audit({
      action: 'register.verified',
      details: {
        chainOk: chain.ok,
        databaseOk: database.ok,
        anchorOk: anchor.ok,
        anchorProblems: anchor.problems.map((p) => p.code).join(','),
        derivedOk: derived.ok,
      },
    }),
  );
  return { chain, database, anchor, derived };
}

/**
 * The owner accepts the audit log as it is now, after looking into what verify reported (entries
 * lost when a crash took the WAL, say): the old head's figures stay in the log, in this entry.
 */
export function acceptAuditLog(register: UnlockedRegister): AnchorVerification {
  assertRole(register, 'owner');
  const before = verifyAnchor(register);
  const { head } = register.auditGuards();
  register.transaction(() =>
    register.audit({
      action: 'audit.head_reanchored',
      details: {
        problems: before.problems.map((p) => p.code).join(','),
        previousCount: head.head?.count ?? null,
        previousHash: head.head?.hash ?? null,
      },
    }),
  );
  register.reanchorAudit();
  return verifyAnchor(register);
}
