import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src-main/core/audit';
import { commands } from '../../src-main/cli/commands';
import { OWNER, STAFF } from '../fixtures/register';
import { commandAs, foldersForThisFile, openAsOwner } from './cli-register';
import { hasScript, runCli, runCliOnTerminal, type CliRun } from './run-cli';
import { writableDb } from '../fixtures/writable';

const RECOVERY_KEY = /\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){12}\b/g;

const newFolder = foldersForThisFile('kaappi-cli-');

/** A register made by `kaappi init` in a fresh temp dir, with the owner's flags. */
async function initRegister() {
  const path = join(newFolder(), 'asiakasrekisteri.kaappi');
  const run = await runCli(
    [
      'init',
      '--register',
      path,
      '--owner',
      OWNER.username,
      '--display-name',
      OWNER.displayName,
      '--confidentiality-date',
      OWNER.confidentialitySignedOn,
    ],
    { KAAPPI_PASSWORD: OWNER.password },
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const opens = ['--register', path, '--user', OWNER.username];
  const asOwner = (args: string[]) => commandAs(path, OWNER)(...args);
  return { path, run, opens, asOwner };
}

function expectOneLineFailure(run: CliRun, message: string) {
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(`kaappi: ${message}\n`);
}

const usersOf = (run: CliRun) => JSON.parse(run.stdout) as Array<{ username: string; role: string; active: boolean }>;

describe.concurrent('the kaappi command', () => {
  it('creates a register and shows a recovery key once, which then opens it without setting a new password', async () => {
    const { path, run, opens } = await initRegister();
    expect(run.stdout).toContain('shown only this once');
    const keys = run.stdout.match(RECOVERY_KEY) ?? [];
    expect(keys).toHaveLength(1);
    const keyringBefore = readFileSync(`${path}.keyring`, 'utf8');

    const recovered = await runCli(['users', 'list', '--json', '--recovery-key', ...opens], {
      KAAPPI_RECOVERY_KEY: keys[0]!,
    });
    expect(recovered.stderr).toBe('');
    expect(usersOf(recovered)).toMatchObject([{ username: 'aino', role: 'owner', active: true }]);
    expect(readFileSync(`${path}.keyring`, 'utf8')).toBe(keyringBefore);

    const wrongKey = keys[0]!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expectOneLineFailure(
      await runCli(['users', 'list', '--recovery-key', ...opens], { KAAPPI_RECOVERY_KEY: wrongKey }),
      'The recovery key is wrong.',
    );
  });

  it('adds, lists and removes users, and a removed user can no longer open the register', async () => {
    const { path, asOwner } = await initRegister();
    const asStaff = (args: string[]) => commandAs(path, STAFF)(...args);

    const added = await runCli(
      [
        'users',
        'add',
        '--register',
        path,
        '--user',
        OWNER.username,
        '--username',
        STAFF.username,
        '--display-name',
        STAFF.displayName,
        '--role',
        'staff',
        '--confidentiality-date',
        STAFF.confidentialitySignedOn,
      ],
      { KAAPPI_PASSWORD: OWNER.password, KAAPPI_NEW_PASSWORD: STAFF.password },
    );
    expect(added).toMatchObject({
      code: 0,
      stdout: 'Added user eero (staff). At their first login to Kaappi they choose a password of their own.\n',
      stderr: '',
    });
    expect(usersOf(await asOwner(['users', 'list', '--json']))).toMatchObject([
      { username: 'aino', active: true },
      { username: 'eero', role: 'staff', active: true },
    ]);
    const table = await asOwner(['users', 'list']);
    expect(table.stdout).toMatch(/eero\s+Eero Jääskeläinen\s+staff\s+2026-02-01\s+active/);
    // Eero's password opens the register; listing users is for owners only.
    expectOneLineFailure(await asStaff(['users', 'list']), 'You are not allowed to do this.');
    // The password the owner typed is not Eero's own: he chooses one in the app before anything else.
    expectOneLineFailure(
      await asStaff(['contacts', 'list']),
      'Change your password first by logging in to Kaappi: the owner set it for you, so only a password you choose yourself is personal.',
    );

    const removed = await asOwner(['users', 'remove', '--username', 'Eero']);
    expect(removed.stdout).toContain('key version 2');
    expect(removed.code).toBe(0);
    expectOneLineFailure(await asStaff(['users', 'list']), 'Wrong username or password.');
    expect(usersOf(await asOwner(['users', 'list', '--json']))).toMatchObject([
      { username: 'aino' },
      { username: 'eero', active: false },
    ]);
  });

  it('exits 1 with one line and no stack trace for a wrong password, in the language asked for', async () => {
    const { opens } = await initRegister();
    expectOneLineFailure(
      await runCli(['verify', ...opens], { KAAPPI_PASSWORD: 'Väärä-Salasana-123' }),
      'Wrong username or password.',
    );
    expectOneLineFailure(
      await runCli(['verify', ...opens], { KAAPPI_PASSWORD: 'Väärä-Salasana-123', KAAPPI_LANG: 'fi' }),
      'Käyttäjätunnus tai salasana on väärin.',
    );
  });

  it('exits 2 with a usage line for a missing --register, an unknown option or an unknown command', async () => {
    const missing = await runCli(['verify', '--user', 'aino'], { KAAPPI_PASSWORD: OWNER.password });
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe(
      "kaappi: missing required option '--register'\nUsage: kaappi verify --register FILE --user NAME [--recovery-key] [--accept-log]\n",
    );
    const unknownOption = await runCli(['users', 'list', '--register', 'x.kaappi', '--user', 'aino', '--all']);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toMatch(/^kaappi: unknown option '--all'\nUsage: kaappi users list /);
    const unknownCommand = await runCli(['teleport']);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toMatch(/^kaappi: unknown command 'teleport'\nUsage: /);
  });

  it('verifies a fresh register and records it, then exits 1 once someone holding the key has edited an audit row', async () => {
    const { path, asOwner } = await initRegister();
    const fresh = await asOwner(['verify']);
    expect(fresh.stdout).toMatch(
      /^Database integrity and encryption: OK.*\nAudit chain: OK \(3 entries\)\nAudit log guards: OK .*\nState kept for the views: OK .*\n$/,
    );
    expect(fresh).toMatchObject({ code: 0, stderr: '' });

    const register = await openAsOwner(path);
    try {
      expect(listAudit(register.db, 10).map((row) => row.action)).toContain('register.verified');
      writableDb(register).run(sql`DROP TRIGGER audit_log_no_update`);
      writableDb(register).run(sql`UPDATE audit_log SET target_id = '999' WHERE id = 2`);
    } finally {
      register.close();
    }

    const tampered = await asOwner(['verify']);
    expect(tampered.stdout).toContain('Database integrity and encryption: OK');
    expect(tampered.stdout).toContain('Audit chain: BROKEN at entry 2; the entries before it are intact');
    expect(tampered.stdout).toContain('append-only triggers removed or changed: audit_log_no_update');
    expectOneLineFailure(tampered, 'Verification failed: audit chain, audit log guards.');
  });

  it('reports a wiped audit log, which the hash chain alone cannot see, until the owner accepts the log', async () => {
    const { path, asOwner } = await initRegister();
    const register = await openAsOwner(path);
    try {
      writableDb(register).run(sql`DROP TRIGGER audit_log_no_delete`);
      writableDb(register).run(sql`DELETE FROM audit_log`);
    } finally {
      register.close();
    }
    const wiped = await asOwner(['verify']);
    expect(wiped.stdout).toContain('Audit chain: OK');
    expect(wiped.stdout).toContain('the first entry is not the register’s creation');
    expect(wiped.stdout).toMatch(/entries removed: the log had \d+ entries, now 1/);
    expectOneLineFailure(wiped, 'Verification failed: audit log guards.');

    const accepted = await asOwner(['verify', '--accept-log']);
    expect(accepted.stdout).toContain('The audit log was accepted as it is');
    expect(accepted.code).toBe(0);
    // The acceptance is in the log for good; the triggers are back; verify passes again.
    const after = await asOwner(['verify']);
    expect(after).toMatchObject({ code: 0, stderr: '' });
    expect(after.stdout).toContain('Audit log guards: OK');
  });

  it('prints usage with --help and names the fast password hash as a test-only switch', async () => {
    const help = await runCli(['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    for (const command of ['init', 'users add', 'users list', 'users remove', 'verify'])
      expect(help.stdout).toContain(`  ${command} `);
    expect(help.stdout).toMatch(/KAAPPI_TEST_FAST_KDF=1\s+TEST ONLY/);
  });

  it('finds each command by the name its entry gives (commands load only when they run)', async () => {
    const loaded = await Promise.all(commands.map((entry) => entry.load()));
    expect(loaded.map((command) => command.name)).toEqual(commands.map((entry) => entry.name));
    expect(new Set(loaded).size).toBe(commands.length);
  });

  it.runIf(process.platform === 'linux' && hasScript())(
    'asks for passwords on the terminal without echoing them, and refuses two that differ',
    async () => {
      const { path, opens } = await initRegister();
      const listed = await runCliOnTerminal(
        ['users', 'list', ...opens],
        [{ after: 'Password for aino:', type: OWNER.password }],
      );
      expect(listed.code).toBe(0);
      expect(listed.stdout).toContain('Aino Mäkinen');
      expect(listed.stdout).not.toContain(OWNER.password);

      const differ = await runCliOnTerminal(
        [
          'users',
          'add',
          ...opens,
          '--username',
          'eero',
          '--display-name',
          'Eero',
          '--role',
          'staff',
          '--confidentiality-date',
          '2026-02-01',
        ],
        [
          { after: 'Password for aino:', type: OWNER.password },
          { after: 'New password for eero:', type: STAFF.password },
          { after: 'Repeat the password:', type: `${STAFF.password}x` },
        ],
      );
      expect(differ.stdout).toContain('kaappi: The passwords do not match.');
      expect(differ.stdout).not.toContain(STAFF.password);
      expect(differ.code).toBe(1);
      // Nobody was added: the keyring still holds the owner's entry and the recovery entry only.
      expect(JSON.parse(readFileSync(`${path}.keyring`, 'utf8')).entries).toHaveLength(2);
    },
  );
});
