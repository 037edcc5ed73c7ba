import { describe, expect, it } from 'vitest';
import { recordConsents } from '../../src-main/core/consents';
import {
  createPerson,
  passivatePersons,
  searchPersons,
  SORTABLE,
  type PageCursor,
  type PersonQuery,
} from '../../src-main/core/persons';
import { person } from '../fixtures/people';
import { registerForThisTest } from '../fixtures/for-this-test';

async function setup() {
  return (await registerForThisTest()).register;
}

type Register = Awaited<ReturnType<typeof setup>>;

const FIRST = ['Aino', 'Eero', 'Väinö', 'Aino', 'Pirjo', 'Ville', 'Hanna'];
const LAST = ['Mäkinen', 'Jääskeläinen', 'Virtanen', 'Mäkinen', 'Laine'];
const CITIES = ['Jyväskylä', null, 'Tampere', 'Oulu', null];

/** 21 persons with equal names, missing emails and cities, so ties and NULLs are on every sort. */
function population(register: Register): number[] {
  return Array.from(
    { length: 21 },
    (_, i) =>
      createPerson(
        register,
        person({
          firstName: FIRST[i % FIRST.length]!,
          lastName: LAST[i % LAST.length]!,
          email: i % 3 === 0 ? null : `henkilo${i}@example.fi`,
          phone: null,
          city: CITIES[i % CITIES.length]!,
        }),
      ).id,
  );
}

/** Every page of `query` by cursor, `size` rows at a time. */
function byCursor(register: Register, query: Omit<PersonQuery, 'offset' | 'limit'>, size: number): number[] {
  const ids: number[] = [];
  let after: PageCursor | undefined;
  for (let pages = 0; pages < 100; pages++) {
    // Later pages uncounted, as the table asks for them: that also takes the walk of the sort index.
    const page = searchPersons(register, {
      ...query,
      offset: 0,
      limit: size,
      ...(after ? { after, count: false } : {}),
    });
    ids.push(...page.rows.map((row) => row.id));
    if (!page.next) return ids;
    after = page.next;
  }
  throw new Error('paging did not end');
}

describe('contacts table pages', () => {
  it('by cursor are the same rows in the same order as one long page, on every sort both ways', async () => {
    const register = await setup();
    population(register);
    for (const column of SORTABLE) {
      for (const direction of ['asc', 'desc'] as const) {
        const query = { sort: { column, direction } };
        const whole = searchPersons(register, { ...query, offset: 0, limit: 100 });
        expect(whole.rows).toHaveLength(21);
        expect(byCursor(register, query, 4), `${column} ${direction}`).toEqual(whole.rows.map((row) => row.id));
        // A jump by offset lands where the cursor pages do.
        const jump = searchPersons(register, { ...query, offset: 8, limit: 4 });
        expect(jump.rows.map((row) => row.id)).toEqual(whole.rows.slice(8, 12).map((row) => row.id));
      }
    }
  });

  it('by cursor keep a view filter, and skip the count when asked to', async () => {
    const register = await setup();
    const ids = population(register);
    recordConsents(register, ids[2]!, [
      { subject: 'email', granted: true, method: 'form', evidence: 'Lomakkeen suostumusteksti' },
    ]);
    passivatePersons(register, ids.slice(0, 10), '2020-01-15');
    for (const filters of [{ noConsent: true }, { passiveForYears: 4 }, { statuses: ['passive' as const] }]) {
      const whole = searchPersons(register, { filters, offset: 0, limit: 100 });
      expect(byCursor(register, { filters }, 3)).toEqual(whole.rows.map((row) => row.id));
      const uncounted = searchPersons(register, { filters, offset: 0, limit: 3, count: false });
      expect(uncounted.total).toBeNull();
      expect(uncounted.rows).toEqual(whole.rows.slice(0, 3));
    }
    expect(searchPersons(register, { filters: { noConsent: true }, offset: 0, limit: 100 }).total).toBe(20);
  });

  it('answer each call with its own values, the query being built once per shape', async () => {
    const register = await setup();
    const ids = population(register);
    passivatePersons(register, ids.slice(0, 10), '2020-01-15');
    const lastNames = (query: Omit<PersonQuery, 'offset' | 'limit'>) =>
      new Set(searchPersons(register, { ...query, offset: 0, limit: 100 }).rows.map((row) => row.lastName));
    expect(lastNames({ text: 'Mäkinen' })).toEqual(new Set(['Mäkinen']));
    expect(lastNames({ text: 'Laine' })).toEqual(new Set(['Laine']));
    const passive = (years: number) =>
      searchPersons(register, { filters: { passiveForYears: years }, offset: 0, limit: 100 }).total;
    expect([passive(4), passive(8)]).toEqual([10, 0]);
    const restricted = (value: boolean) =>
      searchPersons(register, { filters: { restricted: value, statuses: ['active'] }, offset: 0, limit: 100 }).total;
    expect([restricted(false), restricted(true)]).toEqual([11, 0]);
  });

  it('refuse a cursor whose key does not fit the sort', async () => {
    const register = await setup();
    population(register);
    expect(() =>
      searchPersons(register, {
        offset: 0,
        limit: 5,
        sort: { column: 'email', direction: 'asc' },
        after: { key: ['a', 'b'], id: 1 },
      }),
    ).toThrow('INVALID_INPUT');
  });
});
