// Who represents which organization, over time. Moving to a new employer ends the current link
// and starts a new one, so the history stays (seed 000 §10.3).
import { and, eq, isNull } from 'drizzle-orm';
import type { RegisterDb } from '../../db/open';
import { employments, organizations, persons } from '../../db/schema-register';
import { finnishDate } from '../clock';
import { KaappiError } from '../../../src-shared/errors';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';
import { assertMayChange, WRITE_ROLES } from './records';
import { reindexPerson } from './search-index';

export function startEmployment(
  db: RegisterDb,
  personId: number,
  organizationId: number,
  title: string | null | undefined,
  on: string,
): void {
  if (!db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId)).get()) {
    throw new KaappiError('ORGANIZATION_NOT_FOUND');
  }
  db.insert(employments)
    .values({ personId, organizationId, title: title ?? null, startedOn: on })
    .run();
}

function endCurrentEmployments(db: RegisterDb, personId: number, on: string): number {
  return db
    .update(employments)
    .set({ endedOn: on })
    .where(and(eq(employments.personId, personId), isNull(employments.endedOn)))
    .run().changes;
}

/**
 * Moves people to a new employer: current links end, a new one starts, and a passive person
 * becomes active again (they are a contact person of a client once more).
 */
export function moveToOrganization(
  register: UnlockedRegister,
  personIds: number[],
  target: { organizationId: number; title?: string | null; on?: string },
): { moved: number } {
  assertRole(register, ...WRITE_ROLES);
  const today = finnishDate(register.deps.clock.now());
  const on = target.on ?? today;
  return register.transaction((db) => {
    for (const personId of personIds) {
      assertMayChange(db, personId);
      const ended = endCurrentEmployments(db, personId, on);
      startEmployment(db, personId, target.organizationId, target.title, on);
      db.update(persons)
        .set({ status: 'active', statusChangedOn: on, passivatedOn: null, endedOn: null, lastActivityOn: today })
        .where(eq(persons.id, personId))
        .run();
      reindexPerson(db, personId);
      register.audit({
        action: 'person.moved',
        targetType: 'person',
        targetId: personId,
        details: { organizationId: target.organizationId, endedLinks: ended },
      });
    }
    return { moved: personIds.length };
  });
}

/**
 * Passivation (seed 000 §10.3): the person left the client company. Current links end; the
 * passivation date is recorded, which the retention rules count from.
 */
export function passivatePersons(register: UnlockedRegister, personIds: number[], on?: string): { passivated: number } {
  assertRole(register, ...WRITE_ROLES);
  const date = on ?? finnishDate(register.deps.clock.now());
  return register.transaction((db) => {
    for (const personId of personIds) {
      assertMayChange(db, personId);
      endCurrentEmployments(db, personId, date);
      db.update(persons)
        .set({ status: 'passive', statusChangedOn: date, passivatedOn: date })
        .where(eq(persons.id, personId))
        .run();
      reindexPerson(db, personId);
      register.audit({ action: 'person.passivated', targetType: 'person', targetId: personId, details: { on: date } });
    }
    return { passivated: personIds.length };
  });
}

/** Ends the customer relationship (retention can count 10 years from here, seed 004) or reactivates it. */
export function setRelationshipStatus(
  register: UnlockedRegister,
  personId: number,
  status: 'active' | 'ended',
  on?: string,
): void {
  assertRole(register, ...WRITE_ROLES);
  const date = on ?? finnishDate(register.deps.clock.now());
  register.transaction((db) => {
    assertMayChange(db, personId);
    db.update(persons)
      .set(
        status === 'ended'
          ? { status, statusChangedOn: date, endedOn: date }
          : { status, statusChangedOn: date, endedOn: null, passivatedOn: null, lastActivityOn: date },
      )
      .where(eq(persons.id, personId))
      .run();
    register.audit({
      action: `person.${status === 'ended' ? 'ended' : 'reactivated'}`,
      targetType: 'person',
      targetId: personId,
    });
  });
}
