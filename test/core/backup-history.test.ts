import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupNow, backupStatus, listBackups, pruneBackups, restoreBackup } from '../../src-main/core/backup';
import { createPerson } from '../../src-main/core/persons';
import { rotateRegisterKey } from '../../src-main/core/register';
import { updateSettings } from '../../src-main/core/settings';
import { person } from '../fixtures/people';
import { registerForThisTest, tempDirForThisTest } from '../fixtures/for-this-test';
import { OWNER } from '../fixtures/register';

async function setup() {
  const created = await registerForThisTest();
  const usb = tempDirForThisTest('kaappi-usb-');
  createPerson(created.register, person());
  const travelDays = (days: number) => created.deps.clock.advanceMs(days * 86_400_000);
  return { ...created, usb, travelDays };
}

describe('backup history', () => {
  it('reminds when there is no verified backup, or the last one is older than the setting', async () => {
    const { register, usb, travelDays } = await setup();
    expect(backupStatus(register)).toMatchObject({ lastVerifiedAt: null, ageDays: null, reminderDue: true });
    const made = await backupNow(register, usb, '0.1.0');
    expect(made).toMatchObject({ verified: true, keyVersion: 1, opensWithUsers: [OWNER.displayName] });
    expect(backupStatus(register)).toMatchObject({ ageDays: 0, reminderDue: false, reminderDays: 7 });
    travelDays(6);
    expect(backupStatus(register).reminderDue).toBe(false);
    travelDays(1);
    expect(backupStatus(register)).toMatchObject({ ageDays: 7, reminderDue: true });
    updateSettings(register, { backupReminderDays: 14 });
    expect(backupStatus(register).reminderDue).toBe(false);
  });

  it('records a failed backup as failed, and never as the last good one', async () => {
    const { register, usb, travelDays } = await setup();
    await backupNow(register, usb, '0.1.0');
    travelDays(1);
    // A file where the folder should be: the copy cannot be written.
    const blocked = join(usb, 'not-a-folder');
    writeFileSync(blocked, 'x');
    await expect(backupNow(register, blocked, '0.1.0')).rejects.toThrow('BACKUP_FOLDER_UNAVAILABLE');
    // A stick pulled out after the dialog: nothing is created in its place on the laptop.
    await expect(backupNow(register, join(usb, 'unplugged'), '0.1.0')).rejects.toThrow('BACKUP_FOLDER_UNAVAILABLE');
    expect(existsSync(join(usb, 'unplugged'))).toBe(false);
    const status = backupStatus(register);
    expect(status.ageDays).toBe(1);
    expect(status.lastFailure).not.toBeNull();
    expect(listBackups(register).map((b) => b.verified)).toEqual([false, false, true]);
  });

  it('removes on request only the backups beyond the newest N, and only files their manifests name', async () => {
    const { register, usb, travelDays } = await setup();
    updateSettings(register, { backupKeep: 2 });
    for (let i = 0; i < 4; i++) {
      await backupNow(register, usb, '0.1.0');
      travelDays(1);
    }
    writeFileSync(join(usb, 'oma-muistio.txt'), 'owner notes');
    const dryRun = pruneBackups(register, usb, { apply: false });
    expect(dryRun.kept).toHaveLength(2);
    expect(dryRun.removed).toHaveLength(2);
    expect(readdirSync(usb).filter((f) => f.endsWith('.manifest.json'))).toHaveLength(4);
    pruneBackups(register, usb, { apply: true });
    const left = readdirSync(usb).sort();
    expect(left.filter((f) => f.endsWith('.manifest.json')).sort()).toEqual([...dryRun.kept].sort());
    expect(left).toContain('oma-muistio.txt');
    // Each backup: database, keyring, erasure ledger, removed users, manifest.
    expect(left).toHaveLength(2 * 5 + 1);
  });

  it('after a re-key with a new recovery key, an older backup still opens with the recovery key of its time', async () => {
    const { register, usb, path, deps, recoveryKey: oldRecoveryKey } = await setup();
    const before = await backupNow(register, usb, '0.1.0');
    const { keyVersion, recoveryKey } = rotateRegisterKey(register, { newRecoveryKey: true });
    expect(keyVersion).toBe(2);
    expect(recoveryKey).not.toBeNull();
    mkdirSync(join(usb, 'after'));
    const after = await backupNow(register, join(usb, 'after'), '0.1.0');
    const listed = listBackups(register);
    expect(listed.find((b) => b.id === before.id)).toMatchObject({ keyVersion: 1, currentRecoveryKey: false });
    expect(listed.find((b) => b.id === after.id)).toMatchObject({ keyVersion: 2, currentRecoveryKey: true });
    register.close();

    const manifest = join(usb, before.manifestFile!);
    const OWNER_LOGIN = { username: OWNER.username, password: OWNER.password };
    await expect(
      restoreBackup(
        path,
        manifest,
        { liveOwner: OWNER_LOGIN, backup: { username: OWNER.username, recoveryKey: recoveryKey! } },
        deps,
      ),
    ).rejects.toThrow();
    const restored = await restoreBackup(
      path,
      manifest,
      { liveOwner: OWNER_LOGIN, backup: { username: OWNER.username, recoveryKey: oldRecoveryKey } },
      deps,
    );
    expect(restored.manifest.keyVersion).toBe(1);
    expect(existsSync(path)).toBe(true);
  });
});
