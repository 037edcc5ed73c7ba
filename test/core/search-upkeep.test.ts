import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createPerson, searchPersons } from '../../src-main/core/persons';
import { insertSearchEntries, searchEntry } from '../../src-main/core/persons/search-index';
import {
  mergeSearchIndexStep,
  searchIndexNeedsMerge,
  searchIndexSegments,
} from '../../src-main/core/persons/search-upkeep';
import type { UnlockedRegister } from '../../src-main/core/register';
import { person } from '../fixtures/people';
import { registerForThisTest } from '../fixtures/for-this-test';
import { writableDb } from '../fixtures/writable';

function addPersons(register: UnlockedRegister, from: number, count: number) {
  // One transaction each, as persons are added by hand: each writes a segment of its own.
  for (let i = from; i < from + count; i++) {
    createPerson(register, person({ firstName: `Aino${i}`, lastName: 'Virtanen', email: `aino.${i}@example.fi` }));
  }
}

async function registerWithPersons(count: number) {
  const created = await registerForThisTest();
  addPersons(created.register, 0, count);
  return created.register;
}

const found = (register: UnlockedRegister, text: string) =>
  searchPersons(register, { text, offset: 0, limit: 100 }).rows.map((row) => row.id);

function mergeAll(register: UnlockedRegister): number {
  let steps = 0;
  while (register.transaction((db) => mergeSearchIndexStep(db, steps > 0))) steps++;
  return steps;
}

describe('the search index upkeep', () => {
  it('merges an index of many segments into one, and every search finds what it found before', async () => {
    const register = await registerWithPersons(40);
    expect(searchIndexNeedsMerge(searchIndexSegments(register.db))).toBe(true);
    const before = ['virtanen', 'aino17', 'example', 'aino.3'].map((text) => found(register, text));
    expect(before[0]).toHaveLength(40);
    expect(mergeAll(register)).toBeGreaterThan(0);
    expect(searchIndexSegments(register.db)).toHaveLength(1);
    expect(['virtanen', 'aino17', 'example', 'aino.3'].map((text) => found(register, text))).toEqual(before);
    // FTS5's own check of the index against its content: throws if they disagree.
    writableDb(register).run(sql`INSERT INTO persons_fts (persons_fts) VALUES ('integrity-check')`);
  });

  it('leaves alone a large segment with a few small ones added since', async () => {
    const register = await registerWithPersons(0);
    // One large segment: 5,000 entries written in one transaction, as an import writes them.
    register.transaction((db) =>
      insertSearchEntries(
        db,
        Array.from({ length: 5000 }, (_, i) =>
          searchEntry(10_000 + i, { firstName: `Testi${i}`, lastName: 'Henkilö', email: `t.${i}@example.fi` }, ''),
        ),
      ),
    );
    addPersons(register, 0, 3);
    const segments = searchIndexSegments(register.db);
    expect(segments).toHaveLength(4);
    expect(mergeAll(register)).toBe(0);
    expect(searchIndexSegments(register.db)).toEqual(segments);
    // The same small segments beside a smaller one are worth merging.
    expect(searchIndexNeedsMerge([20, 1, 1, 1])).toBe(true);
  });
});
