// Restores tried as an attacker at the login screen and as a careless owner would: a backup from
// before a user was removed, someone without the live owner's password, a backup of another
// register, the copy kept aside, and the files a backup leaves on the stick.
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { auditLog } from '../../src-main/db/schema';
import { DatabaseKeyError, openDatabase } from '../../src-main/db/open';
import { createBackup, restoreBackup } from '../../src-main/core/backup';
import { KaappiError } from '../../src-shared/errors';
import { readKeyringFile, unlockWithPassword } from '../../src-main/core/keyring';
import { createPerson, searchPersons } from '../../src-main/core/persons';
import { confirmRestore, createRegister, undoRestore, unlockRegister } from '../../src-main/core/register';
import { addUser, deactivateUser } from '../../src-main/core/users';
import { person } from '../fixtures/people';
import { registerForThisTest, tempDirForThisTest } from '../fixtures/for-this-test';
import { OWNER, STAFF, testDeps } from '../fixtures/register';

const OWNER_LOGIN = { username: OWNER.username, password: OWNER.password };
const STAFF_LOGIN = { username: STAFF.username, password: STAFF.password };

async function setup() {
  const created = await registerForThisTest();
  const usb = tempDirForThisTest('kaappi-usb-');
  return { ...created, usb };
}

async function expectCode(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toSatisfy((error) => error instanceof KaappiError && error.code === code);
}

const lastNames = (register: Parameters<typeof searchPersons>[0]) =>
  searchPersons(register, { offset: 0, limit: 100 })
    .rows.map((r) => r.lastName)
    .sort();

describe('a restore', () => {
  it('removes again the users the live register had removed, so their old password opens nothing', async () => {
    const { register, path, deps, usb } = await setup();
    const staff = await addUser(register, STAFF);
    const { manifestPath } = await createBackup(register, usb, { appVersion: '0.1.0' });
    deactivateUser(register, staff.id);
    register.close();

    const result = await restoreBackup(path, manifestPath, { liveOwner: OWNER_LOGIN }, deps);
    expect(result.usersRemovedAgain).toEqual([STAFF.displayName]);
    await expectCode(unlockRegister(path, STAFF_LOGIN, deps), 'WRONG_CREDENTIALS');
    await expect(
      unlockWithPassword(readKeyringFile(`${path}.keyring`), STAFF.username, STAFF.password),
    ).rejects.toThrow();
    // The backup's own keyring still opens its own (old) key, which no longer opens the register.
    const oldKey = await unlockWithPassword(
      readKeyringFile(join(usb, result.manifest.keyring)),
      STAFF.username,
      STAFF.password,
    );
    expect(() => openDatabase(path, oldKey)).toThrow(DatabaseKeyError);
  });

  it('needs the live register’s owner: nobody else, and guesses count at the live register', async () => {
    const { register, path, deps, usb } = await setup();
    await addUser(register, STAFF);
    createPerson(register, person({ lastName: 'Virtanen', email: 'v@example.fi' }));
    const { manifestPath } = await createBackup(register, usb, { appVersion: '0.1.0' });
    register.close();

    // The backup's credentials alone (the attack: any backup, any password that opens it).
    await expectCode(restoreBackup(path, manifestPath, { backup: OWNER_LOGIN }, deps), 'RESTORE_NEEDS_OWNER');
    await expectCode(restoreBackup(path, manifestPath, { liveOwner: STAFF_LOGIN }, deps), 'FORBIDDEN');
    for (let i = 0; i < 3; i++) {
      await expectCode(
        restoreBackup(path, manifestPath, { liveOwner: { username: 'aino', password: `arvaus-${i}` } }, deps),
        'WRONG_CREDENTIALS',
      );
    }
    await expectCode(restoreBackup(path, manifestPath, { liveOwner: OWNER_LOGIN }, deps), 'LOGIN_THROTTLED');
    expect(JSON.parse(readFileSync(`${path}.logins`, 'utf8'))).toMatchObject({ consecutiveFailures: 3 });

    // Wrong credentials for the backup itself count at the live register too, not in a staging file.
    deps.clock.advanceMs(10_000);
    await expectCode(
      restoreBackup(
        path,
        manifestPath,
        { liveOwner: OWNER_LOGIN, backup: { username: 'aino', password: 'Väärä-Varmuuskopiolle-1' } },
        deps,
      ),
      'WRONG_CREDENTIALS',
    );
    expect(JSON.parse(readFileSync(`${path}.logins`, 'utf8'))).toMatchObject({ consecutiveFailures: 1 });
    expect(readdirSync(join(path, '..')).filter((f) => /restoring|before-restore/.test(f))).toEqual([]);
    const live = await unlockRegister(path, OWNER_LOGIN, deps);
    expect(lastNames(live)).toEqual(['Virtanen']);
    live.close();
  });

  it('refuses a backup of another register unless the owner confirms it', async () => {
    const { register, path, deps, usb } = await setup();
    register.close();
    const other = tempDirForThisTest('kaappi-other-');
    const intruder = await createRegister(
      join(other, 'toinen.kaappi'),
      { ...OWNER, password: 'Toisen-Rekisterin-Salasana-8' },
      testDeps(),
    );
    createPerson(intruder.register, person({ lastName: 'Vieras', email: 'vieras@example.fi' }));
    const { manifestPath } = await createBackup(intruder.register, usb, { appVersion: '0.1.0' });
    intruder.register.close();
    const backup = { username: OWNER.username, password: 'Toisen-Rekisterin-Salasana-8' };

    await expectCode(
      restoreBackup(path, manifestPath, { liveOwner: OWNER_LOGIN, backup }, deps),
      'BACKUP_OTHER_REGISTER',
    );
    const replaced = await restoreBackup(
      path,
      manifestPath,
      { liveOwner: OWNER_LOGIN, backup, replaceOtherRegister: true },
      deps,
    );
    expect(replaced.otherRegister).toBe(true);
    const restored = await unlockRegister(path, backup, deps);
    expect(lastNames(restored)).toEqual(['Vieras']);
    restored.close();
  });

  it('says when the backup needs the password of its time, and takes it', async () => {
    const { register, path, deps, usb } = await setup();
    const { manifestPath } = await createBackup(register, usb, { appVersion: '0.1.0' });
    register.close();
    // A newer password for the live owner: the backup still opens only with the old one.
    const { changeOwnPassword } = await import('../../src-main/core/users');
    const live = await unlockRegister(path, OWNER_LOGIN, deps);
    await changeOwnPassword(live, { currentPassword: OWNER.password, newPassword: 'Uusi-Salasana-Syksy-9' });
    live.close();
    const newLogin = { username: OWNER.username, password: 'Uusi-Salasana-Syksy-9' };

    await expectCode(restoreBackup(path, manifestPath, { liveOwner: newLogin }, deps), 'BACKUP_NEEDS_ITS_PASSWORD');
    const result = await restoreBackup(path, manifestPath, { liveOwner: newLogin, backup: OWNER_LOGIN }, deps);
    expect(result.keptAsidePath).not.toBeNull();
  });

  it('replaces a damaged live register with its recovery key, not with a password', async () => {
    const { register, path, deps, usb, recoveryKey } = await setup();
    const { manifestPath } = await createBackup(register, usb, { appVersion: '0.1.0' });
    register.close();
    const damaged = readFileSync(path);
    damaged.fill(0x5a, 0, 4096);
    writeFileSync(path, damaged);

    await expectCode(restoreBackup(path, manifestPath, { liveOwner: OWNER_LOGIN }, deps), 'LIVE_REGISTER_DAMAGED');
    const result = await restoreBackup(
      path,
      manifestPath,
      { liveOwner: { username: OWNER.username, recoveryKey }, backup: OWNER_LOGIN },
      deps,
    );
    expect(result.keptAsidePath).not.toBeNull();
    (await unlockRegister(path, OWNER_LOGIN, deps)).close();
  });
});

describe('the register kept aside by a restore', () => {
  async function restored() {
    const created = await setup();
    const { register, path, deps, usb } = created;
    await addUser(register, STAFF);
    createPerson(register, person({ lastName: 'Virtanen', email: 'v@example.fi' }));
    const { manifestPath } = await createBackup(register, usb, { appVersion: '0.1.0' });
    createPerson(register, person({ lastName: 'Jälkeen', email: 'j@example.fi' }));
    register.close();
    const result = await restoreBackup(path, manifestPath, { liveOwner: OWNER_LOGIN }, deps);
    return { ...created, result };
  }

  it('is removed when the owner confirms; until then only the owner may log in', async () => {
    const { path, deps, result } = await restored();
    const aside = result.keptAsidePath!;
    expect(existsSync(aside)).toBe(true);
    await expectCode(unlockRegister(path, STAFF_LOGIN, deps), 'RESTORE_UNCONFIRMED');

    const owner = await unlockRegister(path, OWNER_LOGIN, deps);
    expect(owner.restorePending).toMatchObject({ state: 'pending', keptAside: aside });
    confirmRestore(owner);
    owner.close();
    expect(readdirSync(join(path, '..')).filter((name) => name.includes('before-restore'))).toEqual([]);
    const staff = await unlockRegister(path, STAFF_LOGIN, deps);
    expect(staff.restorePending).toBeNull();
    expect(lastNames(staff)).toEqual(['Virtanen']);
    staff.close();
  });

  it('is put back when the owner undoes the restore, which the register put back records', async () => {
    const { path, deps, result } = await restored();
    const owner = await unlockRegister(path, OWNER_LOGIN, deps);
    owner.close();
    undoRestore(path, deps.clock.now().toISOString());
    expect(existsSync(result.keptAsidePath!)).toBe(false);

    const back = await unlockRegister(path, STAFF_LOGIN, deps);
    expect(lastNames(back)).toEqual(['Jälkeen', 'Virtanen']);
    const actions = back.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .all()
      .map((row) => row.action);
    expect(actions).toContain('backup.restore_undone');
    back.close();
    expect(existsSync(`${path}.restored`)).toBe(false);
  });

  it('stays the first one when a second backup is restored before the first was confirmed', async () => {
    const { path, deps, usb, result } = await restored();
    const manifests = readdirSync(usb).filter((name) => name.endsWith('.manifest.json'));
    const again = await restoreBackup(path, join(usb, manifests[0]!), { liveOwner: OWNER_LOGIN }, deps);
    expect(again.keptAsidePath).toBe(result.keptAsidePath);
    const asideCopies = readdirSync(join(path, '..')).filter((name) => /before-restore-\d{8}-\d{6}$/.test(name));
    expect(asideCopies).toHaveLength(1);
  });
});

describe('the files of a backup and a restore', () => {
  it('are readable by their owner only, even under a umask that gives others read access', async () => {
    const previous = process.umask(0o022);
    onTestFinished(() => void process.umask(previous));
    const { register, path, deps, usb } = await setup();
    const { manifestPath } = await createBackup(register, usb, { appVersion: '0.1.0' });
    register.close();
    for (const name of readdirSync(usb)) expect(statSync(join(usb, name)).mode & 0o777, name).toBe(0o600);
    await restoreBackup(path, manifestPath, { liveOwner: OWNER_LOGIN }, deps);
    const dir = join(path, '..');
    for (const name of readdirSync(dir).filter((n) => n.startsWith('asiakasrekisteri.kaappi'))) {
      expect(statSync(join(dir, name)).mode & 0o777, name).toBe(0o600);
    }
  });

  it('are flushed to the disk, folder included, before the backup is reported', async () => {
    const { register, usb } = await setup();
    const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
    const { openSync, fsyncSync } = fs;
    const opened = new Map<number, string>();
    const flushed: string[] = [];
    fs.openSync = ((path: string, ...rest: never[]) => {
      const fd = (openSync as (...args: unknown[]) => number)(path, ...rest);
      opened.set(fd, String(path));
      return fd;
    }) as typeof openSync;
    fs.fsyncSync = (fd: number) => {
      flushed.push(opened.get(fd) ?? '?');
      fsyncSync(fd);
    };
    syncBuiltinESMExports();
    onTestFinished(() => {
      fs.openSync = openSync;
      fs.fsyncSync = fsyncSync;
      syncBuiltinESMExports();
    });
    const { manifest, manifestPath } = await createBackup(register, usb, { appVersion: '0.1.0' });
    const names = [manifest.database, manifest.keyring, manifest.erasures, manifest.removedUsers!];
    for (const name of names) expect(flushed).toContain(`${join(usb, name)}.partial`);
    expect(flushed).toContain(`${manifestPath}.partial`);
    expect(flushed).toContain(usb);
  });

  it('left by a backup that was killed are removed by the next one', async () => {
    const { register, usb } = await setup();
    const leftovers = ['kaappi-20261101-120000.kaappi.partial', 'kaappi-20261101-120000.kaappi.keyring.partial'];
    for (const name of leftovers) {
      writeFileSync(join(usb, name), 'kesken');
      utimesSync(join(usb, name), new Date('2026-11-01T12:00:00Z'), new Date('2026-11-01T12:00:00Z'));
    }
    writeFileSync(join(usb, 'oma-muistio.txt.partial'), 'not Kaappi’s');
    await createBackup(register, usb, { appVersion: '0.1.0' });
    const names = readdirSync(usb);
    for (const name of leftovers) expect(names).not.toContain(name);
    expect(names).toContain('oma-muistio.txt.partial');
    expect(names.filter((name) => name.endsWith('.partial') && name.startsWith('kaappi-'))).toEqual([]);
  });
});
