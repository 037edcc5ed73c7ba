import { eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../src-main/db/schema';
import { orders, persons } from '../../src-main/db/schema-register';
import { tombstones } from '../../src-main/db/schema-retention';
import { finnishDate } from '../../src-main/core/clock';
import { addContact, addOrder, createPerson } from '../../src-main/core/persons';
import {
  addPeriod,
  addPolicy,
  dueForDeletion,
  erasePersons,
  listPolicies,
  removePolicy,
  runRetention,
  updatePolicy,
} from '../../src-main/core/retention';
import { person } from '../fixtures/people';
import { registerForThisTest } from '../fixtures/for-this-test';

const SETTINGS = { bookkeepingYears: 6 };

async function setup() {
  const created = await registerForThisTest();
  const due = () => dueForDeletion(created.register.db, finnishDate(created.deps.clock.now()));
  return { ...created, due };
}

describe('retention periods in months', () => {
  it('make a person due at exactly +6 months, rolling over a month end as SQLite does, not a day earlier', async () => {
    const { register, travelTo, due } = await setup();
    updatePolicy(register, 'inactive', { period: { amount: 6, unit: 'months' } });
    travelTo('2026-08-31');
    const aino = createPerson(register, person());
    // 2027-02-31 does not exist: SQLite's date() and the JS prediction both roll over to 03-03.
    expect(addPeriod('2026-08-31', { amount: 6, unit: 'months' })).toBe('2027-03-03');
    travelTo('2027-03-02');
    expect(due()).toEqual([]);
    travelTo('2027-03-03');
    expect(due()).toMatchObject([{ personId: aino.id, policyKey: 'inactive', dueOn: '2027-03-03' }]);
  });

  it('a rule for one group of persons affects that group only, and the earliest due date wins', async () => {
    const { register, travelTo, due } = await setup();
    addPolicy(register, {
      key: 'prospects-6m',
      kind: 'enforced',
      rule: 'inactive',
      period: { amount: 6, unit: 'months' },
      kindKeys: ['prospect'],
      text: null,
    });
    const prospect = createPerson(register, person({ kindKey: 'prospect', email: 'p@example.fi' }));
    const customer = createPerson(register, person({ email: 'c@example.fi' }));
    travelTo('2027-05-23');
    expect(due()).toMatchObject([{ personId: prospect.id, policyKey: 'prospects-6m', dueOn: '2027-05-23' }]);
    // Five years on the customer is due by the everyone-rule; the prospect still by its own, earlier.
    travelTo('2031-11-23');
    expect(due().map((d) => [d.personId, d.policyKey, d.dueOn])).toEqual([
      [prospect.id, 'prospects-6m', '2027-05-23'],
      [customer.id, 'inactive', '2031-11-23'],
    ]);
  });

  it('refuse a policy that could not run, with the field named, and change nothing', async () => {
    const { register } = await setup();
    const before = listPolicies(register.db);
    const audit = register.db.select().from(auditLog).all().length;
    expect(() => updatePolicy(register, 'inactive', { period: { amount: 0, unit: 'months' } })).toThrow(
      expect.objectContaining({ code: 'RETENTION_POLICY_INVALID', params: { key: 'inactive', field: 'period' } }),
    );
    expect(() =>
      addPolicy(register, { kind: 'stated', rule: null, period: null, kindKeys: [], text: { fi: 'Paperit', en: ' ' } }),
    ).toThrow(expect.objectContaining({ params: expect.objectContaining({ field: 'text.en' }) }));
    expect(() =>
      addPolicy(register, {
        key: 'inactive',
        kind: 'stated',
        rule: null,
        period: null,
        kindKeys: [],
        text: { fi: 'a', en: 'b' },
      }),
    ).toThrow(expect.objectContaining({ code: 'RETENTION_POLICY_KEY_TAKEN' }));
    expect(() => removePolicy(register, 'nope')).toThrow(
      expect.objectContaining({ code: 'RETENTION_POLICY_NOT_FOUND' }),
    );
    expect(listPolicies(register.db)).toEqual(before);
    expect(register.db.select().from(auditLog).all().length).toBe(audit);
  });
});

describe('stated rules', () => {
  it('never delete anything, however long they say', async () => {
    const { register, travelTo, due, deps } = await setup();
    for (const { key } of listPolicies(register.db)) updatePolicy(register, key, { mode: 'automatic', active: false });
    addPolicy(register, {
      key: 'paper-forms',
      kind: 'stated',
      rule: null,
      period: null,
      kindKeys: [],
      text: {
        fi: 'Paperilomakkeet hävitetään kahden vuoden kuluttua.',
        en: 'Paper forms are destroyed after two years.',
      },
    });
    const aino = createPerson(register, person());
    travelTo('2046-11-23');
    expect(due()).toEqual([]);
    expect(runRetention(register)).toMatchObject({ due: 0, deletedAutomatically: 0 });
    expect(register.db.select().from(persons).where(eq(persons.id, aino.id)).get()).toBeDefined();
    void deps;
  });
});

describe('bookkeeping rows', () => {
  it('erasing a person keeps each order of an open period as a stripped, unlinked row; the scheduler purges it after the period', async () => {
    const { register, travelTo } = await setup();
    const eero = createPerson(register, person({ firstName: 'Eero', lastName: 'Jääskeläinen', notes: 'Niska' }));
    addContact(register, eero.id, { occurredOn: '2026-11-23', channel: 'phone', kind: 'feedback', summary: 'Kiitti' });
    addOrder(register, eero.id, {
      orderedOn: '2026-11-20',
      description: 'Hieronta 60 min',
      amountCents: 6500,
      invoiceStatus: 'paid',
    });
    // Outside its period already (financial year 2019 + 6 years ended 2025-12-31): it goes with him.
    addOrder(register, eero.id, {
      orderedOn: '2019-03-01',
      description: 'Hieronta 30 min',
      amountCents: 3500,
      invoiceStatus: 'paid',
    });

    const result = erasePersons(register, { personIds: [eero.id], reason: 'request', action: 'delete' }, SETTINGS);
    expect(result.erased).toEqual([eero.id]);
    expect(result.bookkeeping).toEqual([{ personId: eero.id, rows: 1, keptUntil: '2032-12-31' }]);
    expect(register.db.select().from(persons).all()).toEqual([]);
    const kept = register.db.select().from(orders).all();
    expect(kept).toEqual([
      expect.objectContaining({
        personId: null,
        anonymousId: null,
        orderedOn: '2026-11-20',
        description: 'Hieronta 60 min',
        amountCents: 6500,
        invoiceStatus: 'paid',
        keepUntil: '2032-12-31',
      }),
    ]);
    const tombstone = register.db.select().from(tombstones).get()!;
    expect(JSON.parse(tombstone.counts)).toMatchObject({
      orders: 1,
      contacts: 1,
      bookkeepingKept: 1,
      keptUntil: '2032-12-31',
    });

    travelTo('2032-12-31');
    expect(runRetention(register).bookkeepingPurged).toBe(0);
    expect(register.db.select().from(orders).where(isNull(orders.personId)).all()).toHaveLength(1);
    travelTo('2033-01-01');
    expect(runRetention(register).bookkeepingPurged).toBe(1);
    expect(register.db.select().from(orders).all()).toEqual([]);
    const purge = register.db.select().from(auditLog).where(eq(auditLog.action, 'retention.bookkeeping_purged')).get();
    expect(purge).toBeDefined();
  });

  it('an open invoice still holds the whole person: a debt is a reason to keep them', async () => {
    const { register } = await setup();
    const aino = createPerson(register, person());
    addOrder(register, aino.id, {
      orderedOn: '2026-11-20',
      description: 'Hieronta',
      amountCents: 6500,
      invoiceStatus: 'open',
    });
    const result = erasePersons(register, { personIds: [aino.id], reason: 'inactive', action: 'delete' }, SETTINGS);
    expect(result).toMatchObject({
      erased: [],
      bookkeeping: [],
      held: [{ personId: aino.id, holds: [{ kind: 'open_invoice' }] }],
    });
    expect(register.db.select().from(orders).where(eq(orders.personId, aino.id)).all()).toHaveLength(1);
  });
});
