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

/** The code that loads the entry: the built one when it exists, else the source under tsx. */
function loaderCode(entry: WorkerEntry): string {
  if (existsSync(fileURLToPath(entry.built))) return `import(${JSON.stringify(entry.built.href)})`;
  return `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.source.href)}); })`;
}

export function startWorker(entry: WorkerEntry, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  return new Worker(loaderCode(entry), { ...options, eval: true });
}
