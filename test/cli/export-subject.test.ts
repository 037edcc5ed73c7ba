// `kaappi export-subject` as a user runs it: the real command in a child process on a real
// encrypted register, writing a real package folder.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src-main/core/audit';
import { finnishDate, ManualClock } from '../../src-main/core/clock';
import { addOrder, createPerson } from '../../src-main/core/persons';
import type { UnlockedRegister } from '../../src-main/core/register';
import { receiveRequest } from '../../src-main/core/requests';
import { person } from '../fixtures/people';
import { OWNER, READER } from '../fixtures/register';
import { commandAs, foldersForThisFile, openAsOwner, registerOnDisk } from './cli-register';

const PACKAGE_PASSWORD = 'Kuusi-Kissaa-Katolla-77';

/** A date in Finland `days` before now: the CLI runs on the real clock. */
const daysAgo = (days: number) => finnishDate(new Date(Date.now() - days * 86_400_000));

const newFolder = foldersForThisFile('kaappi-cli-export-');

async function registerWithVäinö() {
  const dir = newFolder();
  let väinö = 0;
  const fill = (register: UnlockedRegister) => {
    väinö = createPerson(
      register,
      person({ firstName: 'Väinö', lastName: 'Jääskeläinen', email: 'vaino.jaaskelainen@example.fi' }),
    ).id;
    // An access request two months old (overdue) and an objection received today.
    for (const [type, receivedOn] of [
      ['access', daysAgo(60)],
      ['objection', daysAgo(0)],
    ] as const) {
      receiveRequest(register, {
        type,
        receivedOn,
        channel: 'letter',
        language: 'fi',
        requesterName: 'Väinö Jääskeläinen',
        requesterContact: 'Kauppakatu 12 B 4, 40100 Jyväskylä',
        body: '',
        personIds: [väinö],
      });
    }
    addOrder(register, väinö, {
      orderedOn: '2026-01-15',
      description: 'Hieronta 60 min',
      amountCents: 6_500,
      invoiceStatus: 'paid',
    });
  };
  const path = await registerOnDisk(dir, { clock: new ManualClock(new Date()), fill, users: [READER] });
  const run = (user: typeof OWNER, env: Record<string, string> = {}, command = ['export-subject']) =>
    commandAs(path, user, env, command);
  return {
    dir,
    path,
    väinö,
    owner: run(OWNER),
    reader: run(READER),
    run,
    inbox: run(READER, {}, ['requests', 'list']),
  };
}

describe('kaappi export-subject', () => {
  it('writes the package of the person named by email (any case), with checksums that verify', async () => {
    const { dir, owner, path, väinö } = await registerWithVäinö();
    const out = join(dir, 'usb');
    const result = await owner('--person', 'VAINO.Jaaskelainen@example.fi', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [folder] = readdirSync(out);
    expect(folder).toMatch(/^kaappi-subject-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}$/);
    expect(result.stdout).toContain(`Data package written: ${join(out, folder!)}`);
    expect(result.stdout).toMatch(/ {2}raportti\.pdf {2}\d+ bytes/);
    const data = JSON.parse(readFileSync(join(out, folder!, 'data.json'), 'utf8'));
    expect(data.person).toMatchObject({ firstName: 'Väinö', lastName: 'Jääskeläinen' });
    expect(data.orders).toHaveLength(1);
    const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(out, folder!), encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);

    const opened = await openAsOwner(path);
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

describe('kaappi requests list', () => {
  it('lists the requests most urgent first, only the overdue with --overdue, and core’s views with --json', async () => {
    const { inbox } = await registerWithVäinö();
    const all = await inbox();
    expect(all.stderr).toBe('');
    expect(all.code).toBe(0);
    const lines = all.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+REQUEST\s+RECEIVED\s+DEADLINE\s+DAYS LEFT\s+STATUS\s+REQUESTER$/);
    expect(lines[1]).toMatch(
      new RegExp(`^1\\s+access request.*${daysAgo(60)}.*OVERDUE\\s+received\\s+Väinö Jääskeläinen$`),
    );
    expect(lines[2]).toMatch(/^2\s+objection to processing\s+\S+\s+\S+\s+\d+\s+received\s+Väinö Jääskeläinen$/);
    expect(lines).toHaveLength(3);

    const overdue = await inbox('--overdue');
    expect(
      overdue.stdout
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((line) => line.split(/\s+/)[0]),
    ).toEqual(['1']);

    const json = JSON.parse((await inbox('--overdue', '--json')).stdout) as Array<{ id: number; urgency: string }>;
    expect(json.map((request) => [request.id, request.urgency])).toEqual([[1, 'overdue']]);
  });
});
