// Issue 22's "done when": a business none of the templates is written from (a yoga studio whose
// classes independent instructors also teach) is set up from a preset file alone, with two groups,
// postal marketing until the person objects and statutory retention; its notice prints that in fi
// and en, and Kaappi enforces every rule the notice states (time travel through the scheduler).
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { finnishDate } from '../../src-main/core/clock';
import { recordConsents } from '../../src-main/core/consents';
import { addressLabels } from '../../src-main/core/exports';
import { privacyNotice, resolveNotice } from '../../src-main/core/notice';
import { addOrder, createPerson, setRelationshipStatus } from '../../src-main/core/persons';
import { applyPreset, loadPresetFile } from '../../src-main/core/presets';
import { dueForDeletion, erasePersons, runRetention } from '../../src-main/core/retention';
import type { Block } from '../../src-main/core/documents';
import { orders } from '../../src-main/db/schema-register';
import { person } from '../fixtures/people';
import { registerForThisTest } from '../fixtures/for-this-test';
import { seedIdentityStrings } from '../fixtures/seed-notices';

const FOLDER = fileURLToPath(new URL('../fixtures/presets/', import.meta.url));
const SETTINGS = { bookkeepingYears: 6 };

const text = (blocks: Block[]) =>
  blocks.map((b) => (b.kind === 'lines' ? b.lines.join('\n') : 'text' in b ? b.text : '')).join('\n');

it('a yoga studio with customers and instructors is configured from a preset, printed honestly in fi and en, and enforced', async () => {
  const { register, deps, travelTo } = await registerForThisTest();
  travelTo('2026-03-02');
  applyPreset(register, 'joogastudio-opettajat', loadPresetFile(FOLDER, 'joogastudio-opettajat.json'));

  // Printed: one data list per group, the post rule per group, every retention rule from the data.
  const printed = (language: 'fi' | 'en') =>
    text(privacyNotice(resolveNotice(register), language, '2026-03-02').blocks);
  const fi = printed('fi');
  for (const expected of [
    'Asiakas',
    'Ohjaaja',
    'Ostetut tunnit ja sarjakortit',
    'Toiminimi ja Y-tunnus',
    'Paperiset terveyslomakkeet hävitetään silppurissa vuoden kuluttua.',
    '6 kuukauden',
    '3 vuoteen',
  ]) {
    expect(fi, expected).toContain(expected);
  }
  expect(fi).toMatch(/kirjanpito/i);
  const en = printed('en');
  for (const expected of [
    'Customer',
    'Instructor',
    'Classes and passes bought',
    'Trade name and business ID',
    '6 months',
  ]) {
    expect(en, expected).toContain(expected);
  }
  expect(en).toContain('Paper health forms are shredded after one year.');
  // Nothing of another business: the preset carries no identity, and none of the seeds' leaks in.
  for (const identity of seedIdentityStrings()) {
    expect(fi).not.toContain(identity);
    expect(en).not.toContain(identity);
  }

  // Post is opt-out for customers only: a customer without consent is on the labels, an
  // instructor without consent is not, and a customer with a ban never is.
  const address = { street: 'Kauppakatu 1', postalCode: '40100', city: 'Jyväskylä' };
  const customer = createPerson(register, person({ firstName: 'Aino', email: 'aino@example.fi', ...address }));
  const banned = createPerson(register, person({ firstName: 'Helmi', email: 'helmi@example.fi', ...address }));
  const instructor = createPerson(
    register,
    person({ firstName: 'Eero', email: 'eero@example.fi', kindKey: 'instructor', ...address }),
  );
  recordConsents(register, banned.id, [
    { subject: 'ban_direct_marketing', granted: true, method: 'phone', evidence: 'Soitti: ei markkinointia.' },
  ]);
  const labels = await addressLabels(register, {}, 'fi');
  expect(labels.included).toBe(1);
  expect(labels.leftOut.reasons).toEqual({ no_channel_consent: 1, direct_marketing_ban: 1 });

  // The instructor's contract ends: due exactly six months later, not a day before.
  setRelationshipStatus(register, instructor.id, 'ended', '2026-03-30');
  const due = () => dueForDeletion(register.db, finnishDate(deps.clock.now()));
  travelTo('2026-09-29');
  expect(due()).toEqual([]);
  travelTo('2026-09-30');
  expect(due()).toMatchObject([{ personId: instructor.id, policyKey: 'instructors_after_end', dueOn: '2026-09-30' }]);

  // A customer inactive for three years is due; erasing her keeps her paid class as a bookkeeping
  // row until the end of the sixth year after its financial year, then the scheduler purges it.
  addOrder(register, customer.id, {
    orderedOn: '2026-03-02',
    description: 'Sarjakortti 10 kertaa',
    amountCents: 15000,
    invoiceStatus: 'paid',
  });
  travelTo('2029-03-02');
  expect(due().map((d) => [d.personId, d.policyKey])).toContainEqual([customer.id, 'customers_inactive']);
  const erased = erasePersons(
    register,
    { personIds: [customer.id], reason: 'customers_inactive', action: 'delete' },
    SETTINGS,
  );
  expect(erased.erased).toEqual([customer.id]);
  expect(register.db.select().from(orders).all()).toEqual([
    expect.objectContaining({ personId: null, description: 'Sarjakortti 10 kertaa', keepUntil: '2032-12-31' }),
  ]);
  travelTo('2032-12-31');
  expect(runRetention(register).bookkeepingPurged).toBe(0);
  travelTo('2033-01-01');
  expect(runRetention(register).bookkeepingPurged).toBe(1);
  expect(register.db.select().from(orders).all()).toEqual([]);
});
