import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createPerson, searchPersons } from '../../src-main/core/persons';
import {
  MERGE_FROM_SEGMENTS,
  mergeSearchIndexStep,
  searchIndexSegments,
} from '../../src-main/core/persons/search-upkeep';
import type { UnlockedRegister } from '../../src-main/core/register';
import { person } from '../fixtures/people';
import { newRegister } from '../fixtures/register';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function registerWithPersons(count: number) {
  const created = await newRegister();
  cleanup = () => {
    created.register.close();
    created.cleanup();
  };
  // One transaction each, as persons are added by hand: each writes a segment of its own.
  for (let i = 0; i < count; i++) {
    createPerson(
      created.register,
      person({ firstName: `Aino${i}`, lastName: 'Virtanen', email: `aino.${i}@example.fi` }),
    );
  }
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
    expect(searchIndexSegments(register.db)).toBeGreaterThanOrEqual(MERGE_FROM_SEGMENTS);
    const before = ['virtanen', 'aino17', 'example', 'aino.3'].map((text) => found(register, text));
    expect(before[0]).toHaveLength(40);
    expect(mergeAll(register)).toBeGreaterThan(0);
    expect(searchIndexSegments(register.db)).toBe(1);
    expect(['virtanen', 'aino17', 'example', 'aino.3'].map((text) => found(register, text))).toEqual(before);
    // FTS5's own check of the index against its content: throws if they disagree.
    register.db.run(sql`INSERT INTO persons_fts (persons_fts) VALUES ('integrity-check')`);
  });

  it('leaves an index of few segments alone', async () => {
    const register = await registerWithPersons(2);
    const segments = searchIndexSegments(register.db);
    expect(segments).toBeLessThan(MERGE_FROM_SEGMENTS);
    expect(mergeAll(register)).toBe(0);
    expect(searchIndexSegments(register.db)).toBe(segments);
  });
});
