// A large import leaves copying its WAL into the file to a worker thread (wal-checkpoint.ts). What
// needs the file alone or a checkpoint of its own must wait for that worker: each case below runs
// right after the import returns, while the worker is still loading (it takes half a second or
// more), and would see a worker with a stale key, a busy file or an emptied WAL without the wait.
import { existsSync, statSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src-main/core/imports';
import type { UnlockedRegister } from '../../src-main/core/register';
import { unlockRegister } from '../../src-main/core/register/unlock';
import { erasePersons } from '../../src-main/core/retention';
import { persons } from '../../src-main/db/schema-register';
import { newRegister, OWNER } from '../fixtures/register';

const ROWS = 10_000; // an import this large commits without SQLite's own checkpoint (import.ts)

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function importedRegister() {
  const created = await newRegister();
  cleanups.push(() => {
    created.register.close();
    created.cleanup();
  });
  const lines = ['Etunimi;Sukunimi;Sähköposti'];
  for (let i = 0; i < ROWS; i++) lines.push(`Testi${i};Henkilö;testi.${i}@example.fi`);
  const bytes = new TextEncoder().encode(lines.join('\r\n'));
  const outcome = await runImport(
    created.register,
    { format: 'csv', files: [{ fileName: 'iso.csv', bytes }] },
    { badRows: 'stop', conflicts: 'choose' },
    'fi',
  );
  expect(outcome.counts.created).toBe(ROWS);
  return { ...created, fileBytesAtReturn: statSync(created.path).size };
}

const personCount = (register: UnlockedRegister) => register.db.select({ n: count() }).from(persons).get()!.n;
const walBytes = (path: string) => (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);

describe('a large import’s checkpoint in a worker thread', () => {
  it('copies every page of the import from the WAL into the file, after the import has returned', async () => {
    const { path, register, fileBytesAtReturn } = await importedRegister();
    const outcome = await register.backgroundCheckpoint();
    // The commit left the pages in the WAL (SQLite's own checkpoint would have copied them already).
    expect(statSync(path).size - fileBytesAtReturn).toBeGreaterThan(1_000_000);
    expect(outcome?.log).toBeGreaterThan(100);
    expect(outcome?.checkpointed).toBe(outcome?.log);
    expect(register.integrity()).toMatchObject({ ok: true });
  });

  it('an erasure right after waits for it, then empties the WAL', async () => {
    const { path, register } = await importedRegister();
    const someone = register.db.select().from(persons).where(eq(persons.emailKey, 'testi.7@example.fi')).get()!;
    erasePersons(register, { personIds: [someone.id], reason: 'request', action: 'delete' }, { bookkeepingYears: 6 });
    expect(walBytes(path)).toBe(0);
    // The worker copied the import's pages before the erasure's own checkpoint, not an empty WAL after it.
    expect((await register.backgroundCheckpoint())?.log).toBeGreaterThan(100);
    expect(personCount(register)).toBe(ROWS - 1);
  });

  it('a re-key right after waits for it: the worker never meets the new key, the file is not busy', async () => {
    const { register } = await importedRegister();
    expect(register.rekey().keyVersion).toBe(2);
    const outcome = await register.backgroundCheckpoint();
    expect(outcome?.log).toBeGreaterThan(100);
    expect(outcome?.checkpointed).toBe(outcome?.log);
    expect(personCount(register)).toBe(ROWS);
  });

  it('locking right after waits for it; the register opens again with every person', async () => {
    const { path, deps, register } = await importedRegister();
    register.close();
    expect((await register.backgroundCheckpoint())?.log).toBeGreaterThan(100);
    const again = await unlockRegister(path, { username: OWNER.username, password: OWNER.password }, deps);
    try {
      expect(personCount(again)).toBe(ROWS);
      expect(again.integrity()).toMatchObject({ ok: true });
    } finally {
      again.close();
    }
  });
});
