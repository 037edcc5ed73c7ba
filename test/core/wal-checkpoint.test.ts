// A large import leaves copying its WAL into the file to a worker thread (wal-checkpoint.ts). What
// needs the file alone or a checkpoint of its own must wait for that worker: each case below runs
// right after the import returns, while the worker is still loading (it takes half a second or
// more), and would see a worker with a stale key, a busy file or an emptied WAL without the wait.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { runImport } from '../../src-main/core/imports';
import { startWorker } from '../../src-main/core/workers';
import { openDatabase } from '../../src-main/db/open';
import type { UnlockedRegister } from '../../src-main/core/register';
import { unlockRegister } from '../../src-main/core/register/unlock';
import { erasePersons } from '../../src-main/core/retention';
import { LARGE_ERASURE } from '../../src-main/core/retention/erase';
import { persons } from '../../src-main/db/schema-register';
import { registerForThisTest } from '../fixtures/for-this-test';
import { OWNER } from '../fixtures/register';
import { decryptedPages, findInPages } from '../fixtures/sqlcipher-pages';

const ROWS = 10_000; // an import this large commits without SQLite's own checkpoint (import.ts)

async function importRows(register: UnlockedRegister, prefix: string) {
  const lines = ['Etunimi;Sukunimi;Sähköposti'];
  for (let i = 0; i < ROWS; i++) lines.push(`Testi${i};Henkilö;${prefix}.${i}@example.fi`);
  const bytes = new TextEncoder().encode(lines.join('\r\n'));
  const outcome = await runImport(
    register,
    { format: 'csv', files: [{ fileName: `${prefix}.csv`, bytes }] },
    { badRows: 'stop', conflicts: 'choose' },
    'fi',
  );
  expect(outcome.counts.created).toBe(ROWS);
}

async function importedRegister() {
  const created = await registerForThisTest();
  await importRows(created.register, 'testi');
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

  it('two large imports one after the other leave the file whole once their copies are done', async () => {
    const { path, register } = await importedRegister();
    await importRows(register, 'toinen');
    await register.backgroundCheckpoint();
    // Nothing was left for a checkpoint of this connection to copy: the file is already whole.
    const size = statSync(path).size;
    register.truncateWal();
    expect(statSync(path).size).toBe(size);
    expect(personCount(register)).toBe(2 * ROWS);
  });

  it('an erasure while a backup reads holds the WAL is emptied again once the reading is over', async () => {
    const { path, register } = await importedRegister();
    await register.backgroundCheckpoint();
    const reader = register.withDatabaseKey((key) => openDatabase(path, Buffer.from(key), { readonly: true }));
    try {
      reader.sqlite.exec('BEGIN');
      reader.sqlite.prepare('SELECT count(*) FROM persons').get();
      register.db.$client.pragma('busy_timeout = 50');
      const someone = register.db.select().from(persons).where(eq(persons.emailKey, 'testi.3@example.fi')).get()!;
      erasePersons(register, { personIds: [someone.id], reason: 'request', action: 'delete' }, { bookkeepingYears: 6 });
      expect(walBytes(path)).toBeGreaterThan(0);
      reader.sqlite.exec('COMMIT');
    } finally {
      reader.sqlite.close();
    }
    register.retryWalTruncate();
    expect(walBytes(path)).toBe(0);
  });

  it('a worker whose code cannot load still wakes a thread waiting on it', () => {
    const done = new Int32Array(new SharedArrayBuffer(16));
    const missing = new URL('./no-such-worker.ts', import.meta.url);
    const worker = startWorker({ built: missing, source: missing }, { workerData: { done } });
    worker.on('error', () => undefined);
    expect(Atomics.wait(done, 0, 0, 20_000)).not.toBe('timed-out');
  });
});

describe('a large erasure’s checkpoint in a worker thread', () => {
  /** The first LARGE_ERASURE imported persons, and texts only they have, seen in the file first. */
  async function beforeLargeErasure() {
    const imported = await importedRegister();
    const { path, register } = imported;
    await register.backgroundCheckpoint();
    const victims = register.db
      .select({ id: persons.id })
      .from(persons)
      .orderBy(persons.id)
      .limit(LARGE_ERASURE)
      .all()
      .map((p) => p.id);
    const texts = ['testi.17@example.fi', 'testi.999@example.fi'];
    const key = register.withDatabaseKey((k) => Buffer.from(k));
    // The scanner must see the data while it is there, or its silence later proves nothing.
    expect(findInPages(decryptedPages(path, key), texts)).toEqual(texts);
    const erase = () =>
      erasePersons(register, { personIds: victims, reason: 'inactive', action: 'delete' }, { bookkeepingYears: 6 });
    return { ...imported, key, texts, erase };
  }

  it('returns before the pages are copied; then the file and the WAL hold no trace of the erased', async () => {
    const { path, register, key, texts, erase } = await beforeLargeErasure();
    expect(erase().erased).toHaveLength(LARGE_ERASURE);
    // Returned with the erasure's pages in the WAL, the old ones still in the file.
    expect(walBytes(path)).toBeGreaterThan(1_000_000);
    expect(findInPages(decryptedPages(path, key), texts)).toEqual(texts);
    // Off until the copy is over: a small commit meanwhile would make SQLite copy it all here.
    const automaticCheckpoint = () => register.db.$client.pragma('wal_autocheckpoint', { simple: true });
    expect(automaticCheckpoint()).toBe(0);
    const outcome = await register.backgroundCheckpoint();
    expect(automaticCheckpoint()).toBe(1000);
    expect(outcome?.checkpointed).toBe(outcome?.log);
    expect(walBytes(path)).toBe(0);
    expect(findInPages(decryptedPages(path, key), texts)).toEqual([]);
    expect(personCount(register)).toBe(ROWS - LARGE_ERASURE);
    expect(register.integrity()).toMatchObject({ ok: true });
  });

  it('an import open when the copy ends: the WAL is emptied once the import has committed', async () => {
    const { path, register, key, texts, erase } = await beforeLargeErasure();
    erase();
    let copied = false;
    const importing = register.transactionWithPauses(async () => {
      // Holds the import's transaction open until the erasure's copy is over.
      await register.backgroundCheckpoint();
      copied = true;
      expect(walBytes(path)).toBeGreaterThan(0);
    });
    await importing;
    expect(copied).toBe(true);
    await vi.waitFor(() => expect(walBytes(path)).toBe(0), { timeout: 5000 });
    expect(findInPages(decryptedPages(path, key), texts)).toEqual([]);
  });

  it('after a crash before the copy, the next unlock copies the pages and empties the WAL', async () => {
    const { path, deps, register, key, texts } = await beforeLargeErasure();
    register.close();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'erase-child.ts'), path, OWNER.username, OWNER.password],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    const signal = await new Promise((resolve) => child.once('exit', (_code, killedBy) => resolve(killedBy)));
    expect(signal).toBe('SIGKILL');
    // What the crash left: the erasure committed in the WAL, the old pages still in the file.
    expect(walBytes(path)).toBeGreaterThan(1_000_000);
    expect(findInPages(decryptedPages(path, key), texts)).toEqual(texts);
    const again = await unlockRegister(path, { username: OWNER.username, password: OWNER.password }, deps);
    try {
      await again.backgroundCheckpoint();
      expect(walBytes(path)).toBe(0);
      expect(findInPages(decryptedPages(path, key), texts)).toEqual([]);
      expect(personCount(again)).toBe(ROWS - LARGE_ERASURE);
    } finally {
      again.close();
    }
  });
});
