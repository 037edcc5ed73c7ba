// The review page's actions: approving deletions (all or some of the due persons) and what the
// page shows about each due person.
import { inArray } from 'drizzle-orm';
import { persons } from '../../db/schema-register';
import { finnishDate } from '../clock';
import type { UnlockedRegister } from '../register';
import { readSettings } from '../settings';
import { assertRole } from '../users';
import { dueForDeletion, type DuePerson } from './due';
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
  const due = dueForDeletion(register.db, asOf, readSettings(register));
  const names = new Map<number, { firstName: string; lastName: string }>();
  for (let i = 0; i < due.length; i += 500) {
    const ids = due.slice(i, i + 500).map((d) => d.personId);
    for (const row of register.db
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
 * The owner approves deletion of some due persons. Each is deleted (or anonymised) under the
 * rule that made them due, unless a hold applies by now; persons not due are left alone.
 */
export function approveDeletion(register: UnlockedRegister, personIds: number[]): EraseResult & { notDue: number[] } {
  assertRole(register, 'owner');
  const settings = readSettings(register);
  const due = dueForDeletion(register.db, finnishDate(register.deps.clock.now()), settings, [...new Set(personIds)]);
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
