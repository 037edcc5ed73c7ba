// Every text that comes in through the contract refuses control and bidi characters, on one line
// or (free text) keeping only line feeds and tabs; found by walking each channel's input schema, so
// a channel added later without the rule fails here.
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract, fields, validate } from '../../src-shared/contract';
import { newPassword } from '../../src-shared/contract/new-password';
import { personChanges } from '../../src-shared/contract/register-fields';

interface TextLeaf {
  path: string;
  schema: z.ZodType;
}

// zod 4 keeps a schema's structure in _zod.def; this walk reads only the kinds the contract uses.
interface Def {
  type: string;
  [key: string]: unknown;
}
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;
const takesText = (schema: unknown): boolean => {
  const def = defOf(schema);
  return def.type === 'string' || (def.type === 'pipe' && takesText(def.in));
};

function textLeaves(schema: z.ZodType, path: string, out: TextLeaf[] = []): TextLeaf[] {
  const def = defOf(schema);
  const walk = (inner: unknown, at = path) => textLeaves(inner as z.ZodType, at, out);
  switch (def.type) {
    case 'string':
      out.push({ path, schema });
      break;
    case 'pipe':
      // A text checked and then transformed (a phone number to E.164) is one leaf; a preprocess is not.
      if (takesText(def.in)) out.push({ path, schema });
      else {
        walk(def.in);
        walk(def.out);
      }
      break;
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) walk(value, `${path}.${key}`);
      break;
    case 'array':
      walk(def.element, `${path}[]`);
      break;
    case 'record':
      walk(def.keyType, `${path}{key}`);
      walk(def.valueType, `${path}{}`);
      break;
    case 'union':
      for (const option of def.options as unknown[]) walk(option);
      break;
    case 'intersection':
      walk(def.left);
      walk(def.right);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      walk(def.innerType);
      break;
  }
  return out;
}

/** Values some text field accepts: a name, a web address, a phone number, a date, a key… */
const SAMPLES = ['Matti', 'www.example.fi', 'matti@example.fi', '040 123 4567', 'FI', '2026-05-01', 'key_1', 'QUJD'];
const UNSAFE = {
  ESC: '\u001b',
  BEL: '\u0007',
  NUL: '\u0000',
  CR: '\r',
  DEL: '\u007f',
  'C1 NEL': '\u0085',
  'C1 CSI': '\u009b',
  RLO: '\u202e',
  LRE: '\u202a',
  RLI: '\u2067',
  PDI: '\u2069',
};
const insert = (text: string, char: string) => `${text.slice(0, 1)}${char}${text.slice(1)}`;

const leaves = Object.entries(contract).flatMap(([name, channel]) =>
  // Passwords are never shown or stored as text, so no character in one can drive a screen; one at
  // login is any text (fields.ts says why).
  textLeaves(channel.input, name).filter((leaf) => leaf.schema !== fields.password && leaf.schema !== newPassword),
);

describe('text at the contract', () => {
  it('finds the text fields of the channels it walks (the walk itself works)', () => {
    const paths = leaves.map((leaf) => leaf.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'persons.create.person.firstName',
        'persons.create.person.phone',
        'persons.create.person.notes',
        'imports.run.mapping{key}',
        'notice.updateSettings.notice.processors[].name',
        'requests.receive.attachments[].fileName',
      ]),
    );
    expect(paths.length).toBeGreaterThan(150);
  });

  it('every text field of every channel refuses C0 and C1 controls, DEL and bidi embeddings, overrides and isolates', () => {
    const accepted: string[] = [];
    for (const leaf of leaves) {
      const sample = SAMPLES.find((text) => leaf.schema.safeParse(text).success) ?? 'Matti';
      for (const [name, char] of Object.entries(UNSAFE)) {
        if (leaf.schema.safeParse(insert(sample, char)).success) accepted.push(`${leaf.path} accepts ${name}`);
      }
    }
    expect(accepted).toEqual([]);
  });

  it('only free text with lines (notes, summaries, reasons, notice prose) keeps line feeds and tabs', () => {
    const withLines = new Set<string>();
    for (const leaf of leaves) {
      const sample = SAMPLES.find((text) => leaf.schema.safeParse(text).success);
      if (!sample) continue;
      const newline = leaf.schema.safeParse(insert(sample, '\n')).success;
      const tab = leaf.schema.safeParse(insert(sample, '\t')).success;
      expect(newline, `${leaf.path}: line feed and tab go together`).toBe(tab);
      // Named without the channel (two channels carry the notice) and the language of a notice text.
      if (newline) withLines.add(leaf.path.replace(/^[^.]+\.[^.]+\./, '').replace(/\.(fi|en)$/, ''));
    }
    expect([...withLines].sort()).toEqual([
      'body',
      'changes.notes',
      'changes[].evidence',
      'note',
      'notice.cookies.text',
      'notice.disclosures',
      'notice.informing',
      'notice.introduction',
      'notice.legalBases.balancingNote',
      'notice.legalBases.explanation',
      'notice.noticeLocation',
      'notice.processors[].location',
      'notice.processors[].receives',
      'notice.processors[].safeguard',
      'notice.retention',
      'notice.security.electronic',
      'notice.security.manual',
      'notice.sources',
      'notice.systems',
      'notice.transfers',
      'person.notes',
      'purposes',
      'reason',
      'summary',
    ]);
  });

  it('says what is wrong in the user’s language, naming the field, not in zod’s words', () => {
    const person = { firstName: 'Matti\u001b]0;pwned\u0007', lastName: 'Mäki\u202enen', kindKey: 'customer' };
    const fi = validate(personChanges, person, 'fi');
    const en = validate(personChanges, person, 'en');
    expect(fi).toEqual({
      ok: false,
      fields: [
        { path: 'firstName', message: expect.stringMatching(/^Kentässä on rivinvaihto, sarkain, muu ohjausmerkki/) },
        { path: 'lastName', message: expect.stringMatching(/^Kentässä on rivinvaihto/) },
      ],
    });
    expect(en).toMatchObject({
      ok: false,
      fields: [
        { path: 'firstName', message: expect.stringMatching(/^The field contains a line break, tab, other/) },
        { path: 'lastName', message: expect.stringMatching(/^The field contains/) },
      ],
    });
    const notes = validate(personChanges, { ...person, firstName: 'Matti', lastName: 'Mäki', notes: 'a\u0007' }, 'en');
    expect(notes).toMatchObject({
      ok: false,
      fields: [
        { path: 'notes', message: expect.stringMatching(/^The text contains a control character.*tabs may stay\.$/) },
      ],
    });
  });

  it('trims a pasted trailing line break from a one-line field instead of refusing it', () => {
    expect(
      validate(personChanges, { firstName: 'Matti\n', lastName: '\tMäki', kindKey: 'customer' }, 'fi'),
    ).toMatchObject({ ok: true, value: { firstName: 'Matti', lastName: 'Mäki' } });
  });
});
