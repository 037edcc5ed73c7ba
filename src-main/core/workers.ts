// Starting a worker thread from core code, in the built app and from the TypeScript sources alike.
// electron-vite builds each worker as its own entry beside the bundle's flat chunks
// (electron.vite.config.ts), so the built worker is found next to whichever chunk asks for it;
// under tsx and vitest the worker is the .ts source, loaded through tsx's loader.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export interface WorkerEntry {
  /** The built entry, e.g. `new URL('./import-read-worker.js', import.meta.url)`. */
  built: URL;
  /** The source, e.g. `new URL('./read-worker.ts', import.meta.url)`. */
  source: URL;
}

/**
 * If the entry cannot load, a worker whose workerData has `done` (an Int32Array on shared memory)
 * gets done[0] raised: a thread blocked waiting on it wakes (it cannot see the worker's exit).
 */
const RAISE_DONE_ON_FAILURE = `.catch((error) => {
  const done = require('node:worker_threads').workerData?.done;
  if (done instanceof Int32Array) { Atomics.store(done, 0, 1); Atomics.notify(done, 0); }
  throw error;
})`;

/** The code that loads the entry: the built one when it exists, else the source under tsx. */
function loaderCode(entry: WorkerEntry): string {
  const load = existsSync(fileURLToPath(entry.built))
    ? `import(${JSON.stringify(entry.built.href)})`
    : `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.source.href)}); })`;
  return load + RAISE_DONE_ON_FAILURE;
}

export function startWorker(entry: WorkerEntry, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  return new Worker(loaderCode(entry), { ...options, eval: true });
}
