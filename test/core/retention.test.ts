import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../src-main/db/schema';
import { orders, persons } from '../../src-main/db/schema-register';
import { tombstones } from '../../src-main/db/schema-retention';
import { finnishDate } from '../../src-main/core/clock';
import { recordConsents } from '../../src-main/core/consents';
import { readKeyringFile, unlockWithPassword } from '../../src-main/core/keyring';
import { createOrganization } from '../../src-main/core/organizations';
import {
  addContact,
  addOrder,
  createPerson,
  passivatePersons,
  searchPersons,
  setInvoiceStatus,
  setRelationshipStatus,
} from '../../src-main/core/persons';
import { addHold, dueForDeletion, erasePersons, runRetention, updatePolicy } from '../../src-main/core/retention';
import { organization, person } from '../fixtures/people';
import { registerForThisTest } from '../fixtures/for-this-test';
import { OWNER } from '../fixtures/register';
import { decryptedPages, findInPages } from '../fixtures/sqlcipher-pages';
import { statementRecorder } from '../bench/sql-capture';
import { writableDb } from '../fixtures/writable';

const SETTINGS = { bookkeepingYears: 6 };

async function setup() {
  const created = await registerForThisTest();
  const due = () => dueForDeletion(created.register.db, finnishDate(created.deps.clock.now()));
  return { ...created, due };
}

describe('retention policies', () => {
  it('make a person inactive for five years due on the anniversary, not a day earlier', async () => {
    const { register, travelTo, due } = await setup();
    const aino = createPerson(register, person()); // activity 2026-11-23
    travelTo('2031-11-22');
    expect(due()).toEqual([]);
    travelTo('2031-11-23');
    expect(due()).toEqual([
      {
        personId: aino.id,
        policyKey: 'inactive',
        rule: 'inactive',
        dueOn: '2031-11-23',
        action: 'delete',
        automatic: false,
        holds: [],
      },
    ]);
  });

  it('count from the passivation date for a passivated person who did not move, and the earliest rule wins', async () => {
    const { register, travelTo, due } = await setup();
    const aino = createPerson(register, person());
    updatePolicy(register, 'passive_not_moved', { period: { amount: 3, unit: 'years' } });
    passivatePersons(register, [aino.id], '2027-01-10');
    travelTo('2030-01-09');
    expect(due()).toEqual([]);
    travelTo('2030-01-10');
    expect(due().map((d) => [d.rule, d.dueOn])).toEqual([['passive_not_moved', '2030-01-10']]);
    travelTo('2031-12-01');
    expect(due().map((d) => [d.rule, d.dueOn])).toEqual([['passive_not_moved', '2030-01-10']]);
  });

  it('keep ten years from the end of the relationship when that policy is on (seed 004)', async () => {
    const { register, travelTo, due } = await setup();
    updatePolicy(register, 'inactive', { active: false });
    updatePolicy(register, 'after_end', { active: true });
    const aino = createPerson(register, person());
    setRelationshipStatus(register, aino.id, 'ended', '2027-06-30');
    travelTo('2037-06-29');
    expect(due()).toEqual([]);
    travelTo('2037-06-30');
    expect(due().map((d) => d.rule)).toEqual(['after_end']);
  });

  it('apply to the relationship kinds they name only', async () => {
    const { register, travelTo, due } = await setup();
    updatePolicy(register, 'inactive', { kindKeys: ['prospect'] });
    createPerson(register, person());
    const prospect = createPerson(register, person({ email: 'p@example.fi', kindKey: 'prospect' }));
    travelTo('2031-11-23');
    expect(due().map((d) => d.personId)).toEqual([prospect.id]);
  });
});

describe('the sweep at scale', () => {
  it('reads passive and ended persons from their own partial indexes, not every person of a kind', async () => {
    const { register, travelTo } = await setup();
    updatePolicy(register, 'after_end', { active: true });
    const passive = createPerson(register, person({ email: 'p@example.fi' }));
    const ended = createPerson(register, person({ email: 'e@example.fi' }));
    createPerson(register, person({ email: 'a@example.fi' }));
    passivatePersons(register, [passive.id], '2027-01-10');
    setRelationshipStatus(register, ended.id, 'ended', '2027-01-10');
    travelTo('2040-01-10');
    // Without statistics the planner chose persons_kind for passive persons once the partial
    // index lost its leading status column: four times slower at a million persons.
    const recorder = statementRecorder(writableDb(register));
    const { result, statements } = await recorder.record(() => dueForDeletion(register.db, '2040-01-10'));
    recorder.restore();
    expect(result.map((d) => d.personId).sort()).toContain(passive.id);
    const sqlite = register.db.$client;
    const plan = statements
      .flatMap(
        ({ sql, params }) => sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>,
      )
      .map((step) => step.detail)
      .join('\n');
    expect(plan).toMatch(/USING (COVERING )?INDEX persons_passivated \(status=\? AND passivated_on/);
    expect(plan).toMatch(/USING (COVERING )?INDEX persons_ended \(status=\? AND ended_on/);
    const definitions = sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE name IN ('persons_passivated', 'persons_ended')")
      .all();
    expect(definitions).toEqual(
      expect.arrayContaining([
        { name: 'persons_passivated', sql: expect.stringContaining("WHERE status = 'passive'") },
        { name: 'persons_ended', sql: expect.stringContaining("WHERE status = 'ended'") },
      ]),
    );
  });
});

describe('legal holds', () => {
  it('block deletion and say why: open invoice, collection, contact person, manual hold, postponement (not bookkeeping)', async () => {
    const { register, travelTo, due, deps } = await setup();
    const org = createOrganization(register, organization());
    const invoiced = createPerson(register, person({ email: 'a@example.fi' }));
    const contact = createPerson(register, person({ email: 'b@example.fi' }), { organizationId: org.id });
    const manual = createPerson(register, person({ email: 'c@example.fi' }));
    const free = createPerson(register, person({ email: 'd@example.fi' }));
    const order = addOrder(register, invoiced.id, {
      orderedOn: '2026-11-23',
      description: 'Hieronta',
      amountCents: 6500,
      invoiceStatus: 'open',
    });
    addHold(register, manual.id, { kind: 'manual', reason: 'Perintä kesken', until: null });
    travelTo('2032-12-30');
    addHold(register, free.id, { kind: 'postponed', reason: 'Asiakas palaa keväällä', until: '2033-03-01' });
    const holds = new Map(due().map((d) => [d.personId, d.holds]));
    // A debt holds the person; the bookkeeping period does not (the order would stay on its own).
    expect(holds.get(invoiced.id)).toEqual([{ kind: 'open_invoice' }]);
    expect(holds.get(contact.id)).toEqual([{ kind: 'contact_person' }]);
    expect(holds.get(manual.id)).toEqual([{ kind: 'manual', reason: 'Perintä kesken' }]);
    expect(holds.get(free.id)).toEqual([{ kind: 'postponed', until: '2033-03-01' }]);

    const result = erasePersons(
      register,
      { personIds: [invoiced.id, free.id], reason: 'inactive', action: 'delete' },
      SETTINGS,
    );
    expect(result.erased).toEqual([]);
    expect(result.held.map((h) => h.personId).sort()).toEqual([invoiced.id, free.id].sort());

    setInvoiceStatus(register, order.id, 'paid');
    expect(new Map(due().map((d) => [d.personId, d.holds])).get(invoiced.id)).toEqual([]);
    void deps;
  });
});

describe('deletion', () => {
  it('removes every row and every trace in the file and WAL, leaving a tombstone and an id-only audit entry', async () => {
    const { register, path, travelTo, due } = await setup();
    const secrets = { name: 'Jääskeläinen', email: 'eero.jaaskelainen@example.fi', phone: '+358501112233' };
    const eero = createPerson(
      register,
      person({ firstName: 'Eero', lastName: secrets.name, email: secrets.email, phone: secrets.phone }),
    );
    recordConsents(register, eero.id, [
      { subject: 'email', granted: true, method: 'form', evidence: `Lomake: ${secrets.email}` },
    ]);
    addContact(register, eero.id, {
      occurredOn: '2026-11-23',
      channel: 'phone',
      kind: 'feedback',
      summary: `${secrets.name} kiitti hieronnasta`,
    });
    const key = await unlockWithPassword(readKeyringFile(`${path}.keyring`), 'aino', OWNER.password);
    const texts = [secrets.name, secrets.email, '0501112233'.slice(1), secrets.phone];
    // The scanner must see the data while it is there, or its silence later proves nothing.
    expect(findInPages(decryptedPages(path, key), texts)).toEqual(texts);

    travelTo('2031-11-23');
    expect(due().map((d) => d.personId)).toEqual([eero.id]);
    const result = erasePersons(register, { personIds: [eero.id], reason: 'inactive', action: 'delete' }, SETTINGS);
    expect(result.erased).toEqual([eero.id]);

    expect(searchPersons(register, { text: 'jaaskelainen', offset: 0, limit: 10 }).total).toBe(0);
    expect(register.db.select().from(tombstones).all()).toEqual([
      expect.objectContaining({
        personId: eero.id,
        action: 'delete',
        reason: 'inactive',
        byUserId: 1,
        counts: JSON.stringify({
          consents: 1,
          orders: 0,
          contacts: 1,
          interests: 0,
          employments: 0,
          customValues: 0,
          holds: 0,
        }),
      }),
    ]);
    const erasedEntry = register.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'person.erased'), eq(auditLog.targetId, String(eero.id))))
      .get();
    expect(erasedEntry?.details).toContain('"reason":"inactive"');
    expect(findInPages(decryptedPages(path, key), texts)).toEqual([]);
  });

  it('erases more persons in one go than SQLite takes bound parameters (32,766)', async () => {
    const { register } = await setup();
    const count = 33_000;
    // Bare rows, written in one statement: the erasure needs nothing else of them.
    writableDb(register).run(sql`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
      INSERT INTO persons (uid, first_name, last_name, kind_id, status_changed_on, last_activity_on, created_at, updated_at)
      SELECT 'uid-' || i, 'Etu' || i, 'Suku', (SELECT min(id) FROM relationship_kinds),
             '2020-01-01', '2020-01-01', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z' FROM n`);
    const ids = register.db
      .select({ id: persons.id })
      .from(persons)
      .all()
      .map((p) => p.id);
    expect(ids).toHaveLength(count);
    const result = erasePersons(register, { personIds: ids, reason: 'inactive', action: 'delete' }, SETTINGS);
    expect(result.erased).toHaveLength(count);
    await register.backgroundCheckpoint();
    expect(register.db.select({ id: persons.id }).from(persons).all()).toEqual([]);
    expect(register.db.select().from(tombstones).all()).toHaveLength(count);
  });

  it('anonymises instead when the policy says so: orders stay for statistics, unlinked', async () => {
    const { register, travelTo } = await setup();
    updatePolicy(register, 'inactive', { action: 'anonymise' });
    const aino = createPerson(register, person({ birthDate: '1984-05-02' }));
    addOrder(register, aino.id, {
      orderedOn: '2019-03-01',
      description: 'Jooga 10 krt',
      amountCents: 12000,
      invoiceStatus: 'paid',
    });
    writableDb(register).update(orders).set({ orderedOn: '2019-03-01' }).run();
    travelTo('2031-11-23');
    const run = runRetention(register);
    expect(run).toMatchObject({ due: 0 + 1, awaitingReview: 1, deletedAutomatically: 0 });
    erasePersons(register, { personIds: [aino.id], reason: 'inactive', action: 'anonymise' }, SETTINGS);
    const kept = register.db.select().from(orders).all();
    expect(kept).toEqual([expect.objectContaining({ personId: null, amountCents: 12000, orderedOn: '2019-03-01' })]);
    expect(kept[0]?.anonymousId).not.toBeNull();
  });

  it('happens by itself on the due day when a policy is automatic, and never for held persons', async () => {
    const { register, travelTo } = await setup();
    updatePolicy(register, 'inactive', { mode: 'automatic' });
    const gone = createPerson(register, person());
    const held = createPerson(register, person({ email: 'held@example.fi' }));
    addHold(register, held.id, { kind: 'manual', reason: 'Riita-asia', until: null });
    travelTo('2031-11-22');
    expect(runRetention(register).deletedAutomatically).toBe(0);
    travelTo('2031-11-23');
    expect(runRetention(register)).toMatchObject({ due: 2, held: 1, deletedAutomatically: 1 });
    expect(
      register.db
        .select()
        .from(tombstones)
        .all()
        .map((t) => [t.personId, t.byUserId]),
    ).toEqual([[gone.id, null]]);
  });
});
