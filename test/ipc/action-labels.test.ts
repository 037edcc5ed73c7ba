// Every audit action main writes has words in both UI languages: the dashboard, the audit view and
// the person's trail otherwise show the raw code ("notice.checklist_confirmed").
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The renderer's own modules, loaded at run time: the node project does not type-check the renderer.
type Label = (messages: unknown, action: string) => string;
const renderer = (path: string) => import(join(process.cwd(), 'src-renderer', path));
const { actionLabel } = (await renderer('components/actionLabel.ts')) as { actionLabel: Label };
const { fi } = (await renderer('i18n/fi.ts')) as { fi: unknown };
const { en } = (await renderer('i18n/en.ts')) as { en: unknown };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** The action codes written as literals next to `action:` (audit calls and their ternaries). */
function auditedActions(): string[] {
  const found = new Set<string>();
  for (const file of sourceFiles(join(process.cwd(), 'src-main'))) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/action: ([^,\n})]+)/g)) {
      for (const code of match[1]!.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) found.add(code[1]!);
    }
  }
  return [...found].sort();
}

describe('audit action labels', () => {
  it('finds the actions it checks', () => {
    expect(auditedActions()).toEqual(expect.arrayContaining(['person.created', 'notice.checklist_confirmed']));
    expect(auditedActions().length).toBeGreaterThan(60);
  });

  it.each([
    ['fi', fi],
    ['en', en],
  ] as const)('has a %s label for each', (_language, messages) => {
    const raw = auditedActions().filter((action) => actionLabel(messages, action) === action);
    expect(raw).toEqual([]);
  });
});
