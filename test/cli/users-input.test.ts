// `kaappi users add` and `kaappi init` refuse a confidentiality date outside 1900…today, naming
// the option, before a register is opened or made.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWNER } from '../fixtures/register';
import { foldersForThisFile, registerOnDisk } from './cli-register';
import { runCli } from './run-cli';

const newFolder = foldersForThisFile('kaappi-cli-users-');

async function register() {
  const dir = newFolder();
  return { dir, path: await registerOnDisk(dir) };
}

const addEero = (path: string, date: string, language: 'fi' | 'en') =>
  runCli(
    [
      ...['users', 'add', '--register', path, '--user', OWNER.username, '--username', 'eero'],
      ...['--display-name', 'Eero Jääskeläinen', '--role', 'staff', '--confidentiality-date', date],
    ],
    { KAAPPI_PASSWORD: OWNER.password, KAAPPI_NEW_PASSWORD: 'Jooga-Aamu-Sali-42', KAAPPI_LANG: language },
  );

describe.concurrent('confidentiality dates on the command line', () => {
  it('users add refuses 0000-01-01 as a bad option and 9999-12-31 as a date in the future', async () => {
    const { path } = await register();
    const early = await addEero(path, '0000-01-01', 'fi');
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/^kaappi: --confidentiality-date: Päivämäärä ei voi olla ennen vuotta 1900\.\n/);
    const late = await addEero(path, '9999-12-31', 'en');
    expect(late.code).toBe(1);
    expect(late.stderr).toBe('kaappi: --confidentiality-date: The date cannot be in the future.\n');
    const users = await runCli(['users', 'list', '--json', '--register', path, '--user', OWNER.username], {
      KAAPPI_PASSWORD: OWNER.password,
    });
    expect((JSON.parse(users.stdout) as unknown[]).length).toBe(1);
  });

  it('init refuses an owner’s date in the future and makes no register', async () => {
    const { dir } = await register();
    const path = join(dir, 'uusi.kaappi');
    const run = await runCli(['init', '--register', path, '--owner', 'aino', '--confidentiality-date', '2999-01-01'], {
      KAAPPI_PASSWORD: OWNER.password,
      KAAPPI_LANG: 'fi',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('kaappi: --confidentiality-date: Päivämäärä ei voi olla tulevaisuudessa.\n');
    expect(existsSync(path)).toBe(false);
  });
});
