// `kaappi export-subject` as a user runs it: the real command in a child process on a real
// encrypted register, writing a real package folder.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src-main/core/audit';
import { ManualClock } from '../../src-main/core/clock';
import { addOrder, createPerson } from '../../src-main/core/persons';
import { createRegister, unlockRegister } from '../../src-main/core/register';
import { addUser } from '../../src-main/core/users';
import { person } from '../fixtures/people';
import { OWNER, tempDir, testDeps } from '../fixtures/register';
import { runCli } from './run-cli';

const READER = {
  username: 'lukija',
  displayName: 'Lauri Lukija',
  role: 'readonly' as const,
  password: 'Lukee-Vain-Kirjoja-51',
  confidentialitySignedOn: '2026-02-01',
};
const PACKAGE_PASSWORD = 'Kuusi-Kissaa-Katolla-77';

const cleanups: Array<() => void> = [];
afterAll(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function registerWithVäinö() {
  const { dir, cleanup } = tempDir('kaappi-cli-export-');
  cleanups.push(cleanup);
  const path = join(dir, 'asiakasrekisteri.kaappi');
  const { register } = await createRegister(path, OWNER, testDeps({ clock: new ManualClock(new Date()) }));
  let väinö: number;
  try {
    await addUser(register, READER);
    väinö = createPerson(
      register,
      person({ firstName: 'Väinö', lastName: 'Jääskeläinen', email: 'vaino.jaaskelainen@example.fi' }),
    ).id;
    addOrder(register, väinö, {
      orderedOn: '2026-01-15',
      description: 'Hieronta 60 min',
      amountCents: 6_500,
      invoiceStatus: 'paid',
    });
  } finally {
    register.close();
  }
  const run =
    (user: { username: string; password: string }, env: Record<string, string> = {}) =>
    (...args: string[]) =>
      runCli(['export-subject', ...args, '--register', path, '--user', user.username], {
        KAAPPI_PASSWORD: user.password,
        ...env,
      });
  return { dir, path, väinö, owner: run(OWNER), reader: run(READER), run };
}

describe.concurrent('kaappi export-subject', () => {
  it('writes the package of the person named by email (any case), with checksums that verify', async () => {
    const { dir, owner, path, väinö } = await registerWithVäinö();
    const out = join(dir, 'usb');
    const result = await owner('--person', 'VAINO.Jaaskelainen@example.fi', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [folder] = readdirSync(out);
    expect(folder).toMatch(/^kaappi-subject-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}$/);
    expect(result.stdout).toContain(`Data package written: ${join(out, folder!)}`);
    expect(result.stdout).toMatch(/ {2}report\.pdf {2}\d+ bytes/);
    const data = JSON.parse(readFileSync(join(out, folder!, 'data.json'), 'utf8'));
    expect(data.person).toMatchObject({ firstName: 'Väinö', lastName: 'Jääskeläinen' });
    expect(data.orders).toHaveLength(1);
    const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(out, folder!), encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);

    const opened = await unlockRegister(path, { username: OWNER.username, password: OWNER.password }, testDeps());
    try {
      const exported = listAudit(opened.db, 10).find((row) => row.action === 'subject.exported');
      expect(exported).toMatchObject({ targetId: String(väinö) });
      expect(JSON.parse(exported!.details)).toMatchObject({ encrypted: false, requestId: null });
    } finally {
      opened.close();
    }
  });

  it('with --password writes one encrypted zip, the password taken from KAAPPI_PACKAGE_PASSWORD', async () => {
    const { dir, run, väinö } = await registerWithVäinö();
    const out = join(dir, 'usb');
    const result = await run(OWNER, { KAAPPI_PACKAGE_PASSWORD: PACKAGE_PASSWORD, KAAPPI_LANG: 'fi' })(
      '--person',
      String(väinö),
      '--out',
      out,
      '--password',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('AES-256-salatussa zip-tiedostossa');
    const [folder] = readdirSync(out);
    expect(readdirSync(join(out, folder!)).sort()).toEqual(['SHA256SUMS', `${folder}.zip`]);
  });

  it('asks for a package password it cannot get as a usage error, and writes nothing', async () => {
    const { dir, owner, väinö } = await registerWithVäinö();
    const out = join(dir, 'usb');
    const result = await owner('--person', String(väinö), '--out', out, '--password');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('KAAPPI_PACKAGE_PASSWORD');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a read-only user, and a person who is not in the register', async () => {
    const { dir, owner, reader, väinö } = await registerWithVäinö();
    const out = join(dir, 'usb');
    const refused = await reader('--person', String(väinö), '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    const missing = await owner('--person', 'nobody@example.fi', '--out', out);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^kaappi: .+\n$/);
  });
});
