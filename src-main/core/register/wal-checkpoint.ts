// Copying a large write's WAL into the file, in a worker thread. SQLite checkpoints when a commit
// leaves the WAL over 1,000 pages, in the committing thread, and SQLite3 Multiple Ciphers decrypts
// each page from the WAL and encrypts it again for the file: after an import of 100,000 rows that
// held the import's answer (and the app's main process) for 1.2–3 s. A large write commits with the
// automatic checkpoint off instead, and a worker with its own connection copies the WAL meanwhile
// (PASSIVE: it waits for no one, and the main connection writes on into the WAL as usual).
//
// Until the worker has let go of the file, what needs the file alone or a checkpoint of its own
// waits for it, blocking: a re-key (the journal mode cannot change while another connection is
// open), an erasure's TRUNCATE checkpoint (SQLite refuses a second checkpointer at once, without
// waiting) and closing (the key must not outlive the lock in a worker). The worker says it is done
// through a shared flag, which a blocked thread can wait on; its message could not arrive.
import type { Worker } from 'node:worker_threads';
import { currentNativeBinding } from '../../db/open';
import { startWorker } from '../workers';

export interface CheckpointOutcome {
  /** Frames in the WAL, and how many of them are now in the file. */
  log: number;
  checkpointed: number;
}

export interface CheckpointWorkerData {
  path: string;
  key: Uint8Array;
  nativeBinding: string | undefined;
  /** Set to 1 once the worker's connection is closed, whatever happened. */
  done: Int32Array;
}

export type CheckpointReply = ({ ok: true } & CheckpointOutcome) | { ok: false; message: string };

/** Longest a blocked caller waits: a checkpoint of a 100,000-person import takes about 1.5 s. */
const WAIT_LIMIT_MS = 30_000;

export class BackgroundCheckpoint {
  private running: { done: Int32Array; finished: Promise<CheckpointOutcome | null> } | null = null;

  /** Starts copying the WAL of `path` into it, unless a copy is still under way. */
  start(path: string, key: Buffer): void {
    if (this.running && Atomics.load(this.running.done, 0) === 0) return;
    const done = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const keyCopy = new Uint8Array(key);
    const data: CheckpointWorkerData = { path, key: keyCopy, nativeBinding: currentNativeBinding(), done };
    let worker: Worker;
    try {
      worker = startWorker(
        {
          built: new URL('./checkpoint-worker.js', import.meta.url),
          source: new URL('./checkpoint-worker.ts', import.meta.url),
        },
        { workerData: data, transferList: [keyCopy.buffer] },
      );
    } catch (error) {
      // Nothing is lost: the WAL keeps every page until a later checkpoint copies it.
      console.warn('kaappi: could not start the background checkpoint', error);
      return;
    }
    const finished = new Promise<CheckpointOutcome | null>((resolve) => {
      worker.once('message', (reply: CheckpointReply) => {
        if (!reply.ok) console.warn(`kaappi: background checkpoint failed: ${reply.message}`);
        resolve(reply.ok ? { log: reply.log, checkpointed: reply.checkpointed } : null);
      });
      worker.once('error', (error) => {
        console.warn('kaappi: background checkpoint failed', error);
        resolve(null);
      });
      worker.once('exit', () => {
        // A worker that never ran its code (it could not load) must not leave waiters blocked.
        Atomics.store(done, 0, 1);
        resolve(null);
      });
    });
    this.running = { done, finished };
  }

  /** The last checkpoint's outcome once it is over (null if it failed, or none ran). */
  settled(): Promise<CheckpointOutcome | null> {
    return this.running?.finished ?? Promise.resolve(null);
  }

  /** Blocks this thread until no worker holds the file. */
  waitSync(): void {
    if (this.running) Atomics.wait(this.running.done, 0, 0, WAIT_LIMIT_MS);
  }
}
