import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { consentState, recordConsents, type ConsentChange } from '../../src-main/core/consents';
import { createBackup, restoreBackup } from '../../src-main/core/backup';
import { runImport } from '../../src-main/core/imports';
import { createPerson, searchPersons, updatePerson } from '../../src-main/core/persons';
import { setRestricted } from '../../src-main/core/requests/complete';
import { unlockRegister, verifyRegister } from '../../src-main/core/register';
import { approveDeletion, dueForReview, erasePersons } from '../../src-main/core/retention';
import { CONSENT_BIT, checkConsentState } from '../../src-main/db/consent-state';
import { consentEvents, personCounts, persons, personTallies } from '../../src-main/db/schema-register';
import { CONSENT_SUBJECTS } from '../../src-shared/vocabulary';
import { person } from '../fixtures/people';
import { registerForThisTest, tempDirForThisTest } from '../fixtures/for-this-test';
import { OWNER } from '../fixtures/register';

async function setup() {
  return (await setupWithPath()).register;
}

async function setupWithPath() {
  const created = await registerForThisTest();
  return { ...created, usb: tempDirForThisTest('kaappi-usb-') };
}

const MAILCHIMP = fileURLToPath(new URL('../fixtures/imports/mailchimp-2019/', import.meta.url));

type Register = Awaited<ReturnType<typeof setup>>;

/** What verify's derived check gives when every kept state equals its source. */
const CLEAN = { ok: true, differing: 0, personIds: [], counts: [], dueState: { differing: 0, personIds: [] } };

const change = (subject: ConsentChange['subject'], granted: boolean, effectiveAt?: string): ConsentChange => ({
  subject,
  granted,
  method: 'form',
  evidence: 'Lomakkeen suostumusteksti: "Haluan uutiskirjeen sähköpostiini."',
  ...(effectiveAt ? { effectiveAt } : {}),
});

const kept = (register: Register, id: number) =>
  register.db
    .select({ granted: persons.consentsGranted, withdrawn: persons.consentsWithdrawn })
    .from(persons)
    .where(eq(persons.id, id))
    .get();

const noConsent = (register: Register) =>
  searchPersons(register, { filters: { noConsent: true }, offset: 0, limit: 50 }).rows.map((row) => row.firstName);

describe('the consent state kept for the views', () => {
  it('follows the latest event per subject as it is recorded, a backdated one included', async () => {
    const register = await setup();
    const aino = createPerson(register, person({ email: 'aino@example.fi' })).id;
    const eero = createPerson(
      register,
      person({ firstName: 'Eero', lastName: 'Jääskeläinen', email: 'eero@example.fi', phone: '+358501112222' }),
    ).id;
    expect(noConsent(register).sort()).toEqual(['Aino', 'Eero']);

    recordConsents(register, aino, [change('email', true), change('ban_research', true)]);
    expect(kept(register, aino)).toEqual({ granted: CONSENT_BIT.email | CONSENT_BIT.ban_research, withdrawn: 0 });
    expect(noConsent(register)).toEqual(['Eero']);

    // A withdrawal that took effect before the grant does not undo it: the grant is the latest.
    recordConsents(register, aino, [change('email', false, '2020-01-01T09:00:00.000Z')]);
    expect(kept(register, aino)?.granted).toBe(CONSENT_BIT.email | CONSENT_BIT.ban_research);
    recordConsents(register, aino, [change('email', false), change('ban_research', false)]);
    expect(kept(register, aino)).toEqual({ granted: 0, withdrawn: CONSENT_BIT.email | CONSENT_BIT.ban_research });
    expect(noConsent(register).sort()).toEqual(['Aino', 'Eero']);

    recordConsents(register, eero, [change('sms', true)]);
    expect(noConsent(register)).toEqual(['Aino']);
    expect(searchPersons(register, { filters: { noConsent: true }, offset: 0, limit: 1 }).total).toBe(1);
    expect(searchPersons(register, { offset: 0, limit: 1 }).total).toBe(2);
    expect(searchPersons(register, { filters: { restricted: false }, offset: 0, limit: 1 }).total).toBe(2);
    expect(searchPersons(register, { filters: { restricted: true }, offset: 0, limit: 1 }).total).toBe(0);
    expect(checkConsentState(register.db)).toEqual({ ok: true, differing: 0, personIds: [], counts: [] });
  });

  it('numbers every subject as consentState names it, one bit each', async () => {
    const register = await setup();
    const aino = createPerson(register, person({ email: 'aino@example.fi' })).id;
    recordConsents(
      register,
      aino,
      CONSENT_SUBJECTS.map((subject) => change(subject, true)),
    );
    const state = consentState(register.db, aino, new Date().toISOString());
    const expected = CONSENT_SUBJECTS.filter((s) => state[s]?.granted).reduce((bits, s) => bits | CONSENT_BIT[s], 0);
    expect(expected).toBe(2 ** CONSENT_SUBJECTS.length - 1);
    expect(kept(register, aino)?.granted).toBe(expected);
  });

  it('is left as it was when the write of the events fails', async () => {
    const register = await setup();
    const aino = createPerson(register, person({ email: 'aino@example.fi' })).id;
    expect(() =>
      recordConsents(register, aino, [change('email', true), change('sms', true, '2999-01-01T00:00:00.000Z')]),
    ).toThrow('INVALID_INPUT');
    expect(kept(register, aino)).toEqual({ granted: 0, withdrawn: 0 });
    expect(register.db.select().from(consentEvents).all()).toEqual([]);
  });

  it('is checked by verify, which names a person whose kept state differs from the events', async () => {
    const register = await setup();
    const aino = createPerson(register, person({ email: 'aino@example.fi' })).id;
    recordConsents(register, aino, [change('email', true)]);
    expect(verifyRegister(register).derived).toEqual(CLEAN);

    register.transaction((db) => db.update(persons).set({ consentsGranted: 0 }).where(eq(persons.id, aino)).run());
    // The kept count follows the (wrong) bits, so only the bits are reported.
    expect(verifyRegister(register).derived).toEqual({ ...CLEAN, ok: false, differing: 1, personIds: [aino] });
    register.transaction((db) => db.update(personCounts).set({ n: 7 }).where(eq(personCounts.name, 'all')).run());
    expect(verifyRegister(register).derived.counts).toEqual(['all']);
    register.transaction((db) =>
      db
        .update(personTallies)
        .set({ n: sql`n + 1` })
        .run(),
    );
    expect(verifyRegister(register).derived.counts).toEqual(['all', 'tallies']);
  });

  it('keeps the tallies a whole list is counted from through every kind of change to a person', async () => {
    const { register, deps } = await setupWithPath();
    const tallies = () =>
      register.db
        .select()
        .from(personTallies)
        .where(sql`n <> 0`)
        .orderBy(personTallies.kindId, personTallies.hasEmail, personTallies.hasPhone)
        .all()
        .map(({ kindId, restricted, consentsGranted, hasEmail, hasPhone, hasStreet, n }) => ({
          kindId,
          restricted,
          consentsGranted,
          has: `${hasEmail}${hasPhone}${hasStreet}`,
          n,
        }));
    const agree = () => expect(checkConsentState(register.db)).toMatchObject({ ok: true, counts: [] });
    const aino = createPerson(register, person({ email: 'aino@example.fi', phone: null, street: null })).id;
    const eero = createPerson(
      register,
      person({ firstName: 'Eero', email: 'eero@example.fi', phone: null, street: null }),
    ).id;
    const [customer] = tallies();
    expect(customer).toMatchObject({ restricted: 0, consentsGranted: 0, has: '100', n: 2 });
    agree();
    // Each write moves one person to another tally, in the same statement.
    recordConsents(register, aino, [change('email', true)]);
    updatePerson(register, eero, { email: null, phone: '+358401234567' });
    expect(tallies()).toEqual([
      { ...customer, has: '010', n: 1 },
      { ...customer, consentsGranted: CONSENT_BIT.email, n: 1 },
    ]);
    agree();
    register.transaction((db) => setRestricted(register, db, aino, true, null));
    updatePerson(register, eero, { kindKey: 'prospect' });
    const moved = tallies();
    expect(moved.map((t) => [t.kindId === customer!.kindId, t.restricted])).toEqual([
      [true, 1],
      [false, 0],
    ]);
    agree();
    deps.clock.advanceMs(60_000);
    // Anonymising keeps the orders without the person: the row goes, as with a deletion.
    erasePersons(register, { personIds: [aino], reason: 'request', action: 'anonymise' }, { bookkeepingYears: 6 });
    expect(tallies()).toEqual([moved[1]]);
    agree();
    erasePersons(register, { personIds: [eero], reason: 'request', action: 'delete' }, { bookkeepingYears: 6 });
    expect(tallies()).toEqual([]);
    agree();
  });

  it('equals the events after a retention approval deletes the persons due', async () => {
    const { register, deps } = await setupWithPath();
    const aino = createPerson(register, person({ email: 'aino@example.fi' })).id;
    const eero = createPerson(register, person({ firstName: 'Eero', email: 'eero@example.fi' })).id;
    recordConsents(register, aino, [change('email', true), change('ban_research', true)]);
    recordConsents(register, eero, [change('sms', false)]);
    // Five years without activity makes both due under the default 'inactive' rule; Liisa is new.
    deps.clock.set(new Date('2031-11-24T10:00:00Z'));
    const liisa = createPerson(register, person({ firstName: 'Liisa', email: 'liisa@example.fi' })).id;
    recordConsents(register, liisa, [change('post', true)]);
    const total = (filters: object) => searchPersons(register, { filters, offset: 0, limit: 10 }).total;
    expect([total({}), total({ noConsent: true })]).toEqual([3, 1]);

    const due = dueForReview(register).map((d) => d.personId);
    expect(due.sort()).toEqual([aino, eero].sort());
    expect(approveDeletion(register, due).erased.sort()).toEqual([aino, eero].sort());

    expect(verifyRegister(register).derived).toEqual(CLEAN);
    expect([total({}), total({ noConsent: true })]).toEqual([1, 0]);
    expect(register.db.select({ id: consentEvents.personId }).from(consentEvents).all()).toEqual([{ id: liisa }]);
  });

  it('equals the events after an import, an erasure, and the restore of a backup taken before them', async () => {
    const { register, path, deps, usb } = await setupWithPath();
    const aino = createPerson(register, person({ lastName: 'Koskinen', email: 'aino@example.fi', phone: null })).id;
    const eero = createPerson(
      register,
      person({ firstName: 'Eero', lastName: 'Koskinen', email: 'eero@example.fi', phone: null }),
    ).id;
    recordConsents(register, eero, [change('post', true)]);
    const { manifestPath } = await createBackup(register, usb, { appVersion: '0.1.0' });

    const files = readdirSync(MAILCHIMP).map((name) => ({
      fileName: name,
      bytes: readFileSync(join(MAILCHIMP, name)),
    }));
    const imported = await runImport(
      register,
      { format: 'mailchimp', files },
      { badRows: 'stop', conflicts: 'choose' },
      'fi',
    );
    expect(imported.status).toBe('imported');
    recordConsents(register, aino, [change('email', true)]);
    deps.clock.advanceMs(60_000);
    erasePersons(register, { personIds: [eero], reason: 'request', action: 'delete' }, { bookkeepingYears: 6 });
    const afterImport = verifyRegister(register).derived;
    expect(afterImport).toEqual(CLEAN);
    expect(noConsent(register)).not.toContain('Aino');
    register.close();

    await restoreBackup(
      path,
      manifestPath,
      { liveOwner: { username: OWNER.username, password: OWNER.password } },
      deps,
    );
    const restored = await unlockRegister(path, { username: OWNER.username, password: OWNER.password }, deps);
    try {
      expect(verifyRegister(restored).derived).toEqual(CLEAN);
      // Eero was erased after the backup: erased again. Aino's later consent is not in the backup.
      expect(noConsent(restored)).toEqual(['Aino']);
    } finally {
      restored.close();
    }
  });
});
