// The review page's actions: approving deletions (all or some of the due persons) and what the
// page shows about each due person.
import { sql } from 'drizzle-orm';
import { persons } from '../../db/schema-register';
import { finnishDate } from '../clock';
import type { UnlockedRegister } from '../register';
import { readSettings } from '../settings';
import { assertRole } from '../users';
import { KaappiError } from '../../../src-shared/errors';
import { preparedQuery, type ReadableDb } from '../../db/open';
import { deletableFingerprint, type DueWindow } from '../../db/retention-sweep';
import {
  countDueForDeletion,
  dueForDeletion,
  duePage,
  type DuePerson,
  type DueForReview,
  type RetentionSettings,
} from './due';
import { erasePersons, type EraseResult } from './erase';

/**
 * Who is due on `asOf`, a Finnish calendar date: today unless asked about another day ("who would
 * be due then"). Only the listing moves; the register's clock, and so every approval, stays today.
 */
export function dueForReview(
  register: UnlockedRegister,
  asOf: string = finnishDate(register.deps.clock.now()),
): DueForReview[] {
  assertRole(register, 'owner');
  return withNames(register.db, dueForDeletion(register.db, asOf));
}

export interface DueReviewCounts {
  /** The day the counts are for. */
  asOf: string;
  /** Everyone due on the day, and those of them nothing holds (what "select all" approves). */
  total: number;
  deletable: number;
  /** Who those deletable are, in short: what "select all" sends back to approve exactly them. */
  fingerprint: string;
}

/**
 * The review's counts: a range of the kept due days with their blocks, and the few dated holds and
 * open requests. The review asks for them apart from its page, which is shown without waiting.
 */
export function dueReviewCounts(
  register: UnlockedRegister,
  asOf: string = finnishDate(register.deps.clock.now()),
): DueReviewCounts {
  assertRole(register, 'owner');
  return { asOf, ...countDueForDeletion(register.db, asOf) };
}

/**
 * One page of the review (`limit` persons after the first `offset`, counted after `window.after`
 * if given), without sweeping everyone due: a range of the kept due days, each with the policy
 * whose day it is and what holds them. Past the end it is empty.
 */
export function dueReviewPage(
  register: UnlockedRegister,
  window: DueWindow,
  asOf: string = finnishDate(register.deps.clock.now()),
): { asOf: string; rows: DueForReview[] } {
  assertRole(register, 'owner');
  return { asOf, rows: duePage(register.db, asOf, window) };
}

function withNames(db: ReadableDb, due: DuePerson[]): DueForReview[] {
  // Prepared once: a page asks for its names every time it is shown.
  const named = preparedQuery(db, 'retention withNames', () =>
    db
      .select({ id: persons.id, firstName: persons.firstName, lastName: persons.lastName })
      .from(persons)
      .where(sql`${persons.id} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`),
  );
  const names = new Map<number, { firstName: string; lastName: string }>();
  for (let i = 0; i < due.length; i += 500) {
    const ids = due.slice(i, i + 500).map((d) => d.personId);
    for (const row of named.all({ ids: JSON.stringify(ids) })) {
      names.set(row.id, { firstName: row.firstName, lastName: row.lastName });
    }
  }
  return due.map((d) => ({ ...d, ...(names.get(d.personId) ?? { firstName: '', lastName: '' }) }));
}

/**
 * "Select all": the owner approves everyone nothing holds, as the review showed them on `asOf`
 * (its fingerprint). If the day or who they are has changed since (midnight passed, a hold was
 * added, someone else fell due), nothing is deleted and she is asked to look again.
 */
export function approveAllDeletable(register: UnlockedRegister, seen: { asOf: string; fingerprint: string }) {
  assertRole(register, 'owner');
  const today = finnishDate(register.deps.clock.now());
  const settings = readSettings(register);
  const deletable = dueForDeletion(register.db, today).filter((d) => d.holds.length === 0);
  if (seen.asOf !== today || deletableFingerprint(deletable.map((d) => d.personId)) !== seen.fingerprint) {
    throw new KaappiError('RETENTION_DUE_CHANGED');
  }
  // Already swept just now: erased without asking about each of them again.
  return { ...eraseDue(register, deletable, settings), notDue: [] };
}

/**
 * The owner approves deletion of some due persons. Each is deleted (or anonymised) under the
 * rule that made them due, unless a hold applies by now; persons not due are left alone.
 */
export function approveDeletion(register: UnlockedRegister, personIds: number[]): EraseResult & { notDue: number[] } {
  assertRole(register, 'owner');
  const settings = readSettings(register);
  const due = dueForDeletion(register.db, finnishDate(register.deps.clock.now()), {
    personIds: [...new Set(personIds)],
  });
  const dueIds = new Set(due.map((d) => d.personId));
  return { ...eraseDue(register, due, settings), notDue: personIds.filter((id) => !dueIds.has(id)) };
}

/** Erases due persons, each group under the policy that made them due (erasePersons re-checks holds). */
function eraseDue(register: UnlockedRegister, due: DuePerson[], settings: RetentionSettings): EraseResult {
  const result: EraseResult = { erased: [], held: [], bookkeeping: [] };
  const groups = new Map<string, DuePerson[]>();
  for (const d of due) {
    const group = groups.get(d.policyKey);
    if (group) group.push(d);
    else groups.set(d.policyKey, [d]);
  }
  for (const group of groups.values()) {
    const first = group[0]!;
    const partial = erasePersons(
      register,
      { personIds: group.map((d) => d.personId), reason: first.rule, action: first.action },
      settings,
    );
    result.erased.push(...partial.erased);
    result.held.push(...partial.held);
    result.bookkeeping.push(...partial.bookkeeping);
  }
  return result;
}
