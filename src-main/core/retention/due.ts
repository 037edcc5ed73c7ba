// Who is due for deletion today, by which rule since which day, and what holds them.
// A person may match several policies: the earliest due date wins; any hold blocks deletion.
import type { ReadableDb, RegisterDb } from '../../db/open';
import {
  countDue,
  holdsOf,
  keepDueStateOf,
  keptDueStateDiffers,
  sweepDue,
  sweepPage,
  type DueWindow,
  type BlockingHolds,
  type SweepPolicy,
  type SweepRow,
} from '../../db/retention-sweep';
import type { RetentionRule } from '../../../src-shared/vocabulary';
import { periodModifier } from './period';
import { isEnforced, listPolicies, type RetentionPolicy } from './policies';

/**
 * What keeps a person from deletion. 'billing_retention' never blocks: erasure keeps the orders as
 * bookkeeping rows instead; it is listed only where the person is told what is kept (`informational`).
 */
export type HoldReason =
  | { kind: 'open_invoice' }
  | { kind: 'in_collection' }
  | { kind: 'billing_retention'; until: string }
  | { kind: 'contact_person' }
  | { kind: 'manual'; reason: string }
  | { kind: 'postponed'; until: string }
  | { kind: 'open_request' };

export interface DuePerson {
  personId: number;
  /** The policy whose due date came first. */
  policyKey: string;
  rule: RetentionRule;
  dueOn: string;
  action: 'delete' | 'anonymise';
  automatic: boolean;
  holds: HoldReason[];
}

/** The holds in a row; `informational` adds the bookkeeping period, when the row has it. */
export function holdReasons(
  row: BlockingHolds & { billingUntil?: string | null },
  informational = false,
): HoldReason[] {
  const holds: HoldReason[] = [];
  // A debt is a reason to keep the person; kept bookkeeping is not.
  if (row.openInvoice) holds.push({ kind: 'open_invoice' });
  if (row.inCollection) holds.push({ kind: 'in_collection' });
  if (informational && row.billingUntil) holds.push({ kind: 'billing_retention', until: row.billingUntil });
  if (row.contactPerson) holds.push({ kind: 'contact_person' });
  if (row.manualHold !== null) holds.push({ kind: 'manual', reason: row.manualHold });
  if (row.postponedUntil !== null) holds.push({ kind: 'postponed', until: row.postponedUntil });
  // Answering a request (access above all) must come before deleting what it asks about.
  if (row.openRequest) holds.push({ kind: 'open_request' });
  return holds;
}

export interface RetentionSettings {
  /**
   * The Accounting Act's period: orders are kept this many years from the end of their financial
   * year, as unlinked bookkeeping rows once their person is erased.
   */
  bookkeepingYears: number;
}

/** The active policies that delete, in the sweep's terms, and each by its key. */
function enforcedPolicies(db: ReadableDb) {
  const policies = listPolicies(db)
    .filter((p) => p.active)
    .filter(isEnforced);
  const swept: SweepPolicy[] = policies.map((p) => ({
    key: p.key,
    rule: p.rule,
    modifier: periodModifier(p.period),
    kindKeys: p.kindKeys,
  }));
  return { swept, byKey: new Map(policies.map((p) => [p.key, p])) };
}

/**
 * Who is due today, in order of the due day (then id); with `personIds`, only which of those
 * persons are (checked in chunks).
 */
export function dueForDeletion(
  db: ReadableDb,
  today: string,
  only: { personIds: number[] } | null = null,
): DuePerson[] {
  const { swept, byKey } = enforcedPolicies(db);
  const rows = only
    ? chunked(only.personIds, 500).flatMap((personIds) => sweepDue(db, swept, today, { personIds }))
    : sweepDue(db, swept, today);
  return rows.map((row) => duePerson(row, byKey));
}

/**
 * Sets the kept due day and block of the persons whose ids are first..last, for a writer that
 * wrote them with migration 0021's triggers suspended (an import of 100,000).
 */
export function keepDueStateOfRange(db: RegisterDb, range: { first: number; last: number }): void {
  keepDueStateOf(db, enforcedPolicies(db).swept, range);
}

/** A due person as the review lists them. */
export interface DueForReview extends DuePerson {
  firstName: string;
  lastName: string;
}

/** One page of who is due today, in the same order, with their names. */
export function duePage(db: ReadableDb, today: string, window: DueWindow) {
  const { swept, byKey } = enforcedPolicies(db);
  return sweepPage(db, swept, today, window).map((row): DueForReview => ({
    ...duePerson(row, byKey),
    firstName: row.firstName,
    lastName: row.lastName,
  }));
}

function duePerson(row: SweepRow, byKey: Map<string, RetentionPolicy>): DuePerson {
  const policy = byKey.get(row.policyKey)!;
  return {
    personId: row.personId,
    policyKey: row.policyKey,
    rule: row.rule,
    dueOn: row.dueOn,
    action: policy.action,
    automatic: policy.mode === 'automatic',
    holds: holdReasons(row),
  };
}

/**
 * How many are due today, how many of them nothing holds (what approving all can delete), and
 * the fingerprint of who those are (deletableFingerprint).
 */
export function countDueForDeletion(
  db: ReadableDb,
  today: string,
): { total: number; deletable: number; fingerprint: string } {
  const { total, held, fingerprint } = countDue(db, today);
  return { total, deletable: total - held, fingerprint };
}

/**
 * The persons (ids, ascending) whose kept due day or blocking state, which the counts read,
 * differs from what the sweep computes from the policies and the records: for verify.
 */
export function dueStateDiffers(db: ReadableDb): number[] {
  return keptDueStateDiffers(db, enforcedPolicies(db).swept);
}

/** What holds these persons; `informational` adds the bookkeeping period, which never blocks. */
export function holdsFor(
  db: ReadableDb,
  personIds: number[],
  today: string,
  settings: RetentionSettings,
  informational = false,
) {
  const result = new Map<number, HoldReason[]>();
  for (let i = 0; i < personIds.length; i += 500) {
    for (const row of holdsOf(db, personIds.slice(i, i + 500), today, settings.bookkeepingYears)) {
      result.set(row.personId, holdReasons(row, informational));
    }
  }
  return result;
}

function chunked<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
