// The review page's actions: approving deletions (all or some of the due persons) and what the
// page shows about each due person.
import { inArray } from 'drizzle-orm';
import { persons } from '../../db/schema-register';
import { finnishDate } from '../clock';
import type { UnlockedRegister } from '../register';
import { readSettings } from '../settings';
import { assertRole } from '../users';
import { KaappiError } from '../../../src-shared/errors';
import type { ReadableDb } from '../../db/open';
import { countDueForDeletion, dueForDeletion, type DuePerson } from './due';
import { erasePersons, type EraseResult } from './erase';

export interface DueForReview extends DuePerson {
  firstName: string;
  lastName: string;
}

/**
 * Who is due on `asOf`, a Finnish calendar date: today unless asked about another day ("who would
 * be due then"). Only the listing moves; the register's clock, and so every approval, stays today.
 */
export function dueForReview(
  register: UnlockedRegister,
  asOf: string = finnishDate(register.deps.clock.now()),
): DueForReview[] {
  assertRole(register, 'owner');
  return withNames(register.db, dueForDeletion(register.db, asOf, readSettings(register)));
}

export interface DueReviewPage {
  /** Everyone due on the day, and those of them nothing holds (what "select all" approves). */
  total: number;
  deletable: number;
  rows: DueForReview[];
}

/**
 * One page of the review (`limit` persons after the first `offset`) and its counts, without
 * sweeping everyone due: the page reads about as many persons as it reaches.
 */
export function dueReviewPage(
  register: UnlockedRegister,
  window: { offset: number; limit: number },
  asOf: string = finnishDate(register.deps.clock.now()),
): DueReviewPage {
  assertRole(register, 'owner');
  const rows = window.limit > 0 ? dueForDeletion(register.db, asOf, readSettings(register), { window }) : [];
  return { ...countDueForDeletion(register.db, asOf), rows: withNames(register.db, rows) };
}

function withNames(db: ReadableDb, due: DuePerson[]): DueForReview[] {
  const names = new Map<number, { firstName: string; lastName: string }>();
  for (let i = 0; i < due.length; i += 500) {
    const ids = due.slice(i, i + 500).map((d) => d.personId);
    for (const row of db
      .select({ id: persons.id, firstName: persons.firstName, lastName: persons.lastName })
      .from(persons)
      .where(inArray(persons.id, ids))
      .all()) {
      names.set(row.id, { firstName: row.firstName, lastName: row.lastName });
    }
  }
  return due.map((d) => ({ ...d, ...(names.get(d.personId) ?? { firstName: '', lastName: '' }) }));
}

/**
 * "Select all": the owner approves everyone nothing holds today, having seen `expected` of them.
 * When that number has changed since (midnight passed, a hold was added), nothing is deleted.
 */
export function approveAllDeletable(register: UnlockedRegister, expected: number) {
  assertRole(register, 'owner');
  const due = dueForDeletion(register.db, finnishDate(register.deps.clock.now()), readSettings(register));
  const deletable = due.filter((d) => d.holds.length === 0).map((d) => d.personId);
  if (deletable.length !== expected) {
    throw new KaappiError('RETENTION_DUE_CHANGED', { expected, actual: deletable.length });
  }
  return approveDeletion(register, deletable);
}

/**
 * The owner approves deletion of some due persons. Each is deleted (or anonymised) under the
 * rule that made them due, unless a hold applies by now; persons not due are left alone.
 */
export function approveDeletion(register: UnlockedRegister, personIds: number[]): EraseResult & { notDue: number[] } {
  assertRole(register, 'owner');
  const settings = readSettings(register);
  const due = dueForDeletion(register.db, finnishDate(register.deps.clock.now()), settings, {
    personIds: [...new Set(personIds)],
  });
  const result: EraseResult & { notDue: number[] } = { erased: [], held: [], bookkeeping: [], notDue: [] };
  const dueIds = new Set(due.map((d) => d.personId));
  result.notDue = personIds.filter((id) => !dueIds.has(id));
  const groups = new Map<string, DuePerson[]>();
  for (const d of due) groups.set(d.policyKey, [...(groups.get(d.policyKey) ?? []), d]);
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
