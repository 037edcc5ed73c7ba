// countRecipients (one SQL pass over the kept consent state) must give what recipientsFor gives,
// reason by reason, on a register varied enough that dropping any one condition shows.
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src-main/core/audit';
import { CHANNELS, PURPOSES, recordConsents, type ConsentChange } from '../../src-main/core/consents';
import { countRecipients, mailingCount, recipientsFor, type PersonSelection } from '../../src-main/core/exports';
import { UNDELIVERABLE_PREFIX } from '../../src-main/core/imports';
import { addListEntry, setKindGroup } from '../../src-main/core/lists';
import { addContact, addInterest, createPerson, passivatePersons } from '../../src-main/core/persons';
import type { UnlockedRegister } from '../../src-main/core/register';
import { readRegisterProfile, updateRegisterProfile, updateSettings } from '../../src-main/core/settings';
import { consentEvents, persons } from '../../src-main/db/schema-register';
import { CONSENT_SUBJECTS, type ConsentSubject } from '../../src-shared/vocabulary';
import { registerForThisTest, registryForThisTest } from '../fixtures/for-this-test';
import { withOwnerSession } from '../fixtures/registry';
import { seededRandom } from '../fixtures/generate';
import { person } from '../fixtures/people';
import { writableDb } from '../fixtures/writable';
import { eq, sql } from 'drizzle-orm';

const FIRST = ['Aino', 'Eero', 'Helmi', 'Väinö', 'Päivi', 'Jyrki', 'Sää', 'Kalle', 'Hanna', 'Ville'];
const LAST = ['Mäkinen', 'Virtanen', 'Hämäläinen', 'Korhonen', 'Östman', 'Laine', 'Nieminen', 'Jääskeläinen'];
/** The register's clock (fixtures/register.ts): events after this are not yet in effect. */
const NOW = '2026-11-23T09:00:00.000Z';

/**
 * Three groups with their own modes: customers market by post and phone until they object,
 * service providers only by consent, partners and prospects as the register says (phone opt-out, post opt-in).
 */
function groups(r: UnlockedRegister) {
  addListEntry(r, 'kinds', { key: 'service_provider', labelFi: 'Palveluntarjoaja', labelEn: 'Service provider' });
  setKindGroup(r, 'customer', {
    dataCategories: null,
    marketingChannels: { email: 'optIn', sms: 'optIn', phone: 'optOut', post: 'optOut' },
  });
  setKindGroup(r, 'service_provider', {
    dataCategories: null,
    marketingChannels: { email: 'optIn', sms: 'optIn', phone: 'optIn', post: 'optIn' },
  });
  const profile = readRegisterProfile(r);
  updateRegisterProfile(r, {
    ...profile,
    notice: {
      ...profile.notice,
      marketingChannels: { email: 'optIn', sms: 'optIn', phone: 'optOut', post: 'optIn' },
    },
  });
}

/**
 * A few hundred persons with every combination the rule looks at, drawn from a fixed seed:
 * grants and withdrawals (a later event overriding an earlier one), bans set and lifted, missing
 * and empty addresses, restriction, events not yet in effect, and Mailchimp's undeliverable marks
 * with and without a later opt-in (and one on an address the person no longer has).
 */
function variedRegister(r: UnlockedRegister) {
  groups(r);
  const random = seededRandom(20261206);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const kinds = ['customer', 'service_provider', 'partner', 'prospect'] as const;
  const future: Array<{ personId: number; subject: ConsentSubject; granted: boolean; effectiveAt: string }> = [];
  const restricted: number[] = [];
  const ids: number[] = [];
  for (let i = 0; i < 400; i++) {
    const email = chance(0.1) ? null : `henkilo${i}@example.fi`;
    const created = createPerson(
      r,
      person({
        firstName: pick(FIRST),
        lastName: pick(LAST),
        kindKey: pick(kinds),
        email,
        phone: chance(0.15) ? null : `+35840${String(1000000 + i)}`,
        street: chance(0.15) ? null : `Kauppakatu ${i}`,
        postalCode: chance(0.15) ? null : '40100',
        city: chance(0.1) ? null : 'Jyväskylä',
        sourceKey: chance(0.5) ? 'booking' : null,
      }),
    );
    const id = created.id;
    // Mailchimp cleaned some addresses in the spring (a few an address the person no longer has).
    const marked = email !== null && chance(0.15);
    // Up to three past events per person, in order; the latest per subject is what holds. Those
    // marked consented to email before the mark, some of them again after it (which lifts it).
    const changes: ConsentChange[] = [];
    const past = (subject: ConsentSubject, granted: boolean, effectiveAt: string) =>
      changes.push({ subject, granted, method: 'form', evidence: 'Lomake 2026', effectiveAt });
    if (marked) past('email', true, '2026-02-01T10:00:00.000Z');
    if (marked && chance(0.4)) past('email', true, '2026-06-01T10:00:00.000Z');
    for (let n = Math.floor(random() * 4); n > 0; n--) {
      const month = 1 + Math.floor(random() * 9);
      past(pick(CONSENT_SUBJECTS), chance(0.7), `2026-0${month}-1${Math.floor(random() * 10)}T10:00:00.000Z`);
    }
    if (changes.length > 0) recordConsents(r, id, changes);
    if (chance(0.12)) {
      future.push({
        personId: id,
        subject: pick(CONSENT_SUBJECTS),
        granted: chance(0.5),
        effectiveAt: '2027-01-15T10:00:00.000Z',
      });
    }
    if (marked) {
      const address = chance(0.8) ? email : `vanha${i}@example.fi`;
      addContact(r, id, {
        occurredOn: '2026-04-01',
        channel: 'email',
        kind: 'contact',
        summary: `${UNDELIVERABLE_PREFIX}${address.toUpperCase()} (siivottu)`,
      });
    }
    if (chance(0.1)) restricted.push(id);
    ids.push(id);
  }
  // Some passive for years and some with an interest: the filters that read an index or today.
  passivatePersons(
    r,
    ids.filter((_, i) => i % 5 === 0),
    '2024-03-01',
  );
  passivatePersons(
    r,
    ids.filter((_, i) => i % 5 === 1),
    '2026-10-01',
  );
  addInterest(
    r,
    ids.filter((_, i) => i % 7 === 0),
    'jooga',
  );
  const db = writableDb(r);
  // recordConsents refuses what has not yet happened; the kept state counts it all the same.
  for (const event of future) {
    db.insert(consentEvents)
      .values({ ...event, method: 'form', evidence: 'Ajastettu', recordedAt: NOW, recordedBy: r.user.id })
      .run();
  }
  for (const id of restricted) db.update(persons).set({ restricted: true }).where(eq(persons.id, id)).run();
  // An empty address is no address, as a missing one is (written past the field rules, as an old import might have).
  for (const id of [3, 17, 41, 77])
    db.update(persons).set({ email: '', phone: '', street: '', postalCode: '' }).where(eq(persons.id, id)).run();
  return { future: future.length, restricted: restricted.length };
}

const SELECTIONS: Array<[string, Pick<PersonSelection, 'text' | 'filters'>]> = [
  ['everyone', {}],
  ['no consent', { filters: { noConsent: true } }],
  ['not restricted', { filters: { restricted: false } }],
  ['customers and partners from bookings', { filters: { kindKeys: ['customer', 'partner'], sourceKeys: ['booking'] } }],
  ['a name search', { text: 'Mäkinen' }],
  ['a search with a filter', { text: 'Virtanen', filters: { notInformed: true } }],
  ['passive over a year', { filters: { statuses: ['passive'], passiveForYears: 1 } }],
  ['active or passive', { filters: { statuses: ['passive', 'active'] } }],
  ['an interest', { filters: { interest: 'jooga' } }],
];

describe('the mailing count', () => {
  it('equals the list recipientsFor makes, reasons included, for every channel, purpose and view', async () => {
    const { register: r } = await registerForThisTest();
    const made = variedRegister(r);
    expect(made.future).toBeGreaterThan(20);
    expect(made.restricted).toBeGreaterThan(20);
    const seen = new Set<string>();
    for (const [, selection] of SELECTIONS) {
      for (const channel of CHANNELS) {
        for (const purpose of PURPOSES) {
          const { recipients, leftOut } = recipientsFor(r, selection, channel, purpose);
          const counted = countRecipients(r, selection, channel, purpose);
          expect(counted, JSON.stringify({ selection, channel, purpose })).toEqual({
            included: recipients.length,
            leftOut,
          });
          for (const reason of Object.keys(leftOut.reasons)) seen.add(reason);
        }
      }
    }
    // Every reason occurred, so none of them can be dropped from the SQL without a difference.
    expect([...seen].sort()).toEqual(
      [
        'direct_marketing_ban',
        'no_address',
        'no_channel_consent',
        'objected',
        'publication_ban',
        'research_ban',
        'restricted',
        'undeliverable',
      ].sort(),
    );
  });

  it('decides persons with an event not yet in effect by the events in effect today', async () => {
    const { register: r } = await registerForThisTest();
    const aino = createPerson(r, person()).id;
    const eero = createPerson(r, person({ firstName: 'Eero', lastName: 'Virtanen', email: 'eero@example.fi' })).id;
    recordConsents(r, aino, [{ subject: 'email', granted: true, method: 'form', evidence: 'Lomake' }]);
    const db = writableDb(r);
    const ahead = { method: 'form' as const, evidence: 'Ajastettu', recordedAt: NOW, recordedBy: r.user.id };
    // Aino withdraws next year, Eero consents next year: today Aino is on the list, Eero is not.
    db.insert(consentEvents)
      .values([
        { ...ahead, personId: aino, subject: 'email', granted: false, effectiveAt: '2027-01-01T00:00:00.000Z' },
        { ...ahead, personId: eero, subject: 'email', granted: true, effectiveAt: '2027-01-01T00:00:00.000Z' },
      ])
      .run();
    expect(countRecipients(r, {}, 'email', 'marketing')).toEqual({
      included: 1,
      leftOut: { total: 1, reasons: { no_channel_consent: 1 } },
    });
  });

  it('finds undeliverable marks by the partial index made for their prefix, not by reading every note', async () => {
    const { register: r } = await registerForThisTest();
    // The index's condition is written in migration 0020; a query serves from it only with the same text.
    const index = r.db.get<{ sql: string }>(
      sql`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'contact_log_undeliverable'`,
    );
    expect(index?.sql).toContain(`LIKE '${UNDELIVERABLE_PREFIX}%'`);
    const plan = r.db.all<{ detail: string }>(
      sql.raw(
        `EXPLAIN QUERY PLAN SELECT DISTINCT person_id FROM contact_log WHERE summary LIKE '${UNDELIVERABLE_PREFIX}%'`,
      ),
    );
    expect(plan.map((row) => row.detail).join(' ')).toContain('contact_log_undeliverable');
  });

  it('through mailingCount: refused to staff until the owner allows lists, and never audited as an export', async () => {
    const { register: r } = await registerForThisTest();
    const p = createPerson(r, person({ email: 'helmi@example.fi' }));
    recordConsents(r, p.id, [{ subject: 'email', granted: true, method: 'form', evidence: 'Lomake' }]);
    const owner = r.user;
    const as = (role: 'staff' | 'owner') =>
      Object.defineProperty(r, 'user', {
        value: role === 'owner' ? owner : { ...owner, id: 99, role },
        configurable: true,
      });
    const audited = () => listAudit(r.db, 1_000_000).length;
    const before = audited();
    expect(mailingCount(r, { channel: 'email', purpose: 'marketing' })).toEqual({
      included: 1,
      leftOut: { total: 0, reasons: {} },
    });
    expect(audited()).toBe(before);
    as('staff');
    expect(() => mailingCount(r, { channel: 'email', purpose: 'marketing' })).toThrow('STAFF_EXPORT_NOT_ALLOWED');
    as('owner');
    updateSettings(r, { staffMayExportLists: true });
    as('staff');
    expect(mailingCount(r, { channel: 'email', purpose: 'marketing', selection: { text: 'Mäkinen' } }).included).toBe(
      1,
    );
    as('owner');
  });

  it("through the registry: the list's count equals the file's, and only the file is audited", async () => {
    const t = registryForThisTest();
    await withOwnerSession(t);
    const add = async (fields: Parameters<typeof person>[0], subjects: ConsentSubject[]) => {
      const { id } = await t.call<{ id: number }>('persons.create', { person: person(fields) });
      const changes = subjects.map((subject) => ({ subject, granted: true, method: 'form', evidence: 'Lomake 2026' }));
      if (changes.length > 0) await t.call('consents.record', { personId: id, changes });
    };
    await add({ email: 'aino@example.fi' }, ['email', 'post']);
    await add({ firstName: 'Eero', lastName: 'Virtanen', email: 'eero@example.fi', city: null }, ['email', 'post']);
    await add({ firstName: 'Helmi', lastName: 'Hämäläinen', email: 'helmi@example.fi' }, ['post', 'ban_publication']);
    await add({ firstName: 'Väinö', lastName: 'Östman', email: null }, []);
    const exportsAudited = async () =>
      (await t.call<{ total: number }>('audit.query', { action: 'export.', offset: 0, limit: 1 })).total;
    const list = { channel: 'email', purpose: 'marketing' } as const;
    const counted = await t.call('exports.mailingCount', list);
    expect(counted).toEqual({ included: 2, leftOut: { total: 2, reasons: { no_channel_consent: 2, no_address: 1 } } });
    expect(await exportsAudited()).toBe(0);
    const made = await t.call<{ included: number; leftOut: unknown }>('exports.mailingList', list);
    expect(counted).toEqual({ included: made.included, leftOut: made.leftOut });
    expect(await exportsAudited()).toBe(1);
  });
});
