// No zod wording reaches a person: every channel's input, given missing, blank, mistyped, too long and
// out-of-range values, is refused in Kaappi's own words in both languages. Walks the contract, so a
// channel added later is covered too.
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract, validate } from '../../src-shared/contract';

/** What zod's own messages (and its fi locale's) say; none of it may show. */
const ZOD_WORDING =
  /expected|received|invalid (input|option|string|email|iso)|too (big|small)|unrecognized|>=|<=|liian (suuri|pieni)|virheellinen|odotettiin|tunnistamaton|merkkijono/i;

const shapeOf = (schema: unknown): Record<string, unknown> | null => {
  const def = (schema as { _zod: { def: { type: string; shape?: Record<string, unknown> } } })._zod.def;
  return def.type === 'object' ? (def.shape ?? null) : null;
};

function badInputs(schema: z.ZodType): unknown[] {
  const keys = Object.keys(shapeOf(schema) ?? {});
  const each = (value: unknown) => Object.fromEntries(keys.map((key) => [key, value]));
  return [
    null,
    {},
    { unknownKey: 1 },
    each(''),
    each(' '),
    each(123.5),
    each(-1),
    each(1e15),
    each('x'.repeat(100_001)),
    each('ei-kelpaa'),
    each([]),
    each(Array.from({ length: 10_001 }, () => 'x')),
    each(true),
  ];
}

describe('field messages', () => {
  for (const language of ['fi', 'en'] as const) {
    it(`are Kaappi's own words for every channel (${language})`, () => {
      const seen = new Set<string>();
      for (const [channel, spec] of Object.entries(contract)) {
        for (const input of badInputs(spec.input)) {
          const result = validate(spec.input, input, language);
          if (result.ok) continue;
          for (const issue of result.fields) {
            seen.add(issue.message);
            expect(issue.message, `${channel} ${issue.path}`).not.toMatch(ZOD_WORDING);
            expect(issue.message.trim(), `${channel} ${issue.path}`).not.toBe('');
          }
        }
      }
      // The walk really reached the checks (a broken walk would pass with nothing seen).
      expect(seen.size).toBeGreaterThan(10);
      expect([...seen]).toContain(language === 'fi' ? 'Täytä tämä kenttä.' : 'Fill in this field.');
    });
  }

  it('name the limit in plain words', () => {
    const text = contract['persons.create'].input;
    const result = validate(text, { person: { firstName: 'x'.repeat(500) } }, 'fi');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.fields.find((f) => f.path === 'person.firstName')?.message).toMatch(
        /^Teksti on liian pitkä: enintään \d+ merkkiä\.$/,
      );
    }
  });
});
