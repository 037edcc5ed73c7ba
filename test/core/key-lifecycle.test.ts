// Who holds the key, tried as an attacker with an OS account would: entries written into the
// keyring file by hand, old keyring copies after a recovery, crashes half-way through a new
// password, and guesses made side by side.
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditLog, keyringEntries, registerInfo } from '../../src-main/db/schema';
import { DatabaseKeyError, openDatabase } from '../../src-main/db/open';
import { KaappiError } from '../../src-shared/errors';
import {
  formatRecoveryKey,
  newRecoveryEntry,
  newUserEntry,
  readKeyringFile,
  unlockWithPassword,
  unlockWithRecoveryKey,
  type Keyring,
} from '../../src-main/core/keyring';
import { recoverAccess, unlockRegister } from '../../src-main/core/register';
import { addUser, deactivateUser } from '../../src-main/core/users';
import { registerForThisTest } from '../fixtures/for-this-test';
import { FAST_SCRYPT, OWNER, STAFF } from '../fixtures/register';
import { systemRandom } from '../../src-main/core/clock';

const CTX = { random: systemRandom, scrypt: FAST_SCRYPT };

async function expectCode(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toSatisfy((error) => error instanceof KaappiError && error.code === code);
}

const keyringOf = (path: string) => readKeyringFile(`${path}.keyring`);
const writeKeyring = (path: string, keyring: Keyring) => writeFileSync(`${path}.keyring`, JSON.stringify(keyring));

/** What a staff user can do with their own password: take the key and seal it to a secret of theirs. */
async function plantRecoveryEntry(path: string): Promise<string> {
  const keyring = keyringOf(path);
  const key = await unlockWithPassword(keyring, STAFF.username, STAFF.password);
  const { entry, recoverySecret } = newRecoveryEntry(keyring, key, CTX);
  writeKeyring(path, { ...keyring, entries: [...keyring.entries, entry] });
  return formatRecoveryKey(recoverySecret);
}

describe('the keyring entries a register allows', () => {
  it('drops a recovery entry a staff user wrote into the keyring, so after their removal it opens nothing', async () => {
    const { path, register } = await registerForThisTest();
    const staff = await addUser(register, STAFF);
    const plantedKey = await plantRecoveryEntry(path);
    // The planted entry does open the current key: the file alone cannot tell it from the real one.
    expect((await unlockWithRecoveryKey(keyringOf(path), plantedKey)).length).toBe(32);

    deactivateUser(register, staff.id);
    register.close();

    const keyring = keyringOf(path);
    expect(keyring.entries.filter((e) => e.kind === 'recovery')).toHaveLength(1);
    await expect(unlockWithRecoveryKey(keyring, plantedKey)).rejects.toThrow();
  });

  it('refuses a login through an entry the register does not list, then re-keys it away', async () => {
    const { path, deps, register } = await registerForThisTest();
    await addUser(register, STAFF);
    register.close();
    // Eero seals the key he holds under the owner's name with a password of his own, in front
    // of the owner's real entry.
    const keyring = keyringOf(path);
    const key = await unlockWithPassword(keyring, STAFF.username, STAFF.password);
    const forged = await newUserEntry(keyring, key, OWNER.username, 'Eeron-Oma-Salasana-77', CTX);
    writeKeyring(path, { ...keyring, entries: [forged, ...keyring.entries] });

    await expectCode(
      unlockRegister(path, { username: OWNER.username, password: 'Eeron-Oma-Salasana-77' }, deps),
      'WRONG_CREDENTIALS',
    );
    const after = keyringOf(path);
    expect(after.entries.map((e) => e.id)).not.toContain(forged.id);
    expect(after.keyVersion).toBe(keyring.keyVersion + 1);
    expect(() => openDatabase(path, key)).toThrow(DatabaseKeyError);

    deps.clock.advanceMs(10_000);
    const owner = await unlockRegister(path, { username: OWNER.username, password: OWNER.password }, deps);
    const actions = owner.db.select({ action: auditLog.action, actor: auditLog.actorUserId }).from(auditLog).all();
    expect(actions).toContainEqual({ action: 'keyring.unlisted_entry_refused', actor: null });
    owner.close();
  });

  it('drops an unlisted entry at the next login and tells the owner how many', async () => {
    const { path, deps, register } = await registerForThisTest();
    await addUser(register, STAFF);
    register.close();
    const plantedKey = await plantRecoveryEntry(path);

    const owner = await unlockRegister(path, { username: OWNER.username, password: OWNER.password }, deps);
    expect(owner.droppedKeyringEntries).toBe(1);
    owner.close();
    await expect(unlockWithRecoveryKey(keyringOf(path), plantedKey)).rejects.toThrow();
  });

  it('lists the keyring of a register made before the list, and keeps its recovery key working', async () => {
    const { path, deps, register, recoveryKey } = await registerForThisTest();
    await addUser(register, STAFF);
    register.transaction((db) => {
      db.delete(keyringEntries).run();
      db.update(registerInfo).set({ keyringListedAt: null }).run();
    });
    register.close();

    const owner = await unlockRegister(path, { username: OWNER.username, password: OWNER.password }, deps);
    expect(owner.droppedKeyringEntries).toBe(0);
    expect(owner.db.select().from(keyringEntries).all()).toHaveLength(3);
    owner.close();
    (await unlockRegister(path, { username: STAFF.username, password: STAFF.password }, deps)).close();
    expect((await unlockWithRecoveryKey(keyringOf(path), recoveryKey)).length).toBe(32);
  });
});

describe('a new password', () => {
  it('set with the recovery key re-keys: an old keyring copy with the old password opens nothing', async () => {
    const { path, deps, register, recoveryKey } = await registerForThisTest();
    register.close();
    copyFileSync(`${path}.keyring`, `${path}.old-keyring`);
    const newPassword = 'Palautettu-Avain-Talvi-3';
    (await recoverAccess(path, { recoveryKey, username: OWNER.username, newPassword }, deps)).close();

    const oldKey = await unlockWithPassword(readKeyringFile(`${path}.old-keyring`), OWNER.username, OWNER.password);
    expect(() => openDatabase(path, oldKey)).toThrow(DatabaseKeyError);
    (await unlockRegister(path, { username: OWNER.username, password: newPassword }, deps)).close();
  });

  for (const mode of ['change', 'recover'] as const) {
    it(`leaves only the new password working after a crash between re-key and keyring (${mode})`, async () => {
      const { path, deps, register, recoveryKey } = await registerForThisTest();
      register.close();
      const newPassword = 'Kaatumisen-Jalkeen-Uusi-5';
      const secret = mode === 'change' ? OWNER.password : recoveryKey;
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(__dirname, 'rekey-crash-child.ts'), mode, path, OWNER.username, secret, newPassword],
        { stdio: ['ignore', 'inherit', 'inherit'] },
      );
      const signal = await new Promise((resolve) => child.once('exit', (_code, killedBy) => resolve(killedBy)));
      expect(signal).toBe('SIGKILL');

      await expect(
        unlockRegister(path, { username: OWNER.username, password: OWNER.password }, deps),
      ).rejects.toBeInstanceOf(KaappiError);
      deps.clock.advanceMs(10_000);
      (await unlockRegister(path, { username: OWNER.username, password: newPassword }, deps)).close();
    });
  }
});

describe('the login back-off', () => {
  it('counts guesses made side by side before checking them, so only the free ones are tried', async () => {
    const { path, deps, register } = await registerForThisTest();
    register.close();
    const guesses = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        unlockRegister(path, { username: OWNER.username, password: `arvaus-${i}` }, deps),
      ),
    );
    const codes = guesses.map((g) => (g.status === 'rejected' ? (g.reason as KaappiError).code : 'OPENED'));
    expect(codes.filter((c) => c === 'WRONG_CREDENTIALS')).toHaveLength(3);
    expect(codes.filter((c) => c === 'LOGIN_THROTTLED')).toHaveLength(5);
    expect(JSON.parse(readFileSync(`${path}.logins`, 'utf8'))).toMatchObject({ consecutiveFailures: 3 });
    await expectCode(
      unlockRegister(path, { username: OWNER.username, password: OWNER.password }, deps),
      'LOGIN_THROTTLED',
    );
  });
});
