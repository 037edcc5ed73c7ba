// The layer rules in eslint.config.js, tried on deliberate crossings: each fixture lints as if it sat
// at its path, so a rule that stopped matching (a typo in a regex, a glob that misses) fails here.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

interface Fixture {
  path: string;
  code: string;
}

const CROSSINGS: Fixture[] = [
  {
    path: 'src-renderer/screens/x/Crossing.tsx',
    code: "import { openRegister } from '../../../src-main/core/register';",
  },
  { path: 'src-renderer/app/crossing.ts', code: "import { contract } from '../../src-main/ipc/registry';" },
  { path: 'src-renderer/app/crossing.ts', code: "import { readFileSync } from 'node:fs';" },
  { path: 'src-shared/crossing.ts', code: "import { KaappiError } from '../src-main/core/errors';" },
  { path: 'src-shared/contract/crossing.ts', code: "import { t } from '../../src-renderer/i18n';" },
  { path: 'src-shared/crossing.ts', code: "import { sql } from 'drizzle-orm';" },
  { path: 'src-shared/crossing.ts', code: "import Database from 'better-sqlite3-multiple-ciphers';" },
  { path: 'src-shared/crossing.ts', code: "import { app } from 'electron';" },
  { path: 'src-main/core/persons/crossing.ts', code: "import { createRegistry } from '../../ipc/registry';" },
  { path: 'src-main/core/persons/crossing.ts', code: "import { BrowserWindow } from 'electron';" },
  { path: 'src-main/db/crossing.ts', code: "import { searchPersons } from '../core/persons';" },
  { path: 'src-main/ipc/crossing.ts', code: "import { App } from '../../src-renderer/app/App';" },
];

const ALLOWED: Fixture[] = [
  { path: 'src-renderer/app/allowed.ts', code: "import { contract } from '../../src-shared/contract';" },
  { path: 'src-main/core/persons/allowed.ts', code: "import { KaappiError } from '../../../src-shared/errors';" },
  { path: 'src-main/db/allowed.ts', code: "import { LANGUAGES } from '../../src-shared/errors';" },
  { path: 'src-main/ipc/allowed.ts', code: "import { searchPersons } from '../core/persons';" },
];

async function restrictedImports(fixture: Fixture): Promise<string[]> {
  const [result] = await eslint.lintText(`${fixture.code}\nexport const used = 1;\n`, { filePath: fixture.path });
  const messages = result?.messages ?? [];
  // A parse error would also be "an error"; only the layer rule counts.
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries', () => {
  it.each(CROSSINGS)('refuses $code in $path', async (fixture) => {
    expect(await restrictedImports(fixture)).toHaveLength(1);
  });

  it.each(ALLOWED)('allows $code in $path', async (fixture) => {
    expect(await restrictedImports(fixture)).toEqual([]);
  });
});
