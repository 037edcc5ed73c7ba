import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup, restoreBackup } from '../../src-main/core/backup';
import { KaappiError } from '../../src-shared/errors';
import { createPerson, searchPersons } from '../../src-main/core/persons';
import { persons } from '../../src-main/db/schema-register';
import { unlockRegister } from '../../src-main/core/register';
import { erasePersons } from '../../src-main/core/retention';
import { person } from '../fixtures/people';
import { registerForThisTest, tempDirForThisTest } from '../fixtures/for-this-test';
import { OWNER } from '../fixtures/register';

const SETTINGS = { bookkeepingYears: 6 };
async function setup() {
  const created = await registerForThisTest();
  const usb = tempDirForThisTest('kaappi-usb-');
  return { ...created, usb };
}

const names = (register: Parameters<typeof searchPersons>[0]) =>
  searchPersons(register, { offset: 0, limit: 100 })
    .rows.map((r) => r.lastName)
    .sort();

async function expectCode(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toSatisfy((error) => error instanceof KaappiError && error.code === code);
}

describe('backup and restore', () => {
  it('bring the register back, with everyone erased since the backup erased again', async () => {
    const { register, path, deps, usb } = await setup();
    const kept = createPerson(register, person({ lastName: 'Virtanen', email: 'v@example.fi' }));
    const erasedLater = createPerson(register, person({ lastName: 'Jääskeläinen', email: 'j@example.fi' }));
    const { manifestPath, manifest } = await createBackup(register, usb, { appVersion: '0.1.0' });
    expect(manifest.counts['persons']).toBe(2);
    expect(readFileSync(join(usb, manifest.database)).includes(Buffer.from('Virtanen'))).toBe(false);

    deps.clock.advanceMs(60_000);
    erasePersons(register, { personIds: [erasedLater.id], reason: 'request', action: 'delete' }, SETTINGS);
    createPerson(register, person({ lastName: 'Uusi', email: 'u@example.fi' }));
    register.close();

    const result = await restoreBackup(
      path,
      manifestPath,
      { liveOwner: { username: OWNER.username, password: OWNER.password } },
      deps,
    );
    expect(result.erasedAgain).toBe(1);
    expect(result.keptAsidePath && existsSync(result.keptAsidePath)).toBe(true);
    const restored = await unlockRegister(path, { username: OWNER.username, password: OWNER.password }, deps);
    expect(names(restored)).toEqual(['Virtanen']);
    restored.close();
    void kept;
  });

  it('refuse a truncated or bit-flipped backup and leave the live register untouched', async () => {
    const { register, path, deps, usb } = await setup();
    createPerson(register, person());
    const { manifestPath, manifest } = await createBackup(register, usb, { appVersion: '0.1.0' });
    register.close();
    const liveBefore = readFileSync(path);
    const file = join(usb, manifest.database);
    const original = readFileSync(file);

    const flipped = Buffer.from(original);
    flipped[5000] = flipped[5000]! ^ 0x01;
    writeFileSync(file, flipped);
    await expectCode(
      restoreBackup(path, manifestPath, { liveOwner: { username: 'aino', password: OWNER.password } }, deps),
      'BACKUP_INVALID',
    );

    writeFileSync(file, original);
    truncateSync(file, original.length - 4096);
    await expectCode(
      restoreBackup(path, manifestPath, { liveOwner: { username: 'aino', password: OWNER.password } }, deps),
      'BACKUP_INVALID',
    );

    expect(readFileSync(path).equals(liveBefore)).toBe(true);
    expect(
      readdirSync(join(path, '..')).filter((f) => f.includes('restoring') || f.includes('before-restore')),
    ).toEqual([]);
  });

  it('survive the process being killed mid-backup: the live register is intact and no backup claims to be good', async () => {
    const { register, path, deps, usb } = await setup();
    // Enough data (about 20 MB) that VACUUM INTO takes a moment; inserted in bulk for speed.
    register.transaction((db) => {
      for (let chunk = 0; chunk < 10; chunk++) {
        const rows = Array.from({ length: 500 }, (_, i) => ({
          uid: randomUUID(),
          firstName: 'Testi',
          lastName: `Suku${chunk * 500 + i}`,
          kindId: 1,
          notes: randomBytes(2000).toString('base64'),
          statusChangedOn: '2026-11-23',
          lastActivityOn: '2026-11-23',
          createdAt: '2026-11-23T09:00:00.000Z',
          updatedAt: '2026-11-23T09:00:00.000Z',
        }));
        db.insert(persons).values(rows).run();
      }
    });
    register.close();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'backup-child.ts'), path, usb, OWNER.password],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    // Whatever the kill interrupted, only .partial files can be there: nothing under a final name.
    expect(readdirSync(usb).filter((f) => !f.endsWith('.partial'))).toEqual([]);
    const live = await unlockRegister(path, { username: 'aino', password: OWNER.password }, deps);
    expect(live.integrity().ok).toBe(true);
    expect(searchPersons(live, { offset: 0, limit: 1 }).total).toBe(5000);
    live.close();
  });
});
