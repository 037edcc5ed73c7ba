import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src-main/core/audit';
import { finnishDate, ManualClock } from '../../src-main/core/clock';
import { addOrder, createPerson, personRecord, searchPersons } from '../../src-main/core/persons';
import { createRegister, type UnlockedRegister } from '../../src-main/core/register';
import { person } from '../fixtures/people';
import { addUsersWithOwnPasswords, OWNER, STAFF, testDeps } from '../fixtures/register';
import { commandAs, foldersForThisFile, okStdout, readAsOwner } from './cli-register';
import { runCli } from './run-cli';

const newFolder = foldersForThisFile('kaappi-cli-retention-');

/** YYYY-MM-DD moved by whole years and days, overflowing as SQLite's date() does (02-29 + 1y = 03-01). */
function shiftDate(date: string, years: number, days = 0): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year + years, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * A register made in-process, with two customers: Ville, with nothing that holds him, and Kerttu,
 * with an open invoice. The default policy deletes five years after the last activity, so both fall
 * due on the fifth anniversary of the day they were added: today's real date, or with `dueToday`
 * a day over five years ago, so that they are due now by the real clock (as --apply sees it).
 */
async function newCliRegister(options: { dueToday?: boolean } = {}) {
  const dir = newFolder();
  const path = join(dir, 'asiakasrekisteri.kaappi');
  const realToday = finnishDate(new Date());
  const addedOn = options.dueToday ? shiftDate(realToday, -5, -1) : realToday;
  const clock = new ManualClock(options.dueToday ? new Date(`${addedOn}T10:00:00Z`) : new Date());
  const today = finnishDate(clock.now());
  // Created five years back: the owner signed on that day, not on the fixture's date still to come.
  const owner = { ...OWNER, confidentialitySignedOn: today };
  const { register } = await createRegister(path, owner, testDeps({ clock }));
  let ville: number;
  let kerttu: number;
  try {
    ville = createPerson(register, person({ firstName: 'Ville', lastName: 'Väänänen', email: 'ville@example.fi' })).id;
    kerttu = createPerson(register, person({ firstName: 'Kerttu', lastName: 'Hölttä', email: 'kerttu@example.fi' })).id;
    addOrder(register, kerttu, {
      orderedOn: today,
      description: 'Hierontasarja 5 × 60 min',
      amountCents: 32_500,
      invoiceStatus: 'open',
    });
  } finally {
    register.close();
  }
  // Users sign their confidentiality agreements in the present.
  clock.set(new Date());
  await addUsersWithOwnPasswords(path, [STAFF], testDeps({ clock }));
  return {
    dir,
    path,
    ville,
    kerttu,
    anniversary: shiftDate(today, 5),
    dayBefore: shiftDate(today, 5, -1),
    owner: commandAs(path, OWNER),
    ownerInFinnish: commandAs(path, OWNER, { KAAPPI_LANG: 'fi' }),
    staff: commandAs(path, STAFF),
    inspect: <T>(look: (register: UnlockedRegister) => T) => readAsOwner(path, look),
  };
}

const lastNames = (register: UnlockedRegister) =>
  searchPersons(register, { offset: 0, limit: 100 })
    .rows.map((row) => row.lastName)
    .sort();

const exists = (register: UnlockedRegister, id: number) => {
  try {
    personRecord(register.db, id);
    return true;
  } catch {
    return false;
  }
};

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

interface RetentionJson {
  due: Array<{ personId: number; firstName: string; lastName: string; rule: string; dueOn: string; holds: unknown[] }>;
  applied?: { erased: number[]; held: Array<{ personId: number; holds: Array<{ kind: string }> }> };
}

describe.concurrent('kaappi retention, erase, backup and restore', () => {
  it('retention --dry-run --now lists persons due on the fifth anniversary, not a day earlier, with their holds in words', async () => {
    const { owner, ownerInFinnish, inspect, ville, kerttu, anniversary, dayBefore } = await newCliRegister();

    expect(okStdout(await owner('retention', '--dry-run', '--now', dayBefore))).toBe(
      `Nobody is due for deletion on ${dayBefore}.\n`,
    );
    expect(JSON.parse(okStdout(await owner('retention', '--dry-run', '--now', dayBefore, '--json')))).toEqual({
      due: [],
    });

    const listed = okStdout(await owner('retention', '--now', anniversary, '--dry-run'));
    expect(listed).toMatch(new RegExp(`${ville}\\s+Ville Väänänen\\s+inactive\\s+${anniversary}\\s+no hold\\n`));
    expect(listed).toMatch(new RegExp(`${kerttu}\\s+Kerttu Hölttä\\s+inactive\\s+${anniversary}\\s+open invoice\\n`));
    expect(listed).toContain(`2 due for deletion on ${anniversary}, 1 of them held. Nothing was deleted (dry run)`);
    expect(okStdout(await ownerInFinnish('retention', '--now', anniversary, '--dry-run'))).toMatch(
      /Kerttu Hölttä\s+ei asiointia\s+\S+\s+avoin lasku\n/,
    );
    // A dry run deletes nobody.
    expect(await inspect(lastNames)).toEqual(['Hölttä', 'Väänänen']);

    const both = await owner('retention', '--now', anniversary, '--dry-run', '--apply');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('choose --dry-run or --apply, not both');
  });

  it('retention --now without --dry-run is a usage error, though a dry run is the default', async () => {
    const { owner, anniversary } = await newCliRegister();
    const alone = await owner('retention', '--now', anniversary);
    expect(alone).toMatchObject({ code: 2, stdout: '' });
    expect(alone.stderr).toContain('--now lists who would be due on another day and needs --dry-run');
  });

  it('retention --now with --apply is refused before login, and nobody is deleted', async () => {
    const { owner, inspect, anniversary } = await newCliRegister();
    const refused = await owner('retention', '--now', anniversary, '--apply');
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toContain('--now lists who would be due on another day and needs --dry-run');
    expect(await inspect(lastNames)).toEqual(['Hölttä', 'Väänänen']);
    const erasures = await inspect((register) =>
      listAudit(register.db, 1000).filter((row) => row.action === 'person.erased'),
    );
    expect(erasures).toEqual([]);
  });

  it('retention --dry-run --now dates the run’s own audit entries by the real clock, not the day looked at', async () => {
    const { owner, inspect, anniversary } = await newCliRegister();
    const before = Date.now();
    expect(okStdout(await owner('retention', '--dry-run', '--now', anniversary))).toContain(
      `2 due for deletion on ${anniversary}`,
    );
    const after = Date.now();
    const rows = await inspect((register) => listAudit(register.db, 1000));
    const login = rows.find((row) => row.action === 'session.login' && Date.parse(row.at) >= before);
    expect(login).toBeDefined();
    expect(Date.parse(login!.at)).toBeLessThanOrEqual(after);
    expect(rows.filter((row) => row.at.startsWith(anniversary.slice(0, 4)))).toEqual([]);
  });

  it('a wrong password with --now counts toward the back-off at the real time, and the back-off holds on any --now day', async () => {
    const { path } = await newCliRegister();
    const guess = (now: string, password: string) =>
      runCli(['retention', '--dry-run', '--now', now, '--register', path, '--user', OWNER.username], {
        KAAPPI_PASSWORD: password,
      });
    const before = Date.now();
    expect(await guess('1900-01-01', 'Arvaus-Yksi-1900')).toMatchObject({
      code: 1,
      stderr: 'kaappi: Wrong username or password.\n',
    });
    const after = Date.now();
    const state = JSON.parse(readFileSync(`${path}.logins`, 'utf8')) as {
      consecutiveFailures: number;
      lastFailureAt: string;
    };
    expect(state.consecutiveFailures).toBe(1);
    expect(Date.parse(state.lastFailureAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(state.lastFailureAt)).toBeLessThanOrEqual(after);

    // Eight failures a moment ago: a 32-second wait, which a later --now day must not skip.
    writeFileSync(
      `${path}.logins`,
      JSON.stringify({ consecutiveFailures: 8, lastFailureAt: new Date().toISOString() }),
    );
    const throttled = await guess('9999-12-31', OWNER.password);
    expect(throttled.code).toBe(1);
    expect(throttled.stderr).toMatch(/^kaappi: Too many failed attempts\. Wait /);
  });

  it('retention --apply deletes the due person without a hold as the owner’s approval, and keeps the held one', async () => {
    const { owner, staff, inspect, ville, kerttu, anniversary } = await newCliRegister({ dueToday: true });
    const refused = await staff('retention', '--apply');
    expect(refused).toMatchObject({ code: 1, stderr: 'kaappi: You are not allowed to do this.\n' });

    const before = Date.now();
    const applied = okStdout(await owner('retention', '--apply'));
    const after = Date.now();
    expect(applied).toContain('Deleted 1, anonymised 0, held 1.\n');

    const erasure = await inspect((register) => {
      expect(exists(register, ville)).toBe(false);
      expect(exists(register, kerttu)).toBe(true);
      return listAudit(register.db, 100).find((row) => row.action === 'person.erased');
    });
    expect(erasure).toMatchObject({ targetId: String(ville), actorUserId: 1 });
    expect(JSON.parse(erasure!.details)).toMatchObject({ reason: 'inactive', automatic: false });
    // Dated by the real clock.
    expect(Date.parse(erasure!.at)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(erasure!.at)).toBeLessThanOrEqual(after);

    const again = JSON.parse(okStdout(await owner('retention', '--apply', '--json'))) as RetentionJson;
    expect(again).toEqual({
      due: [
        {
          personId: kerttu,
          firstName: 'Kerttu',
          lastName: 'Hölttä',
          policyKey: 'inactive',
          rule: 'inactive',
          dueOn: anniversary,
          action: 'delete',
          automatic: false,
          // A debt holds her; the bookkeeping period alone would not (her orders would stay unlinked).
          holds: [{ kind: 'open_invoice' }],
        },
      ],
      applied: {
        erased: [],
        held: [
          {
            personId: kerttu,
            holds: [{ kind: 'open_invoice' }],
          },
        ],
      },
    });
  });

  it('backs up and restores, keeping the live register aside, and a person erased after the backup stays erased', async () => {
    const { dir, path, owner, inspect, kerttu } = await newCliRegister();
    const usb = join(dir, 'usb');
    const backedUp = okStdout(await owner('backup', '--to', usb));
    const manifestPath = /^Backup written and verified: (.+\.manifest\.json)$/m.exec(backedUp)?.[1];
    expect(manifestPath).toBeDefined();
    expect(backedUp).toMatch(/^ {2}persons: 2$/m);
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(JSON.parse(readFileSync(manifestPath!, 'utf8'))).toMatchObject({ appVersion: version });

    expect(okStdout(await owner('erase', '--person', 'ville@example.fi'))).toMatch(/^Erased person \d+\.\n$/);

    const backupFile = manifestPath!.replace(/\.manifest\.json$/, '.kaappi');
    const restored = await runCli(['restore', '--register', path, '--from', backupFile, '--user', OWNER.username], {
      KAAPPI_PASSWORD: OWNER.password,
    });
    const keptAside = /^The register that was in place is kept as: (.+)$/m.exec(okStdout(restored))?.[1];
    expect(keptAside).toMatch(/asiakasrekisteri\.kaappi\.before-restore-\d{8}-\d{6}$/);
    expect(existsSync(keptAside!)).toBe(true);
    expect(restored.stdout).toContain('Persons erased again from the erasure ledgers: 1.');

    expect(await inspect(lastNames)).toEqual(['Hölttä']);
    expect(await inspect((register) => exists(register, kerttu))).toBe(true);

    // Nothing else happens until the owner decides; confirming removes the copy kept aside.
    const blocked = await owner('erase', '--person', 'kerttu@example.fi');
    expect(blocked).toMatchObject({ code: 1 });
    expect(blocked.stderr).toContain('kaappi restore --confirm');
    expect(okStdout(await owner('restore', '--confirm'))).toContain('Restore confirmed');
    expect(existsSync(keptAside!)).toBe(false);
    expect(await owner('restore', '--confirm')).toMatchObject({ code: 1 });
  });

  it('restore --undo puts the register kept aside back in place', async () => {
    const { dir, owner, inspect } = await newCliRegister();
    const usb = join(dir, 'usb');
    const manifestPath = /: (.+\.manifest\.json)$/m.exec(okStdout(await owner('backup', '--to', usb)))![1]!;
    okStdout(await owner('contacts', 'add', '--first-name', 'Saara', '--last-name', 'Myöhäinen'));
    okStdout(await owner('restore', '--from', manifestPath));
    expect(await inspect(lastNames)).toEqual(['Hölttä', 'Väänänen']);
    expect(okStdout(await owner('restore', '--undo'))).toContain('Restore undone');
    expect(await inspect(lastNames)).toEqual(['Hölttä', 'Myöhäinen', 'Väänänen']);
    expect(readdirSync(dir).filter((name) => name.includes('before-restore'))).toEqual([]);
    expect(await owner('restore')).toMatchObject({ code: 2 });
  });

  it('restore refuses a bit-flipped backup with exit 1 and leaves the live register as it was', async () => {
    const { dir, path, owner, inspect } = await newCliRegister();
    const usb = join(dir, 'usb');
    const manifestPath = /: (.+\.manifest\.json)$/m.exec(okStdout(await owner('backup', '--to', usb)))![1]!;
    const backupFile = manifestPath.replace(/\.manifest\.json$/, '.kaappi');
    const bytes = readFileSync(backupFile);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x10;
    writeFileSync(backupFile, bytes);
    const before = [sha256(path), sha256(`${path}.keyring`)];

    const refused = await runCli(['restore', '--register', path, '--from', manifestPath, '--user', OWNER.username], {
      KAAPPI_PASSWORD: OWNER.password,
    });
    expect(refused).toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        'kaappi: The backup is damaged, incomplete or altered. It was not used; the current register is unchanged.\n',
    });
    expect([sha256(path), sha256(`${path}.keyring`)]).toEqual(before);
    expect(readdirSync(dir).filter((name) => name.includes('before-restore') || name.includes('restoring'))).toEqual(
      [],
    );
    expect(await inspect(lastNames)).toEqual(['Hölttä', 'Väänänen']);
  });

  it('erases a person named by email as an erasure request, and refuses one with an open invoice, saying why', async () => {
    const { path, owner, staff, inspect, ville, kerttu } = await newCliRegister();
    const notOwner = await staff('erase', '--person', 'ville@example.fi');
    expect(notOwner).toMatchObject({ code: 1, stderr: 'kaappi: You are not allowed to do this.\n' });

    expect(okStdout(await owner('erase', '--person', 'Ville@Example.FI'))).toBe(`Erased person ${ville}.\n`);
    const erasure = await inspect((register) => {
      expect(exists(register, ville)).toBe(false);
      return listAudit(register.db, 100).find((row) => row.action === 'person.erased');
    });
    expect(erasure).toMatchObject({ targetId: String(ville) });
    expect(JSON.parse(erasure!.details)).toMatchObject({ reason: 'request' });
    expect(readFileSync(`${path}.erasures`, 'utf8').trim().split('\n')).toHaveLength(1);

    const held = await owner('erase', '--person', String(kerttu));
    expect(held.code).toBe(1);
    expect(held.stderr).toMatch(
      new RegExp(`^kaappi: Person ${kerttu} was not erased, a legal hold applies: open invoice\\.\\n$`),
    );
    expect(await inspect((register) => exists(register, kerttu))).toBe(true);
  });
});
