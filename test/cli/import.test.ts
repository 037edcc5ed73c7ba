// `kaappi import` and `kaappi export-list` as a user runs them: the real command in a child
// process on a real encrypted register and the sample files of test/fixtures/imports/.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import { recordConsents } from '../../src-main/core/consents';
import { createPerson, personDetail, searchPersons } from '../../src-main/core/persons';
import { readRegisterProfile, updateRegisterProfile } from '../../src-main/core/settings';
import { person } from '../fixtures/people';
import { OWNER, READER } from '../fixtures/register';
import { commandAs, foldersForThisFile, openAsOwner, registerOnDisk } from './cli-register';
import { hasScript, runCliOnTerminal } from './run-cli';

const FIXTURES = fileURLToPath(new URL('../fixtures/imports/', import.meta.url));

const newFolder = foldersForThisFile('kaappi-cli-import-');

async function emptyRegister() {
  const dir = newFolder();
  const path = await registerOnDisk(dir, { clock: new ManualClock(new Date()), users: [READER] });
  const run = (args: string[], user = OWNER) => commandAs(path, user)(...args);
  const onTerminal = (args: string[]) =>
    runCliOnTerminal([...args, '--register', path, '--user', OWNER.username], [], { KAAPPI_PASSWORD: OWNER.password });
  return { dir, path, run, onTerminal, open: () => openAsOwner(path) };
}

const mailchimp2019 = ['subscribed', 'unsubscribed', 'cleaned'].map((s) =>
  join(FIXTURES, 'mailchimp-2019', `${s}_members_export_2f6a1c9e0b.csv`),
);

describe('kaappi import', () => {
  it('imports a Mailchimp export, says what it did, and a second run changes nothing', async () => {
    const { run, open } = await emptyRegister();
    const first = await run(['import', '--format', 'mailchimp', ...mailchimp2019]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      'Imported 6 rows: 6 new, 0 merged, 0 unchanged, 0 bad rows skipped; 9 consent events, 1 undeliverable addresses.',
    );
    expect(first.stdout).toMatch(/subscribed_members_export_2f6a1c9e0b\.csv:4: warning: The name was missing/);
    const second = await run(['import', '--format', 'mailchimp', ...mailchimp2019]);
    expect(second.stdout).toContain('Imported 6 rows: 0 new, 0 merged, 6 unchanged');
    const register = await open();
    try {
      expect(searchPersons(register, { offset: 0, limit: 50 }).total).toBe(6);
    } finally {
      register.close();
    }
  });

  it('a broken file changes nothing: the lines on stdout, one line on stderr, exit 1; --skip-bad-rows imports the rest', async () => {
    const { run, open } = await emptyRegister();
    const broken = join(FIXTURES, 'asiakkaat-rikki.csv');
    const stopped = await run(['import', '--format', 'csv', broken]);
    expect(stopped.code).toBe(1);
    expect(stopped.stdout).toMatch(/asiakkaat-rikki\.csv:3: error: Sähköposti: /);
    expect(stopped.stdout).toMatch(/asiakkaat-rikki\.csv:5: error: The line has 6 columns, the header 5\./);
    expect(stopped.stderr).toBe('kaappi: nothing was imported: 2 bad rows (fix them, or give --skip-bad-rows)\n');
    let register = await open();
    expect(searchPersons(register, { offset: 0, limit: 50 }).total).toBe(0);
    register.close();
    const skipped = await run(['import', '--format', 'csv', '--skip-bad-rows', broken]);
    expect(skipped.code).toBe(0);
    register = await open();
    expect(searchPersons(register, { offset: 0, limit: 50 }).total).toBe(2);
    register.close();
  });

  it('a Google Forms file with a mapping file; --dry-run shows it and changes nothing', async () => {
    const { dir, run, open } = await emptyRegister();
    const mapping = join(dir, 'kartoitus.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        'Miten saamme muistuttaa tulevista tapahtumista?': {
          consentChoices: { Sähköposti: 'email', Tekstiviesti: 'sms' },
        },
        Yritys: 'ignore',
      }),
    );
    const form = join(FIXTURES, 'ilmoittautuminen-kevatretriitti-2025.csv');
    const dry = await run(['import', '--format', 'google-forms', '--mapping', mapping, '--dry-run', form]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      'Would import 3 rows: 3 new, 0 merged, 0 unchanged, 0 with conflicts to decide (--conflicts), 0 bad; 4 consent events',
    );
    let register = await open();
    expect(searchPersons(register, { offset: 0, limit: 50 }).total).toBe(0);
    register.close();
    expect((await run(['import', '--format', 'google-forms', '--mapping', mapping, form])).code).toBe(0);
    register = await open();
    try {
      const satu = searchPersons(register, { text: 'Lehtonen', offset: 0, limit: 5 }).rows[0]!;
      const detail = personDetail(register, satu.id);
      expect(detail.employments).toEqual([]);
      // Two questions gave the email consent at the same moment: one event, not two.
      expect(detail.consentHistory.map((e) => e.subject).sort()).toEqual(['email', 'sms']);
    } finally {
      register.close();
    }
  });

  it('values that differ from the register need --conflicts; the conflicts are listed', async () => {
    const { dir, run, open } = await emptyRegister();
    const file = join(dir, 'asiakkaat.csv');
    writeFileSync(file, 'Etunimi;Sukunimi;Sähköposti;Postitoimipaikka\nAino;Mäkinen;aino.makinen@example.fi;Tampere\n');
    await run(['import', '--format', 'csv', file]);
    writeFileSync(
      file,
      'Etunimi;Sukunimi;Sähköposti;Postitoimipaikka\nAino;Mäkinen;aino.makinen@example.fi;Jyväskylä\n',
    );
    const refused = await run(['import', '--format', 'csv', file]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(
      /asiakkaat\.csv:2: conflict in city \(#1 Aino Mäkinen\): register "Tampere", file "Jyväskylä"/,
    );
    expect(refused.stderr).toContain('give --conflicts keep-register or take-file');
    // A dry run says what each choice would do.
    const undecided = await run(['import', '--format', 'csv', '--dry-run', file]);
    expect(undecided.stdout).toContain('0 merged, 0 unchanged, 1 with conflicts to decide (--conflicts)');
    const taken = await run(['import', '--format', 'csv', '--dry-run', '--conflicts', 'take-file', file]);
    expect(taken.stdout).toContain('1 merged, 0 unchanged, 0 with conflicts to decide (--conflicts)');
    const kept = await run(['import', '--format', 'csv', '--dry-run', '--conflicts', 'keep-register', file]);
    expect(kept.stdout).toContain('0 merged, 1 unchanged, 0 with conflicts to decide (--conflicts)');
    expect((await run(['import', '--format', 'csv', '--conflicts', 'take-file', file])).code).toBe(0);
    const register = await open();
    try {
      expect(personDetail(register, 1).person.city).toBe('Jyväskylä');
    } finally {
      register.close();
    }
  });

  it('refuses a read-only user and usage mistakes with their own exit codes', async () => {
    const { run } = await emptyRegister();
    const csv = join(FIXTURES, 'asiakkaat-excel-fi.csv');
    const reader = await run(['import', '--format', 'csv', csv], READER);
    expect(reader.code).toBe(1);
    expect(reader.stderr).toMatch(/^kaappi: You are not allowed to do this\.\n$/);
    expect((await run(['import', '--format', 'vcard', csv])).code).toBe(2);
    const noPath = await run(['import', '--format', 'csv']);
    expect(noPath.code).toBe(2);
    expect(noPath.stderr).toContain('missing argument PATH...');
  });
});

describe('kaappi import on a terminal', () => {
  it.runIf(process.platform === 'linux' && hasScript())(
    'shows the rows checked and written as one status line that the result replaces',
    async () => {
      const { dir, onTerminal } = await emptyRegister();
      const rows = Array.from({ length: 2500 }, (_, i) => `Asiakas;Numero${i};asiakas${i}@example.fi`);
      const csv = join(dir, 'asiakkaat-2500.csv');
      writeFileSync(csv, `Etunimi;Sukunimi;Sähköposti\r\n${rows.join('\r\n')}\r\n`);
      const shown = await onTerminal(['import', '--format', 'csv', csv]);
      expect(shown.code).toBe(0);
      expect(shown.stdout).toContain('\r\x1b[2KChecking rows: 1,000 / 2,500');
      expect(shown.stdout).toContain('\r\x1b[2KWriting to the register: 2,000 / 2,500 rows');
      // The status line is cleared before the result, which starts a clean line.
      expect(shown.stdout).toContain('\r\x1b[2KImported 2500 rows: 2500 new');
    },
  );
});

describe('kaappi export-list', () => {
  let umaskBefore = 0;
  // The command inherits this process's umask; the vitest pool is 'forks', one process per file.
  beforeAll(() => (umaskBefore = process.umask(0o022)));
  afterAll(() => process.umask(umaskBefore));

  it('writes the email list and the post labels of those who may be contacted, and says why the others were left out', async () => {
    const { dir, run } = await emptyRegister();
    expect((await run(['import', '--format', 'mailchimp', ...mailchimp2019])).code).toBe(0);
    const out = join(dir, 'lista.csv');
    const list = await run(['export-list', '--channel', 'email', '--out', out]);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('3 persons written to');
    expect(list.stdout).toContain(
      '3 left out:\n  no consent for this channel: 2\n  direct marketing ban: 1\n  email address undeliverable (Mailchimp cleaned): 1\n',
    );
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toBe('Email Address,First Name,Last Name');
    expect(readFileSync(out, 'utf8')).not.toContain('matti.ojala');
    const pdf = join(dir, 'tarrat.pdf');
    const labels = await run(['export-list', '--channel', 'post', '--labels', '--out', pdf]);
    expect(labels.code).toBe(0);
    expect(existsSync(pdf) && readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(labels.stdout).toContain('0 persons written');
    expect((await run(['export-list', '--channel', 'email', '--labels', '--out', pdf])).code).toBe(2);
  });

  it('with post opt-out, labels everyone who has not objected and has no ban, counted as in the app', async () => {
    const { dir, run, open } = await emptyRegister();
    const register = await open();
    try {
      const profile = readRegisterProfile(register);
      const marketingChannels = { email: 'optIn', sms: 'optIn', phone: 'optIn', post: 'optOut' } as const;
      updateRegisterProfile(register, { ...profile, notice: { ...profile.notice, marketingChannels } });
      createPerson(register, person({ firstName: 'Aino', lastName: 'Mäkinen', email: 'aino@example.fi' }));
      const eero = createPerson(
        register,
        person({ firstName: 'Eero', lastName: 'Virtanen', email: 'eero@example.fi' }),
      );
      recordConsents(register, eero.id, [{ subject: 'post', granted: false, method: 'phone', evidence: 'Ei postia.' }]);
      const pirjo = createPerson(
        register,
        person({ firstName: 'Pirjo', lastName: 'Laine', email: 'pirjo@example.fi' }),
      );
      recordConsents(register, pirjo.id, [
        { subject: 'ban_direct_marketing', granted: true, method: 'email', evidence: 'Kielsi.' },
      ]);
    } finally {
      register.close();
    }
    const labels = await run(['export-list', '--channel', 'post', '--labels', '--out', join(dir, 'tarrat.pdf')]);
    expect(labels.code).toBe(0);
    expect(labels.stdout).toContain('1 persons written');
    expect(labels.stdout).toContain('2 left out:');
    expect(labels.stdout).toContain('  objected to marketing on this channel: 1\n');
    expect(labels.stdout).toContain('  direct marketing ban: 1\n');
  });

  it('writes the list 0600 under umask 022, also over an older file that anyone could read', async () => {
    const { dir, run } = await emptyRegister();
    expect((await run(['import', '--format', 'mailchimp', ...mailchimp2019])).code).toBe(0);
    const out = join(dir, 'lista.csv');
    expect((await run(['export-list', '--channel', 'email', '--out', out])).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const pdf = join(dir, 'tarrat.pdf');
    writeFileSync(pdf, 'vanha', { mode: 0o644 });
    expect((await run(['export-list', '--channel', 'post', '--labels', '--out', pdf])).code).toBe(0);
    expect(statSync(pdf).mode & 0o777).toBe(0o600);
  });
});
