import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { persons, relationshipKinds } from '../../src-main/db/schema-register';
import { createOrganization } from '../../src-main/core/organizations';
import { addOrder, createPerson } from '../../src-main/core/persons';
import { receiveRequest } from '../../src-main/core/requests';
import {
  addHold,
  addPolicy,
  approveAllDeletable,
  dueForReview,
  dueReviewCounts,
  dueReviewPage,
  removePolicy,
  updatePolicy,
  type DueForReview,
} from '../../src-main/core/retention';
import { KaappiError } from '../../src-shared/errors';
import { deletableFingerprint } from '../../src-main/db/retention-sweep';
import { registerForThisTest } from '../fixtures/for-this-test';
import { seededRandom } from '../fixtures/generate';
import { organization, person } from '../fixtures/people';
import { writableDb } from '../fixtures/writable';

const TODAY = '2026-12-06';

/** Days that roll over when months or years are added (31st, 29 February) and plain ones. */
function dayFrom(random: () => number): string {
  const year = 2014 + Math.floor(random() * 12);
  const tricky = ['01-31', '02-28', '02-29', '03-01', '03-31', '05-31', '06-01', '07-31', '08-01', '08-03', '12-31'];
  const monthDay =
    random() < 0.5
      ? tricky[Math.floor(random() * tricky.length)]!
      : `${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const day = `${year}-${monthDay}`;
  // 29 February only in leap years; SQLite would read 2015-02-29 as 1 March.
  return monthDay === '02-29' && year % 4 !== 0 ? `${year}-02-28` : day;
}

/**
 * A register where several policies (years and months, one group only, each rule's start) make
 * persons due on the same days, from days that roll over, with holds on some.
 */
async function varied() {
  const { register, travelTo } = await registerForThisTest();
  travelTo(TODAY);
  updatePolicy(register, 'after_end', { active: true, period: { amount: 2, unit: 'years' } });
  updatePolicy(register, 'prospect_not_converted', { active: true, period: { amount: 7, unit: 'months' } });
  addPolicy(register, {
    kind: 'enforced',
    rule: 'inactive',
    period: { amount: 30, unit: 'months' },
    kindKeys: ['partner'],
    text: null,
  });
  const random = seededRandom(25);
  const kinds = new Map(
    register.db
      .select({ key: relationshipKinds.key, id: relationshipKinds.id })
      .from(relationshipKinds)
      .all()
      .map((k) => [k.key, k.id]),
  );
  // First in the review, due the same day: the lower id counts from the later day (no 29 February
  // in 2013, so both fall due on 1 March), so a page that cut at the day counted from would miss it.
  for (const [i, lastActivityOn] of ['2008-03-01', '2008-02-29'].entries()) {
    const { id } = createPerson(register, person({ email: `first${i}@example.fi` }));
    writableDb(register)
      .update(persons)
      .set({ lastActivityOn })
      .where(inArray(persons.id, [id]))
      .run();
  }
  // Ended on a day that is no date (a hand-edited file): never due by it, still due by inactivity.
  const { id: undated } = createPerson(register, person({ email: 'undated@example.fi' }));
  writableDb(register)
    .update(persons)
    .set({ status: 'ended', endedOn: 'ei tiedossa', lastActivityOn: '2012-05-05' })
    .where(inArray(persons.id, [undated]))
    .run();
  const employer = createOrganization(register, organization());
  const ids: number[] = [];
  for (let i = 0; i < 240; i += 1) {
    const kind = ['customer', 'prospect', 'partner'][i % 3]!;
    // Some are an organisation's current contact person, which holds them.
    const contact = i % 23 === 4 ? { organizationId: employer.id } : {};
    const { id } = createPerson(register, person({ email: `p${i}@example.fi`, kindKey: kind }), contact);
    ids.push(id);
    const status = (['active', 'passive', 'ended'] as const)[Math.floor(random() * 3)]!;
    writableDb(register)
      .update(persons)
      .set({
        kindId: kinds.get(kind)!,
        status,
        lastActivityOn: dayFrom(random),
        passivatedOn: status === 'passive' ? dayFrom(random) : null,
        endedOn: status === 'ended' ? dayFrom(random) : null,
        createdAt: `${dayFrom(random)}T0${i % 10}:00:00.000Z`,
      })
      .where(inArray(persons.id, [id]))
      .run();
  }
  // Every kind of hold on some, and a paid order (bookkeeping only, which holds no one) on others.
  const order = (id: number, invoiceStatus: 'open' | 'in_collection' | 'paid') =>
    addOrder(register, id, { orderedOn: '2020-01-01', description: 'Hieronta', amountCents: 5000, invoiceStatus });
  ids.filter((_, i) => i % 11 === 0).forEach((id) => order(id, 'open'));
  ids.filter((_, i) => i % 19 === 7).forEach((id) => order(id, 'in_collection'));
  ids.filter((_, i) => i % 7 === 2).forEach((id) => order(id, 'paid'));
  receiveRequest(register, {
    type: 'access',
    receivedOn: TODAY,
    channel: 'letter',
    language: 'fi',
    requesterName: 'Aino Mäkinen',
    requesterContact: 'aino.makinen@example.fi',
    body: 'Mitä tietoja minusta on?',
    personIds: ids.filter((_, i) => i % 29 === 9),
  });
  // Holds that no longer hold: an ended one and a postponement that has passed.
  for (const id of ids.filter((_, i) => i % 31 === 10)) {
    addHold(register, id, { kind: 'manual', reason: 'Ohi', until: '2026-01-01' });
    addHold(register, id, { kind: 'postponed', reason: 'Ohi', until: '2026-12-05' });
  }
  for (const id of ids.filter((_, i) => i % 13 === 5))
    addHold(register, id, { kind: 'manual', reason: 'Riita', until: null });
  for (const id of ids.filter((_, i) => i % 17 === 3)) {
    addHold(register, id, { kind: 'postponed', reason: 'Palaa', until: '2027-03-01' });
  }
  return register;
}

describe('the retention review a page at a time', () => {
  it('gives each page as the full list has it, at any offset and page size, and the counts of it', async () => {
    const register = await varied();
    const all = dueForReview(register, TODAY);
    const deletableIds = all.filter((d) => d.holds.length === 0).map((d) => d.personId);
    const deletable = deletableIds.length;
    // The register is varied enough to test: several rules, ties on a day, held persons.
    expect(new Set(all.map((d) => d.policyKey)).size).toBeGreaterThanOrEqual(4);
    expect(all.length).toBeGreaterThan(120);
    const kinds = new Set(all.flatMap((d) => d.holds.map((h) => h.kind)));
    expect([...kinds].sort()).toEqual(
      ['contact_person', 'in_collection', 'manual', 'open_invoice', 'open_request', 'postponed'].sort(),
    );
    const days = all.map((d) => d.dueOn);
    expect(new Set(days).size).toBeLessThan(days.length);
    // Every offset: a page's edge can fall between persons due the same day from different days.
    const offsets = (step: number) => Array.from({ length: Math.ceil((all.length + 4) / step) }, (_, i) => i * step);
    for (const [limit, starts] of [
      [1, offsets(1)],
      [7, offsets(3)],
      [50, [...offsets(25), 49, 51, all.length - 1]],
    ] as const) {
      for (const offset of starts) {
        expect({ offset, limit, ...dueReviewPage(register, { offset, limit }, TODAY) }).toEqual({
          offset,
          limit,
          asOf: TODAY,
          rows: all.slice(offset, offset + limit),
        });
      }
    }
    // Page after page from the last row shown, as the review moves on, to an empty page past the end.
    for (const limit of [1, 7, 50]) {
      let after: { dueOn: string; personId: number } | undefined;
      for (let offset = 0; offset <= all.length; offset += limit) {
        const { rows } = dueReviewPage(register, { offset: 0, limit, ...(after ? { after } : {}) }, TODAY);
        expect({ offset, limit, rows }).toEqual({ offset, limit, rows: all.slice(offset, offset + limit) });
        const last = rows.at(-1);
        after = last && { dueOn: last.dueOn, personId: last.personId };
      }
    }
    // The fingerprint is of the deletable persons, as approving all of them works it out.
    expect(dueReviewCounts(register, TODAY)).toEqual({
      asOf: TODAY,
      total: all.length,
      deletable,
      fingerprint: deletableFingerprint(deletableIds),
    });
  });

  it('keeps the order at a page edge where a later day falls due on the same day (31 January + 1 month)', async () => {
    const { register, travelTo } = await registerForThisTest();
    travelTo(TODAY);
    updatePolicy(register, 'inactive', { period: { amount: 1, unit: 'months' } });
    // The lower id counts from 3 February, the higher from 31 January: both due 3 March 2025.
    const [lower, higher] = ['2025-02-03', '2025-01-31'].map((lastActivityOn, i) => {
      const { id } = createPerson(register, person({ email: `edge${i}@example.fi` }));
      writableDb(register)
        .update(persons)
        .set({ lastActivityOn })
        .where(inArray(persons.id, [id]))
        .run();
      return id;
    });
    expect(dueForReview(register, TODAY).map((d) => [d.personId, d.dueOn])).toEqual([
      [lower, '2025-03-03'],
      [higher, '2025-03-03'],
    ]);
    expect(dueReviewPage(register, { offset: 0, limit: 1 }, TODAY).rows.map((d) => d.personId)).toEqual([lower]);
    expect(dueReviewPage(register, { offset: 1, limit: 1 }, TODAY).rows.map((d) => d.personId)).toEqual([higher]);
    const after = { dueOn: '2025-03-03', personId: lower! };
    expect(dueReviewPage(register, { offset: 0, limit: 1, after }, TODAY).rows.map((d) => d.personId)).toEqual([
      higher,
    ]);
  });

  it('gives a person due the same day under several policies to the first rule, then the first key', async () => {
    const { register, travelTo } = await registerForThisTest();
    travelTo(TODAY);
    /** Another 'inactive' policy of the same period, which anonymises. */
    const addAnonymising = (key: string) => {
      addPolicy(register, {
        key,
        kind: 'enforced',
        rule: 'inactive',
        period: { amount: 60, unit: 'months' },
        kindKeys: [],
        text: null,
      });
      updatePolicy(register, key, { action: 'anonymise' });
    };
    // Added after 'inactive', and first by key: a choice by the order the rows come in fails.
    addAnonymising('a-inactive');
    // Passive and inactive from the same day: due the same day under all three policies.
    const ids = ['2019-06-15', '2020-02-29'].map((day, i) => {
      const { id } = createPerson(register, person({ email: `tie${i}@example.fi` }));
      writableDb(register)
        .update(persons)
        .set({ status: 'passive', lastActivityOn: day, passivatedOn: day })
        .where(inArray(persons.id, [id]))
        .run();
      return id;
    });
    const expected = [
      [ids[0], 'a-inactive', 'inactive', '2024-06-15', 'anonymise'],
      [ids[1], 'a-inactive', 'inactive', '2025-03-01', 'anonymise'],
    ];
    const shown = (rows: DueForReview[]) => rows.map((d) => [d.personId, d.policyKey, d.rule, d.dueOn, d.action]);
    expect(shown(dueForReview(register, TODAY))).toEqual(expected);
    expect(shown(dueReviewPage(register, { offset: 0, limit: 2 }, TODAY).rows)).toEqual(expected);
    // Without it, the passive rule's policy and the inactive one tie: the rule named first wins.
    removePolicy(register, 'a-inactive');
    expect(shown(dueReviewPage(register, { offset: 0, limit: 2 }, TODAY).rows).map((row) => row[1])).toEqual([
      'inactive',
      'inactive',
    ]);
    // The same rules and periods in the same places, but the new key comes after 'inactive': the
    // page, read again on the same connection, follows the keys (as the approval does).
    addAnonymising('z-inactive');
    const again = dueForReview(register, TODAY);
    expect(again.map((d) => d.policyKey)).toEqual(['inactive', 'inactive']);
    expect(shown(dueReviewPage(register, { offset: 0, limit: 2 }, TODAY).rows)).toEqual(shown(again));
  });

  it('approves everyone nothing holds only while they are the ones the owner saw, on the day she saw them', async () => {
    const register = await varied();
    const before = dueForReview(register);
    const deletable = before.filter((d) => d.holds.length === 0).map((d) => d.personId);
    const held = before.filter((d) => d.holds.length > 0).map((d) => d.personId);
    const page = dueReviewCounts(register);
    expect(page.deletable).toBe(deletable.length);
    const refused = (seen: { asOf: string; fingerprint: string }) => {
      try {
        approveAllDeletable(register, seen);
      } catch (e) {
        return e instanceof KaappiError ? e.code : e;
      }
      return 'approved';
    };

    // Seen yesterday: the day has turned since.
    expect(refused({ asOf: '2026-12-05', fingerprint: page.fingerprint })).toBe('RETENTION_DUE_CHANGED');
    // One she saw is now held and another has fallen due: as many as she saw, but not the same.
    addHold(register, deletable[0]!, { kind: 'manual', reason: 'Riita', until: null });
    const newcomer = createPerson(register, person({ email: 'uusi@example.fi' })).id;
    writableDb(register)
      .update(persons)
      .set({ lastActivityOn: '2015-01-01' })
      .where(inArray(persons.id, [newcomer]))
      .run();
    const after = dueReviewCounts(register);
    expect(after.deletable).toBe(page.deletable);
    expect(after.fingerprint).not.toBe(page.fingerprint);
    const unchanged = dueForReview(register);
    expect(refused({ asOf: page.asOf, fingerprint: page.fingerprint })).toBe('RETENTION_DUE_CHANGED');
    expect(dueForReview(register)).toEqual(unchanged);

    // Approved as she sees them now: exactly those, and the held stay.
    const result = approveAllDeletable(register, after);
    const expected = [...deletable.slice(1), newcomer].sort((a, b) => a - b);
    expect(result.erased.sort((a, b) => a - b)).toEqual(expected);
    expect(result.held).toEqual([]);
    expect(
      dueForReview(register)
        .map((d) => d.personId)
        .sort((a, b) => a - b),
    ).toEqual([...held, deletable[0]!].sort((a, b) => a - b));
    expect(dueReviewCounts(register)).toMatchObject({ deletable: 0 });
  });
});
