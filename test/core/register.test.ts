import { copyFileSync, existsSync, readFileSync, readdirSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DatabaseKeyError, openDatabase, setCacheSize } from '../../src-main/db/open';
import { users } from '../../src-main/db/schema';
import { KaappiError } from '../../src-shared/errors';
import {
  readKeyringFile,
  unlockWithPassword,
  unlockWithRecoveryKey,
  userTag,
  type Keyring,
} from '../../src-main/core/keyring';
import {
  createRegister,
  defaultRegisterDeps,
  recoverAccess,
  unlockRegister,
  type UnlockedRegister,
} from '../../src-main/core/register';
import { addUser, changeOwnPassword, deactivateUser, listUsers } from '../../src-main/core/users';
import { registerForThisTest, tempDirForThisTest } from '../fixtures/for-this-test';
import { OWNER } from '../fixtures/register';
import { writableDb } from '../fixtures/writable';

const STAFF = {
  username: 'Eero',
  displayName: 'Eero Jääskeläinen',
  role: 'staff' as const,
  password: 'Jooga-Aamu-Sali-42',
  confidentialitySignedOn: '2026-02-01',
};

function filesOf(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).map((name) => readFileSync(join(dir, name))));
}

async function expectCode(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toSatisfy((error) => error instanceof KaappiError && error.code === code);
}

describe('an encrypted register', () => {
  it('keeps no plaintext of what it stores in the database, its WAL or the keyring', async () => {
    const { register: reg, dir } = await registerForThisTest();
    await addUser(reg, STAFF);
    const bytes = filesOf(dir);
    if (process.platform !== 'win32') {
      for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).mode & 0o077, name).toBe(0);
    }
    expect(existsSync(join(dir, 'asiakasrekisteri.kaappi-wal'))).toBe(true);
    for (const secret of ['Mäkinen', 'Jääskeläinen', 'eero', 'aino', 'user.added', 'CREATE TABLE', 'SQLite format 3']) {
      expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
    }
  });

  // SQLite3 Multiple Ciphers encrypts the database, its journal and WAL, but not SQLite's temporary
  // files: a sort or a statement journal that outgrew memory would put rows on disk in plaintext.
  it.runIf(process.platform === 'linux')(
    'sorts more than its page cache in memory, never in a temporary file',
    async () => {
      const { register: reg } = await registerForThisTest();
      setCacheSize(reg.db, 256);
      const temporaryFiles = () =>
        readdirSync('/proc/self/fd').filter((fd) => {
          try {
            return readlinkSync(`/proc/self/fd/${fd}`).includes('etilqs_');
          } catch {
            return false; // closed since it was listed
          }
        });
      const sorted = reg.db.$client
        .prepare(
          `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
         SELECT i, hex(randomblob(40)) AS t FROM n ORDER BY t`,
        )
        .iterate();
      sorted.next(); // the whole sort is done before its first row
      const during = temporaryFiles();
      sorted.return?.();
      expect(during).toEqual([]);
    },
  );

  it('refuses a wrong password and an unknown user with the same error', async () => {
    const { path, deps, register: reg } = await registerForThisTest();
    reg.close();
    await expectCode(
      unlockRegister(path, { username: 'aino', password: 'wrong-password-123' }, deps),
      'WRONG_CREDENTIALS',
    );
    await expectCode(unlockRegister(path, { username: 'nobody', password: OWNER.password }, deps), 'WRONG_CREDENTIALS');
  });

  it('opens with each user’s password and with the recovery key', async () => {
    const { path, deps, register: reg, recoveryKey } = await registerForThisTest();
    await addUser(reg, STAFF);
    reg.close();
    const asStaff = await unlockRegister(path, { username: 'eero', password: STAFF.password }, deps);
    expect(asStaff.user).toMatchObject({ username: 'eero', role: 'staff', displayName: 'Eero Jääskeläinen' });
    asStaff.close();
    const asOwner = await unlockRegister(path, { username: 'AINO ', password: OWNER.password }, deps);
    expect(asOwner.user.role).toBe('owner');
    asOwner.close();
    const key = await unlockWithRecoveryKey(readKeyringFile(`${path}.keyring`), recoveryKey.toLowerCase());
    const opened = openDatabase(path, key);
    expect(opened.sqlite.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 2 });
    opened.sqlite.close();
  });

  it('no longer opens with a removed user’s old key or old keyring entry', async () => {
    const { path, deps, register: reg } = await registerForThisTest();
    const staff = await addUser(reg, STAFF);
    const oldKeyringCopy = `${path}.keyring.copied-by-eero`;
    copyFileSync(`${path}.keyring`, oldKeyringCopy);
    const oldKey = await unlockWithPassword(readKeyringFile(oldKeyringCopy), 'eero', STAFF.password);

    const { keyVersion } = deactivateUser(reg, staff.id);
    expect(keyVersion).toBe(2);
    reg.close();

    expect(() => openDatabase(path, oldKey)).toThrow(DatabaseKeyError);
    await expectCode(unlockRegister(path, { username: 'eero', password: STAFF.password }, deps), 'WRONG_CREDENTIALS');
    const owner = await unlockRegister(path, { username: 'aino', password: OWNER.password }, deps);
    expect(listUsers(owner).find((u) => u.username === 'eero')?.active).toBe(false);
    owner.close();
  });

  it('re-wraps on password change: the old password stops working, the new one opens', async () => {
    const { path, deps, register: reg } = await registerForThisTest();
    await changeOwnPassword(reg, { currentPassword: OWNER.password, newPassword: 'Uusi-Salasana-Syksy-9' });
    reg.close();
    await expectCode(unlockRegister(path, { username: 'aino', password: OWNER.password }, deps), 'WRONG_CREDENTIALS');
    deps.clock.advanceMs(10_000);
    (await unlockRegister(path, { username: 'aino', password: 'Uusi-Salasana-Syksy-9' }, deps)).close();
  });

  it('lets the owner back in with the recovery key and a new password', async () => {
    const { path, deps, register: reg, recoveryKey } = await registerForThisTest();
    reg.close();
    await expectCode(
      recoverAccess(
        path,
        { recoveryKey: 'AAAA-'.repeat(13).slice(0, 64), username: 'aino', newPassword: 'Palautettu-Avain-Talvi-3' },
        deps,
      ),
      'WRONG_RECOVERY_KEY',
    );
    (
      await recoverAccess(path, { recoveryKey, username: 'aino', newPassword: 'Palautettu-Avain-Talvi-3' }, deps)
    ).close();
    (await unlockRegister(path, { username: 'aino', password: 'Palautettu-Avain-Talvi-3' }, deps)).close();
  });

  it('refuses staff without a confidentiality agreement date', async () => {
    const { path, deps, register: reg } = await registerForThisTest();
    await addUser(reg, { ...STAFF, confidentialitySignedOn: '2026-02-01' });
    writableDb(reg).update(users).set({ confidentialitySignedOn: null }).where(eq(users.username, 'eero')).run();
    reg.close();
    await expectCode(
      unlockRegister(path, { username: 'eero', password: STAFF.password }, deps),
      'NO_CONFIDENTIALITY_AGREEMENT',
    );
  });

  it('finishes a re-key that a crash interrupted before the new keyring replaced the old one', async () => {
    const { path, deps, register: reg } = await registerForThisTest();
    const staff = await addUser(reg, STAFF);
    const before = readFileSync(`${path}.keyring`);
    deactivateUser(reg, staff.id);
    reg.close();
    // Simulate the crash window: the database carries the new key, the old keyring is still in place.
    copyFileSync(`${path}.keyring`, `${path}.keyring.next`);
    writeFileSync(`${path}.keyring`, before);
    const owner = await unlockRegister(path, { username: 'aino', password: OWNER.password }, deps);
    owner.close();
    expect(existsSync(`${path}.keyring.next`)).toBe(false);
    expect(readKeyringFile(`${path}.keyring`).keyVersion).toBe(2);
  });

  it('uses scrypt parameters at least as strong as OWASP’s by default (app, CLI and dev host deps)', async () => {
    const dir = tempDirForThisTest();
    const path = join(dir, 'oletus.kaappi');
    const { register: reg } = await createRegister(path, OWNER, defaultRegisterDeps());
    reg.close();
    const entry = readKeyringFile(`${path}.keyring`).entries.find((e) => e.kind === 'user');
    expect(entry?.kdf).toMatchObject({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
  });
});

describe('a transaction that pauses (a long import)', () => {
  const settingsCount = (r: UnlockedRegister) =>
    r.db.all(sql`SELECT count(*) AS n FROM settings WHERE key LIKE 'test.%'`)[0] as { n: number };
  const put = (r: UnlockedRegister, key: string) =>
    r.transaction((db) => db.run(sql`INSERT INTO settings (key, value) VALUES (${key}, '1')`));

  it('keeps a writer from outside out of it until it ends, and rolls back all of its own work', async () => {
    const { register: r } = await registerForThisTest();
    let resume!: () => void;
    const paused = new Promise<void>((resolve) => (resume = resolve));
    const importing = r.transactionWithPauses(async () => {
      put(r, 'test.first');
      await paused;
      put(r, 'test.second'); // a nested transaction: a savepoint inside the open one
      throw new Error('stopped by the user');
    });
    await new Promise((resolve) => setImmediate(resolve));

    // Code outside (a backup running beside the queue) may not write into it ...
    expect(() => put(r, 'test.outsider')).toThrow(/settled/);
    expect(() => r.audit({ action: 'backup.created' })).toThrow(/settled/);
    // ... and waits for it instead.
    let waited = false;
    const outsider = r.settled().then(() => {
      waited = true;
      put(r, 'test.outsider');
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(waited).toBe(false);

    resume();
    await expect(importing).rejects.toThrow('stopped by the user');
    await outsider;
    expect(settingsCount(r).n).toBe(1);
    expect(r.db.all(sql`SELECT key FROM settings WHERE key LIKE 'test.%'`)).toEqual([{ key: 'test.outsider' }]);
  });

  it('commits when its work resolves', async () => {
    const { register: r } = await registerForThisTest();
    await r.transactionWithPauses(async () => {
      put(r, 'test.a');
      await new Promise((resolve) => setImmediate(resolve));
      put(r, 'test.b');
    });
    expect(settingsCount(r).n).toBe(2);
  });
});

describe('attacks on the keyring and the back-off', () => {
  it('after a password change, an old keyring copy with the old password opens nothing', async () => {
    const { path, deps, register: reg } = await registerForThisTest();
    copyFileSync(`${path}.keyring`, `${path}.old-keyring`);
    await changeOwnPassword(reg, { currentPassword: OWNER.password, newPassword: 'Uusi-Salasana-Syksy-9' });
    reg.close();
    const oldKey = await unlockWithPassword(readKeyringFile(`${path}.old-keyring`), 'aino', OWNER.password);
    expect(() => openDatabase(path, oldKey)).toThrow(DatabaseKeyError);
    (await unlockRegister(path, { username: 'aino', password: 'Uusi-Salasana-Syksy-9' }, deps)).close();
  });

  it('refuses a staff entry relabelled with the owner’s user tag', async () => {
    const { path, deps, register: reg } = await registerForThisTest();
    await addUser(reg, STAFF);
    reg.close();
    const keyring = JSON.parse(readFileSync(`${path}.keyring`, 'utf8')) as Keyring;
    const ownerTag = userTag(keyring, 'aino');
    const staffEntry = keyring.entries.find((e) => e.userTag === userTag(keyring, 'eero'))!;
    keyring.entries = keyring.entries.filter((e) => e.userTag !== ownerTag);
    staffEntry.userTag = ownerTag;
    writeFileSync(`${path}.keyring`, JSON.stringify(keyring));
    await expectCode(unlockRegister(path, { username: 'aino', password: STAFF.password }, deps), 'WRONG_CREDENTIALS');
  });

  it('does not re-key while another connection has the file open, and then changes nothing', async () => {
    const { path, deps, register: reg } = await registerForThisTest();
    const staff = await addUser(reg, STAFF);
    const other = await unlockRegister(path, { username: 'eero', password: STAFF.password }, deps);
    const keyringBefore = readFileSync(`${path}.keyring`, 'utf8');
    expect(() => deactivateUser(reg, staff.id)).toThrow(expect.objectContaining({ code: 'REGISTER_BUSY' }));
    expect(readFileSync(`${path}.keyring`, 'utf8')).toBe(keyringBefore);
    expect(existsSync(`${path}.keyring.next`)).toBe(false);
    expect(listUsers(reg).find((u) => u.id === staff.id)?.active).toBe(true);
    other.close();
    deactivateUser(reg, staff.id);
    reg.close();
    await expectCode(unlockRegister(path, { username: 'eero', password: STAFF.password }, deps), 'WRONG_CREDENTIALS');
  });

  it('ignores a stale .keyring.next left before the file was re-keyed', async () => {
    const { path, deps, register: reg } = await registerForThisTest();
    reg.close();
    writeFileSync(`${path}.keyring.next`, readFileSync(`${path}.keyring`));
    const keyring = JSON.parse(readFileSync(`${path}.keyring.next`, 'utf8')) as Keyring;
    keyring.keyVersion = 99;
    writeFileSync(`${path}.keyring.next`, JSON.stringify(keyring));
    (await unlockRegister(path, { username: 'aino', password: OWNER.password }, deps)).close();
    expect(existsSync(`${path}.keyring.next`)).toBe(false);
  });

  it('treats a damaged back-off file as the longest wait, which does end', async () => {
    const { path, deps, register: reg } = await registerForThisTest();
    reg.close();
    writeFileSync(`${path}.logins`, '{ broken');
    await expectCode(unlockRegister(path, { username: 'aino', password: OWNER.password }, deps), 'LOGIN_THROTTLED');
    deps.clock.advanceMs(301_000);
    (await unlockRegister(path, { username: 'aino', password: OWNER.password }, deps)).close();
  });

  it('waits from now, not until a future date, after a failure recorded with a wrong clock', async () => {
    const { path, deps, register: reg } = await registerForThisTest();
    reg.close();
    writeFileSync(
      `${path}.logins`,
      JSON.stringify({ consecutiveFailures: 4, lastFailureAt: '2030-01-01T00:00:00.000Z' }),
    );
    await expectCode(unlockRegister(path, { username: 'aino', password: OWNER.password }, deps), 'LOGIN_THROTTLED');
    deps.clock.advanceMs(3_000);
    (await unlockRegister(path, { username: 'aino', password: OWNER.password }, deps)).close();
  });

  it('counts wrong current passwords in a password change towards the back-off', async () => {
    const { register: reg } = await registerForThisTest();
    for (let i = 0; i < 3; i++) {
      await expectCode(
        changeOwnPassword(reg, { currentPassword: `arvaus-${i}`, newPassword: 'Uusi-Salasana-Syksy-9' }),
        'WRONG_CURRENT_PASSWORD',
      );
    }
    await expectCode(
      changeOwnPassword(reg, { currentPassword: OWNER.password, newPassword: 'Uusi-Salasana-Syksy-9' }),
      'LOGIN_THROTTLED',
    );
  });
});
