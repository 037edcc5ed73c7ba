import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract, type ChannelName } from '../../src-shared/contract';
import {
  addUserThroughRegistry,
  newTestRegistry,
  refusalOf,
  snapshot,
  withOwnerSession,
  type TestRegistry,
} from '../fixtures/registry';
import { OWNER, STAFF, tempDir, testDeps } from '../fixtures/register';
import { eq } from 'drizzle-orm';
import { unlockRegister } from '../../src-main/core/register';
import { users } from '../../src-main/db/schema';
import { handlers } from '../../src-main/ipc/handlers';
import { createRegistry } from '../../src-main/ipc/registry';
import { createPerson } from '../../src-main/core/persons';
import { searchIndexNeedsMerge, searchIndexSegments } from '../../src-main/core/persons/search-upkeep';
import { person } from '../fixtures/people';

const OWNER_LOGIN = { username: OWNER.username, password: OWNER.password };

let t: TestRegistry;
afterEach(() => t?.cleanup());

const errorOf = (channel: string, input: unknown) => refusalOf(t, channel, input);

/** Inputs shaped like the channel's own (its keys, wrong values) as well as anything at all. */
function invalidInputFor(channel: ChannelName) {
  const schema = contract[channel].input;
  const keys = Object.keys((schema as unknown as { shape?: object }).shape ?? {});
  const nearValid = fc.dictionary(fc.constantFrom(...keys, 'extra'), fc.anything(), { maxKeys: keys.length + 1 });
  return fc.oneof(fc.anything(), nearValid).filter((value) => !schema.safeParse(value).success);
}

describe('the handler registry', () => {
  it('keeps answering while a backup is copied in a worker thread', async () => {
    const usb = tempDir('kaappi-usb-');
    t = newTestRegistry({ chooseFolder: () => usb.dir });
    await withOwnerSession(t);
    const finished: string[] = [];
    const backup = t.call<{ verified: boolean }>('backup.now', {}).then((attempt) => {
      finished.push('backup');
      return attempt;
    });
    await t.call('settings.get', {}).then(() => finished.push('settings'));
    expect(finished).toEqual(['settings']);
    expect((await backup).verified).toBe(true);
    expect(finished).toEqual(['settings', 'backup']);
    usb.cleanup();
  });

  it('reports a large import’s progress while it runs, pausing inside its one transaction', async () => {
    t = newTestRegistry();
    await withOwnerSession(t);
    const rows = 2500;
    const lines = ['Etunimi;Sukunimi;Sähköposti'];
    for (let i = 1; i <= rows; i++) lines.push(`Testi${i};Henkilö;testi${i}@example.fi`);
    const input = {
      format: 'csv',
      files: [{ fileName: 'asiakkaat.csv', base64: Buffer.from(lines.join('\r\n'), 'utf8').toString('base64') }],
      badRows: 'stop',
      conflicts: 'keep_register',
    };
    let finished = false;
    const running = t.call<{ status: string; counts: { created: number } }>('imports.run', input).then((outcome) => {
      finished = true;
      return outcome;
    });
    // The event loop turns while rows are written: an event of the writing phase is seen here,
    // half-way, before the call has answered.
    let seenMidway = false;
    while (!finished) {
      await new Promise((resolve) => setImmediate(resolve));
      const last = t.events.at(-1);
      if (last?.type === 'import.progress' && last.phase === 'writing' && last.done < last.total) seenMidway = true;
    }
    expect(seenMidway).toBe(true);
    expect(await running).toMatchObject({ status: 'imported', counts: { created: rows } });

    const progress = t.events.flatMap((event) => (event.type === 'import.progress' ? [event] : []));
    expect(progress[0]).toEqual({ type: 'import.progress', phase: 'reading', done: 0, total: 1 });
    const phases = progress.map((event) => event.phase);
    expect(phases.indexOf('writing')).toBeGreaterThan(phases.lastIndexOf('checking'));
    for (const phase of ['checking', 'writing'] as const) {
      const counts = progress.filter((event) => event.phase === phase).map((event) => event.done);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
      expect(counts.at(-1)).toBe(rows);
      expect(counts.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('answers invalid input on every channel with a typed error and changes nothing', async () => {
    t = newTestRegistry();
    await withOwnerSession(t);
    for (const channel of Object.keys(contract) as ChannelName[]) {
      await fc.assert(
        fc.asyncProperty(invalidInputFor(channel), async (input) => {
          const before = snapshot(t);
          const error = await errorOf(channel, input);
          expect(error.code).toBe('INVALID_INPUT');
          expect(error.message).not.toMatch(/\bat\s.+:\d+/); // no stack trace
          expect(snapshot(t)).toBe(before);
        }),
        { numRuns: 40 },
      );
    }
  });

  it('refuses an unknown channel without touching anything', async () => {
    t = newTestRegistry();
    await withOwnerSession(t);
    const before = snapshot(t);
    expect((await errorOf('persons.dropAll', {})).code).toBe('INVALID_INPUT');
    expect(snapshot(t)).toBe(before);
  });

  it('enforces every channel’s roles in main, whatever the UI shows', async () => {
    t = newTestRegistry();
    await withOwnerSession(t);
    await t.call('users.add', STAFF);
    await t.call('users.add', { ...STAFF, username: 'lukija', role: 'readonly' });
    await t.call('session.lock', {});
    for (const [username, role] of [
      ['eero', 'staff'],
      ['lukija', 'readonly'],
    ] as const) {
      await t.call('session.login', { username, password: STAFF.password });
      // The owner typed the first password; a password of one's own comes before anything else.
      await t.call('users.changeOwnPassword', {
        currentPassword: STAFF.password,
        newPassword: `Oma-${username}-Salasana-2026`,
      });
      const before = snapshot(t);
      const refused = (Object.keys(contract) as ChannelName[]).filter((channel) => {
        const access = contract[channel].access;
        return access !== 'public' && !access.includes(role);
      });
      expect(refused.length).toBeGreaterThan(role === 'staff' ? 5 : 15);
      for (const channel of refused) expect((await errorOf(channel, {})).code, channel).toBe('FORBIDDEN');
      expect(snapshot(t)).toBe(before);
      expect(await t.call('settings.get', {})).toEqual({
        autoLockMinutes: 10,
        bookkeepingYears: 6,
        backupReminderDays: 7,
        backupKeep: 5,
        staffMayExportLists: false,
      });
      await t.call('session.lock', {});
    }
  });

  it('takes access away at once from a user removed while logged in elsewhere', async () => {
    t = newTestRegistry();
    await withOwnerSession(t);
    const staff = await t.call<{ id: number }>('users.add', STAFF);
    await t.call('session.lock', {});
    await t.call('session.login', { username: 'eero', password: STAFF.password });
    const owner = await unlockRegister(
      t.registerPath,
      { username: OWNER.username, password: OWNER.password },
      testDeps({ clock: t.clock }),
    );
    // The other connection (the app) must be closed for the re-key; mark the user inactive the way
    // an interrupted removal would leave it, and check the open session loses access.
    owner.transaction((db) => db.update(users).set({ active: false }).where(eq(users.id, staff.id)).run());
    owner.close();
    expect((await errorOf('settings.get', {})).code).toBe('LOCKED');
    expect(t.registry.session.current).toBeNull();
  });

  /** Logs in as Eero with a password the owner gave: nothing but choosing his own, then all is open. */
  async function expectOwnPasswordFirst(given: string, own: string) {
    await t.call('session.lock', {});
    const session = await t.call<{ mustChangePassword: boolean }>('session.login', {
      username: 'eero',
      password: given,
    });
    expect(session.mustChangePassword).toBe(true);
    expect((await errorOf('persons.search', { offset: 0, limit: 10 })).code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await errorOf('settings.get', {})).code).toBe('PASSWORD_CHANGE_REQUIRED');
    await t.call('session.activity', {});
    // The password the owner gave is not a password of one's own.
    const same = await errorOf('users.changeOwnPassword', { currentPassword: given, newPassword: given });
    expect(same.code).toBe('PASSWORD_UNCHANGED');
    await t.call('users.changeOwnPassword', { currentPassword: given, newPassword: own });
    await t.call('persons.search', { offset: 0, limit: 10 });
    await t.call('session.lock', {});
    expect(
      (await t.call<{ mustChangePassword: boolean }>('session.login', { username: 'eero', password: own }))
        .mustChangePassword,
    ).toBe(false);
  }

  it('a user the owner added chooses their own password at the first login, before anything else', async () => {
    t = newTestRegistry();
    await withOwnerSession(t);
    await t.call('users.add', STAFF);
    await expectOwnPasswordFirst(STAFF.password, 'Eeron-Oma-Iltajooga-61');
    // The owner was never asked to: their password is their own.
    await t.call('session.lock', {});
    expect((await t.call<{ mustChangePassword: boolean }>('session.login', OWNER_LOGIN)).mustChangePassword).toBe(
      false,
    );
  });

  it('after the owner resets a password, the user may do nothing but choose their own', async () => {
    t = newTestRegistry();
    await withOwnerSession(t);
    // Eero has chosen his own password already: only the reset can make the owner know it again.
    const staff = await addUserThroughRegistry(t.call, STAFF);
    await t.call('users.resetPassword', { userId: staff.id, newPassword: 'Omistajan-Antama-Sana-77' });
    await expectOwnPasswordFirst('Omistajan-Antama-Sana-77', 'Eeron-Oma-Aamujooga-58');
  });

  it('after a restore, lets only the owner in, to keep or undo it, before anything else', async () => {
    const usb = tempDir('kaappi-usb-');
    let manifestPath = '';
    t = newTestRegistry({ chooseFolder: () => usb.dir, chooseBackup: () => manifestPath });
    await withOwnerSession(t);
    await addUserThroughRegistry(t.call, STAFF);
    const backup = await t.call<{ manifestFile: string }>('backup.now', {});
    manifestPath = join(usb.dir, backup.manifestFile);
    await t.call('session.lock', {});
    await t.call('backup.chooseRestore', {});
    expect(await errorOf('backup.restore', {})).toMatchObject({ code: 'RESTORE_NEEDS_OWNER' });
    await t.call('backup.chooseRestore', {});
    const restored = await t.call('backup.restore', { liveOwner: OWNER_LOGIN });
    expect(restored).toMatchObject({ keptAside: true, usersRemovedAgain: [], otherRegister: false });

    expect(await errorOf('session.login', { username: STAFF.username, password: STAFF.password })).toMatchObject({
      code: 'RESTORE_UNCONFIRMED',
    });
    const session = await t.call<{ restorePending: boolean }>('session.login', OWNER_LOGIN);
    expect(session.restorePending).toBe(true);
    expect(await errorOf('users.list', {})).toMatchObject({ code: 'RESTORE_CONFIRMATION_REQUIRED' });
    expect(await t.call('backup.restorePending', {})).toMatchObject({ erasedAgain: 0, usersRemovedAgain: [] });
    await t.call('backup.confirmRestore', {});
    expect(await t.call<unknown[]>('users.list', {})).toHaveLength(2);
    expect(readdirSync(dirname(t.registerPath)).filter((name) => name.includes('before-restore'))).toEqual([]);
    usb.cleanup();
  });

  it('requires a session for every non-public channel', async () => {
    t = newTestRegistry();
    await withOwnerSession(t);
    await t.call('session.lock', {});
    const error = await errorOf('users.list', {});
    expect(error).toMatchObject({ code: 'LOCKED', message: 'Rekisteri on lukittu. Kirjaudu sisään.' });
  });

  it('gives messages in the language the window asked for', async () => {
    t = newTestRegistry();
    await withOwnerSession(t);
    await t.call('session.lock', {});
    expect((await errorOf('session.login', { username: 'aino', password: 'väärä-salasana' })).message).toBe(
      'Käyttäjätunnus tai salasana on väärin.',
    );
    await t.call('app.setLanguage', { language: 'en' });
    await t.call('session.login', { username: OWNER.username, password: OWNER.password });
    const error = await errorOf('users.add', { ...STAFF, password: 'short' });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields).toContainEqual({ path: 'password', message: expect.stringContaining('too weak') });
  });

  it('locks after the idle time, drops the session and tells the window', async () => {
    t = newTestRegistry();
    await withOwnerSession(t);
    await t.call('settings.update', { autoLockMinutes: 5 });
    t.clock.advanceMs(4 * 60_000 + 59_000);
    expect(t.registry.lockIfIdle()).toBe(false);
    await t.call('users.list', {});
    t.clock.advanceMs(5 * 60_000);
    expect(t.registry.lockIfIdle()).toBe(true);
    expect(t.registry.session.current).toBeNull();
    expect(t.events).toEqual([{ type: 'session.locked', reason: 'idle' }]);
    expect((await errorOf('users.list', {})).code).toBe('LOCKED');
  });

  it('backs off after repeated wrong passwords, also across a restart', async () => {
    t = newTestRegistry();
    await withOwnerSession(t);
    await t.call('session.lock', {});
    for (let i = 0; i < 3; i++) {
      expect((await errorOf('session.login', { username: 'aino', password: `wrong-${i}` })).code).toBe(
        'WRONG_CREDENTIALS',
      );
    }
    expect(await errorOf('session.login', { username: 'aino', password: OWNER.password })).toMatchObject({
      code: 'LOGIN_THROTTLED',
      retryAfterSeconds: 1,
    });
    t.clock.advanceMs(1_000);
    expect((await errorOf('session.login', { username: 'aino', password: 'wrong-4' })).code).toBe('WRONG_CREDENTIALS');

    // A new registry over the same files is what a restarted app has.
    const restarted = createRegistry({ registerPath: t.registerPath, deps: testDeps({ clock: t.clock }), handlers });
    const throttled = await restarted.invoke('session.login', { username: 'aino', password: OWNER.password });
    expect(throttled).toMatchObject({ ok: false, error: { code: 'LOGIN_THROTTLED', retryAfterSeconds: 2 } });
    t.clock.advanceMs(2_000);
    expect(await restarted.invoke('session.login', { username: 'aino', password: OWNER.password })).toMatchObject({
      ok: true,
    });
    await restarted.lock('user');
  });

  it('records user changes, the unlock-time retention run and verification in a chain that verifies', async () => {
    t = newTestRegistry();
    await withOwnerSession(t);
    const staff = await t.call<{ id: number }>('users.add', STAFF);
    await t.call('users.deactivate', { userId: staff.id });
    const verification = await t.call('audit.verify', {});
    expect(verification).toEqual({
      chain: { ok: true, checked: 6, firstBrokenId: null },
      database: { ok: true, problems: [] },
      anchor: { ok: true, since: expect.any(String), problems: [] },
      derived: { ok: true, differing: 0, personIds: [], counts: [], dueState: { differing: 0, personIds: [] } },
    });
    const recent = await t.call<Array<{ action: string; actor: string }>>('audit.recent', { limit: 10 });
    expect(recent.map((r) => r.action)).toEqual([
      'register.verified',
      'register.rekeyed',
      'user.deactivated',
      'user.added',
      'retention.run',
      'user.added',
      'register.created',
    ]);
    expect(recent[0]?.actor).toBe(OWNER.displayName);
  });

  it('merges the search index after unlock, a step at a time through the queue', async () => {
    t = newTestRegistry();
    await withOwnerSession(t);
    const first = t.registry.session.current!;
    for (let i = 0; i < 20; i++) createPerson(first, person({ firstName: `Aino${i}`, email: `aino.${i}@example.fi` }));
    expect(searchIndexNeedsMerge(searchIndexSegments(first.db))).toBe(true);
    await t.call('session.lock', {});
    await t.call('session.login', OWNER_LOGIN);
    const register = t.registry.session.current!;
    await vi.waitFor(() => expect(searchIndexSegments(register.db)).toHaveLength(1), { timeout: 10_000 });
    const found = await t.call<{ total: number }>('persons.search', { text: 'aino', offset: 0, limit: 50 });
    expect(found.total).toBe(20);
  });
});
