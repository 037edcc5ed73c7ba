// Reading a large import's rows in worker threads. Reading a row (the person form's validation,
// phone numbers parsed with libphonenumber, dates, consents, the keys it is matched by) is most of
// an import's checking time and each row is read on its own, so chunks of rows go to workers in
// turn while this thread matches the chunks already read, in file order, and writes the new
// persons (apply.ts). Reading a row takes about 55 µs here, a quarter of it libphonenumber's.
// One core is left to this thread: on two cores, one reader beside it imported 100,000 rows in
// 9.3-11.2 s against 10.8-12.3 s for two readers with all the writing after the plan (six
// alternate runs; the one-reader import won each pair, also in six earlier pairs).
// Three busy threads on two cores cost more CPU time for the same work.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers';
import type { ReadableFile, ReaderSpec, Readings, SourceRow } from './reader';
import type { RowReading } from './rows';

/** Threads to read with at most: beyond this, matching in this thread is what waits. */
const MAX_READ_THREADS = 4;

export interface ReadJob {
  specs: ReaderSpec[];
  chunks: Array<{ id: number; fileIndex: number; rows: SourceRow[] }>;
}
export type ReadReply = { id: number; readings: RowReading[] } | { error: string; stack: string | undefined };

interface Pending {
  promise: Promise<RowReading[]>;
  resolve: (readings: RowReading[]) => void;
  reject: (error: Error) => void;
  settled: boolean;
}

function pending(): Pending {
  let resolve!: Pending['resolve'];
  let reject!: Pending['reject'];
  const promise = new Promise<RowReading[]>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A chunk nobody awaits any more (the plan stopped early) must not end the process when it fails.
  promise.catch(() => undefined);
  const entry: Pending = {
    promise,
    resolve: (readings) => {
      entry.settled = true;
      resolve(readings);
    },
    reject: (error) => {
      entry.settled = true;
      reject(error);
    },
    settled: false,
  };
  return entry;
}

export interface ReadPool {
  /** Hands the files' rows to the workers; call it once. */
  read(files: ReadableFile[], chunkRows: number): Readings;
  /** Stops the workers; call it when the plan is done or has failed. */
  close(): Promise<void>;
}

/**
 * Threads to read rows with: none on a single core; else every core but one when this thread
 * writes the import as it plans it, every core for a preview, which only plans.
 */
export function readThreads(thisThreadWrites: boolean, cores = availableParallelism()): number {
  return cores < 2 ? 0 : Math.min(MAX_READ_THREADS, cores - (thisThreadWrites ? 1 : 0));
}

/**
 * Starts `threads` workers. They load their code while this thread reads the files; `read` then
 * hands them the rows in chunks, in turn, so the chunks planImport needs next are read first and
 * by different workers.
 */
export function startReadPool(threads: number): ReadPool {
  const entry = {
    built: new URL('./import-read-worker.js', import.meta.url),
    source: new URL('./read-worker.ts', import.meta.url),
  };
  const chunks: Pending[] = [];
  /** Why the pool can read no more: a worker failed or stopped, or the pool was closed. */
  let failure: Error | null = null;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const chunk of chunks) if (!chunk.settled) chunk.reject(failure);
  };
  const workers: Worker[] = [];
  try {
    for (let i = 0; i < threads; i += 1) {
      const worker = startWorker(entry);
      workers.push(worker);
      worker.on('message', (reply: ReadReply) => {
        if ('error' in reply) {
          // The worker's stack goes in the cause, for the log, not in the message a user may see.
          const cause = Object.assign(new Error(reply.error), { stack: reply.stack });
          failAll(new Error(`reading rows failed in a worker: ${reply.error}`, { cause }));
        } else chunks[reply.id]!.resolve(reply.readings);
      });
      worker.once('error', failAll);
      worker.once('exit', (code) => failAll(new Error(`a worker reading rows stopped (exit code ${code})`)));
    }
  } catch (error) {
    for (const worker of workers) void worker.terminate();
    throw error;
  }

  return {
    read(files, chunkRows) {
      const jobs: ReadJob[] = workers.map(() => ({ specs: files.map((f) => f.reader), chunks: [] }));
      const chunkIds: number[][] = files.map((file, fileIndex) => {
        const ids: number[] = [];
        for (let start = 0; start < file.rows.length; start += chunkRows) {
          const id = chunks.length;
          chunks.push(pending());
          ids.push(id);
          jobs[id % jobs.length]!.chunks.push({ id, fileIndex, rows: file.rows.slice(start, start + chunkRows) });
        }
        return ids;
      });
      // A worker that has already stopped would drop its job without a word: fail now instead.
      if (failure) failAll(failure);
      else jobs.forEach((job, i) => workers[i]!.postMessage(job));
      return async function* (fileIndex) {
        for (const id of chunkIds[fileIndex] ?? []) yield await chunks[id]!.promise;
      };
    },
    async close() {
      failAll(new Error('the workers reading rows were closed'));
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
