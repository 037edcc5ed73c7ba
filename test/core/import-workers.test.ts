// Reading an import's rows in worker threads (read-in-workers.ts): the workers must read every row
// exactly as this thread would, hand the chunks back in file order, and fail an import cleanly
// when they stop; a large file goes through them from preview to run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { previewImport, runImport, type ImportFile, type ImportRequest } from '../../src-main/core/imports';
import { prepareImport } from '../../src-main/core/imports/import';
import { startReadPool } from '../../src-main/core/imports/read-in-workers';
import { readingsInThread, type Readings } from '../../src-main/core/imports/reader';
import type { RowReading } from '../../src-main/core/imports/rows';
import { persons } from '../../src-main/db/schema-register';
import { registerForThisTest } from '../fixtures/for-this-test';

// The real pool, counted, and two reading threads on any machine: the large import below must go
// through the workers even where availableParallelism() is 1.
const pools = vi.hoisted(() => ({ started: 0, chunksHandedOut: 0 }));
vi.mock('../../src-main/core/imports/read-in-workers', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src-main/core/imports/read-in-workers')>();
  return {
    ...real,
    readThreads: () => 2,
    startReadPool: (threads: number) => {
      pools.started += 1;
      const pool = real.startReadPool(threads);
      return {
        ...pool,
        read: (...args: Parameters<typeof pool.read>) => {
          pools.chunksHandedOut += args[0].reduce((sum, f) => sum + Math.ceil(f.rows.length / args[1]), 0);
          return pool.read(...args);
        },
      };
    },
  };
});

const FIXTURES = fileURLToPath(new URL('../fixtures/imports/', import.meta.url));
const file = (path: string): ImportFile => ({
  fileName: path.split('/').pop()!,
  bytes: readFileSync(join(FIXTURES, path)),
});
const folder = (name: string) => readdirSync(join(FIXTURES, name)).map((f) => file(`${name}/${f}`));
const NOW = '2026-11-24T09:00:00.000Z';

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function all(readings: Readings, files: number): Promise<RowReading[][]> {
  const result: RowReading[][] = [];
  for (let i = 0; i < files; i += 1) {
    const rows: RowReading[] = [];
    for await (const chunk of readings(i)) rows.push(...chunk);
    result.push(rows);
  }
  return result;
}

describe('reading rows in worker threads', () => {
  it('reads every fixture row exactly as this thread does, in file order, chunk after chunk', async () => {
    const requests: ImportRequest[] = [
      { format: 'mailchimp', files: [...folder('mailchimp-2019'), ...folder('mailchimp-2025')] },
      { format: 'google-forms', files: [file('ilmoittautuminen-kevatretriitti-2025.csv')] },
      { format: 'csv', files: [file('asiakkaat-excel-fi.csv'), file('asiakkaat-rikki.csv')] },
    ];
    for (const request of requests) {
      const { files, fileProblems } = await prepareImport(request, 'fi', NOW);
      expect(fileProblems).toEqual([]);
      // Chunks of two rows: every file spans several, handed to the two workers in turn.
      const pool = startReadPool(2);
      cleanups.push(() => pool.close());
      const fromWorkers = await all(pool.read(files, 2), files.length);
      const inThread = await all(readingsInThread(files, 2), files.length);
      expect(fromWorkers).toEqual(inThread);
      expect(fromWorkers.map((rows) => rows.length)).toEqual(files.map((f) => f.rows.length));
    }
  });

  it('fails the readings still awaited when the pool is closed, without an unhandled rejection', async () => {
    const { files } = await prepareImport({ format: 'csv', files: [file('asiakkaat-excel-fi.csv')] }, 'fi', NOW);
    const pool = startReadPool(2);
    const readings = pool.read(files, 1);
    await pool.close();
    await expect(all(readings, files.length)).rejects.toThrow(/closed/);
  });

  // A worker that crashed sets the same failure as closing does; closing is what a test can do.
  it('fails at once, not never, when the pool could read no more before the rows were handed out', async () => {
    const { files } = await prepareImport({ format: 'csv', files: [file('asiakkaat-excel-fi.csv')] }, 'fi', NOW);
    const pool = startReadPool(2);
    await pool.close();
    await expect(all(pool.read(files, 1), files.length)).rejects.toThrow(/closed/);
  }, 10_000);
});

describe('how many threads read', () => {
  it('none on one core; beside a thread that writes, every core but one; for a preview, every core; at most four', async () => {
    const { readThreads } = await vi.importActual<typeof import('../../src-main/core/imports/read-in-workers')>(
      '../../src-main/core/imports/read-in-workers',
    );
    const writing = [1, 2, 3, 8].map((cores) => readThreads(true, cores));
    const previewing = [1, 2, 3, 8].map((cores) => readThreads(false, cores));
    expect({ writing, previewing }).toEqual({ writing: [0, 1, 2, 4], previewing: [0, 2, 3, 4] });
  });
});

describe('a large import', () => {
  const ROWS = 6000;
  /** A Finnish Excel CSV: a bad email on line 1501, a bad phone on 4322, line 5001 repeats line 11's email. */
  function largeCsv(): ImportFile {
    const lines = ['Etunimi;Sukunimi;Sähköposti;Puhelin;Postinumero'];
    for (let i = 0; i < ROWS; i += 1) {
      const line = i + 2;
      const email = line === 1501 ? 'ei-osoite' : line === 5001 ? 'asiakas9@example.fi' : `asiakas${i}@example.fi`;
      const phone = line === 4322 ? '123' : `040 ${String(100 + (i % 900))} ${String(1000 + (i % 9000))}`;
      lines.push([`Etu${i}`, `Suku${i}`, email, phone, String(10000 + i).slice(-5)].join(';'));
    }
    return { fileName: 'asiakkaat-6000.csv', bytes: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') };
  }

  it('goes through the workers from preview to run: bad lines named, the repeat merged, the rest created', async () => {
    const { register } = await registerForThisTest();
    const request: ImportRequest = { format: 'csv', files: [largeCsv()] };
    pools.started = 0;
    pools.chunksHandedOut = 0;

    const preview = await previewImport(register, request, 'fi');
    expect(preview.counts).toMatchObject({ rows: ROWS, created: ROWS - 3, badRows: 2, conflicts: 4 });
    expect(preview.problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.column])).toEqual([
      [1501, 'Sähköposti'],
      [4322, 'Puhelin'],
    ]);
    // Line 5001 is asiakas9 by email, with another name, phone and postal code: four conflicts.
    expect(new Set(preview.conflicts.map((c) => c.line))).toEqual(new Set([5001]));
    expect(preview.sample.map((s) => s.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));

    const outcome = await runImport(register, request, { badRows: 'skip', conflicts: 'keep_register' }, 'fi');
    expect(outcome).toMatchObject({ status: 'imported', counts: { created: ROWS - 3, badRows: 2, unchanged: 1 } });
    const last = register.db
      .select()
      .from(persons)
      .where(eq(persons.emailKey, `asiakas${ROWS - 1}@example.fi`))
      .get();
    expect(last).toMatchObject({ firstName: `Etu${ROWS - 1}`, lastName: `Suku${ROWS - 1}`, phone: '+358406996999' });
    const repeated = register.db.select().from(persons).where(eq(persons.emailKey, 'asiakas9@example.fi')).all();
    expect(repeated.map((p) => p.firstName)).toEqual(['Etu9']);
    // Preview and run each read the 6,000 rows in workers, 1,000 to a chunk.
    expect(pools).toEqual({ started: 2, chunksHandedOut: 12 });
  });
});
