import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { employments, orders, persons, relationshipKinds } from '../../src-main/db/schema-register';
import { deletableFingerprint } from '../../src-main/db/retention-sweep';
import { createOrganization } from '../../src-main/core/organizations';
import { addOrder, createPerson, passivatePersons, setInvoiceStatus } from '../../src-main/core/persons';
import { verifyRegister } from '../../src-main/core/register';
import {
  addPolicy,
  approveDeletion,
  dueForReview,
  dueReviewCounts,
  removePolicy,
  updatePolicy,
} from '../../src-main/core/retention';
import { dueStateDiffers } from '../../src-main/core/retention/due';
import type { UnlockedRegister } from '../../src-main/core/register';
import { registerForThisTest } from '../fixtures/for-this-test';
import { organization, person } from '../fixtures/people';
import { writableDb } from '../fixtures/writable';

const TODAY = '2026-12-06';

function keptOf(register: UnlockedRegister, id: number) {
  return register.db
    .select({ dueOn: persons.dueOn, blocked: persons.retentionBlocked })
    .from(persons)
    .where(eq(persons.id, id))
    .get();
}

/** The kept state equals the sweep's, and so the counts equal the review's full list. */
function expectAgreement(register: UnlockedRegister) {
  expect(dueStateDiffers(register.db)).toEqual([]);
  const all = dueForReview(register);
  const free = all.filter((d) => d.holds.length === 0).map((d) => d.personId);
  expect(dueReviewCounts(register)).toEqual({
    asOf: TODAY,
    total: all.length,
    deletable: free.length,
    fingerprint: deletableFingerprint(free),
  });
}

function openOrder(register: UnlockedRegister, id: number, orderedOn: string) {
  return addOrder(register, id, { orderedOn, description: 'Hieronta', amountCents: 6000, invoiceStatus: 'open' });
}

function setActivity(register: UnlockedRegister, id: number, lastActivityOn: string) {
  writableDb(register).update(persons).set({ lastActivityOn }).where(eq(persons.id, id)).run();
}

describe("the review's kept due days and blocks", () => {
  it('follow the person, the policies, orders and contact roles in the statement that changes them', async () => {
    const { register, travelTo } = await registerForThisTest();
    travelTo(TODAY);
    const aino = createPerson(register, person({ email: 'aino@example.fi' })).id;
    // Created today: due in five years under the default rule of inactivity.
    expect(keptOf(register, aino)).toEqual({ dueOn: '2031-12-06', blocked: false });
    setActivity(register, aino, '2020-01-10');
    expect(keptOf(register, aino)).toEqual({ dueOn: '2025-01-10', blocked: false });

    // Passive since 2019-03-31 (a month end): that rule comes first.
    const eero = createPerson(register, person({ firstName: 'Eero', email: 'eero@example.fi' })).id;
    setActivity(register, eero, '2024-06-01');
    passivatePersons(register, [eero], '2019-03-31');
    expect(keptOf(register, eero)).toEqual({ dueOn: '2024-03-31', blocked: false });

    // A current contact person is blocked until the role ends.
    const employer = createOrganization(register, organization());
    const pirjo = createPerson(register, person({ firstName: 'Pirjo', email: 'pirjo@example.fi' }), {
      organizationId: employer.id,
    }).id;
    setActivity(register, pirjo, '2019-05-05');
    expect(keptOf(register, pirjo)).toEqual({ dueOn: '2024-05-05', blocked: true });
    expectAgreement(register);
    expect(dueReviewCounts(register)).toMatchObject({ total: 3, deletable: 2 });
    writableDb(register).update(employments).set({ endedOn: TODAY }).where(eq(employments.personId, pirjo)).run();
    expect(keptOf(register, pirjo)?.blocked).toBe(false);
    // A role that has ended, or a paid order, blocks nothing from the start.
    writableDb(register)
      .insert(employments)
      .values({ personId: eero, organizationId: employer.id, startedOn: '2018-01-01', endedOn: '2019-01-01' })
      .run();
    addOrder(register, eero, {
      orderedOn: '2019-01-01',
      description: 'Kurssi',
      amountCents: 9000,
      invoiceStatus: 'paid',
    });
    expect(keptOf(register, eero)?.blocked).toBe(false);
    // A role or an open invoice removed outright unblocks too.
    writableDb(register)
      .insert(employments)
      .values({ personId: eero, organizationId: employer.id, startedOn: TODAY })
      .run();
    expect(keptOf(register, eero)?.blocked).toBe(true);
    writableDb(register).delete(employments).where(eq(employments.personId, eero)).run();
    expect(keptOf(register, eero)?.blocked).toBe(false);
    const unpaid = openOrder(register, eero, '2019-01-10');
    expect(keptOf(register, eero)?.blocked).toBe(true);
    writableDb(register).delete(orders).where(eq(orders.id, unpaid.id)).run();
    expect(keptOf(register, eero)?.blocked).toBe(false);

    // An open invoice blocks; once paid it no longer does (the order stays as bookkeeping).
    const order = openOrder(register, aino, '2020-01-10');
    expect(keptOf(register, aino)?.blocked).toBe(true);
    expectAgreement(register);
    setInvoiceStatus(register, order.id, 'in_collection');
    expect(keptOf(register, aino)?.blocked).toBe(true);
    setInvoiceStatus(register, order.id, 'paid');
    expect(keptOf(register, aino)?.blocked).toBe(false);

    // A shorter period moves everyone's day; a group's own rule only its members'.
    updatePolicy(register, 'inactive', { period: { amount: 2, unit: 'years' } });
    expect(keptOf(register, aino)?.dueOn).toBe('2022-01-10');
    expect(keptOf(register, eero)?.dueOn).toBe('2024-03-31');
    const partner = register.db
      .select({ id: relationshipKinds.id })
      .from(relationshipKinds)
      .where(eq(relationshipKinds.key, 'partner'))
      .get()!.id;
    writableDb(register).update(persons).set({ kindId: partner }).where(eq(persons.id, aino)).run();
    // A partner now, under no rule of their own yet: the group's rule, when added, applies at once.
    expect(keptOf(register, aino)?.dueOn).toBe('2022-01-10');
    addPolicy(register, {
      key: 'partners',
      kind: 'enforced',
      rule: 'inactive',
      period: { amount: 6, unit: 'months' },
      kindKeys: ['partner'],
      text: null,
    });
    expect(keptOf(register, eero)?.dueOn).toBe('2024-03-31');
    expect(keptOf(register, aino)?.dueOn).toBe('2020-07-10');
    expectAgreement(register);
    // The group is named by its key: a key changed by hand takes the group out of the rule.
    const rekey = (from: string, to: string) =>
      writableDb(register).update(relationshipKinds).set({ key: to }).where(eq(relationshipKinds.key, from)).run();
    rekey('partner', 'kumppani');
    expect(keptOf(register, aino)?.dueOn).toBe('2022-01-10');
    rekey('kumppani', 'partner');
    expect(keptOf(register, aino)?.dueOn).toBe('2020-07-10');
    // Switched off, the passive rule no longer makes anyone due; removing the group's rule restores.
    updatePolicy(register, 'passive_not_moved', { active: false });
    removePolicy(register, 'partners');
    expect(keptOf(register, eero)?.dueOn).toBe('2026-06-01');
    expect(keptOf(register, aino)?.dueOn).toBe('2022-01-10');
    expectAgreement(register);

    // Deleted on approval: nothing left to keep, and the counts follow.
    approveDeletion(register, [aino]);
    expectAgreement(register);
    expect(dueReviewCounts(register)).toMatchObject({ total: 2 });
  });

  it('are put right when written wrong, and verify names a person whose day was changed past the triggers', async () => {
    const { register, travelTo } = await registerForThisTest();
    travelTo(TODAY);
    const aino = createPerson(register, person({ email: 'aino@example.fi' })).id;
    setActivity(register, aino, '2020-01-10');
    // Any writer: a wrong day or block is corrected in the same statement.
    writableDb(register).run(sql`UPDATE persons SET due_on = '2001-01-01', retention_blocked = 1 WHERE id = ${aino}`);
    expect(keptOf(register, aino)).toEqual({ dueOn: '2025-01-10', blocked: false });
    expect(verifyRegister(register).derived).toMatchObject({ ok: true, dueState: { differing: 0, personIds: [] } });

    // Someone with the key drops the trigger and edits the file: the counts would be wrong.
    writableDb(register).run(sql`DROP TRIGGER persons_due_update`);
    writableDb(register).run(sql`UPDATE persons SET due_on = '2031-01-01' WHERE id = ${aino}`);
    expect(dueStateDiffers(register.db)).toEqual([aino]);
    expect(verifyRegister(register).derived).toMatchObject({
      ok: false,
      dueState: { differing: 1, personIds: [aino] },
    });

    // A rule's mode or a stated rule changes nobody's day: no one is recomputed (at 1M, seconds)...
    updatePolicy(register, 'inactive', { mode: 'automatic', action: 'anonymise' });
    addPolicy(register, {
      kind: 'stated',
      rule: null,
      period: null,
      kindKeys: [],
      text: { fi: 'Sopimus', en: 'Contract' },
    });
    updatePolicy(register, 'after_end', { period: { amount: 3, unit: 'years' } });
    expect(dueStateDiffers(register.db)).toEqual([aino]);
    // ...a period that does, everyone's, the hand-edited day included.
    updatePolicy(register, 'inactive', { period: { amount: 4, unit: 'years' } });
    expect(dueStateDiffers(register.db)).toEqual([]);
  });
});
