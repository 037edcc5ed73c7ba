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
// waiting) and closing (the key must not outlive the lock in a worker). The worker reports through
// shared memory, which a blocked thread can wait on; its messages could not arrive. A PASSIVE
// checkpoint waits on no lock, so the worker always ends; if its code cannot even load, the loader
// raises the flag (core/workers.ts).
import type { Worker } from 'node:worker_threads';
import { currentNativeBinding } from '../../db/open';
import { startWorker } from '../workers';

export interface CheckpointOutcome {
  /** Frames in the WAL, and how many of them are now in the file. */
  log: number;
  checkpointed: number;
}

/** Shared with the worker: [done, ok, log, checkpointed]; `done` is raised last. */
export const DONE = 0;
export const OK = 1;
export const LOG = 2;
export const CHECKPOINTED = 3;

export interface CheckpointWorkerData {
  path: string;
  key: Uint8Array;
  nativeBinding: string | undefined;
  /** [done, ok, log, checkpointed]; the loader raises `done` too if the worker cannot load. */
  done: Int32Array;
}

/** Waiting longer than this means something is badly wrong: the caller is told the file is busy. */
const WAIT_LIMIT_MS = 5 * 60_000;

export class BackgroundCheckpoint {
  private running: { shared: Int32Array; finished: Promise<CheckpointOutcome | null> } | null = null;
  /** A large write committed while the worker was copying an earlier one: copy again after it. */
  private again = false;

  /**
   * `key` gives the register's current key, or null once it is locked; `afterCopy` runs when a
   * copy (and any queued after it) is over, on this thread.
   */
  constructor(
    private readonly path: string,
    private readonly key: () => Buffer | null,
    private readonly afterCopy: () => void = () => {},
  ) {}

  /** Whether a worker is copying (or about to). */
  get copying(): boolean {
    return this.running !== null && Atomics.load(this.running.shared, DONE) === 0;
  }

  /**
   * Starts copying the WAL into the file; if a copy is under way, another follows it. False if no
   * copy could start (locked, or the worker would not start): the WAL keeps every page meanwhile.
   */
  start(): boolean {
    if (this.copying) {
      this.again = true;
      return true;
    }
    const key = this.key();
    if (!key) return false;
    const shared = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
    const keyCopy = new Uint8Array(key);
    const data: CheckpointWorkerData = {
      path: this.path,
      key: keyCopy,
      nativeBinding: currentNativeBinding(),
      done: shared,
    };
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
      keyCopy.fill(0);
      // Nothing is lost: the WAL keeps every page until a later checkpoint copies it.
      console.warn('kaappi: could not start the background checkpoint', error);
      return false;
    }
    const finished = new Promise<CheckpointOutcome | null>((resolve) => {
      worker.once('error', (error) => console.warn('kaappi: background checkpoint failed', error));
      worker.once('exit', () => {
        Atomics.store(shared, DONE, 1);
        const ok = Atomics.load(shared, OK) === 1;
        if (!ok) console.warn('kaappi: background checkpoint did not complete; the WAL keeps the pages');
        // A copy started after this one had finished but before this event came: its own exit
        // does what follows. Else before resolving, so whoever awaits settled() finds it done.
        if (this.running?.shared === shared) {
          const queued = this.again;
          this.again = false;
          if (!queued || !this.start()) this.afterCopy();
        }
        resolve(ok ? { log: Atomics.load(shared, LOG), checkpointed: Atomics.load(shared, CHECKPOINTED) } : null);
      });
    });
    this.running = { shared, finished };
    return true;
  }

  /** The outcome of the last copy once it and any copy queued after it are over (null if it failed). */
  async settled(): Promise<CheckpointOutcome | null> {
    let outcome: CheckpointOutcome | null = null;
    let running = this.running;
    while (running) {
      outcome = await running.finished;
      // A queued copy starts as the one before it exits.
      running = this.running === running ? null : this.running;
    }
    return outcome;
  }

  /**
   * Blocks this thread until no worker holds the file. False if one still did after the limit;
   * a copy queued behind it is dropped (the next checkpoint copies those pages).
   */
  waitSync(): boolean {
    this.again = false;
    if (!this.running) return true;
    return Atomics.wait(this.running.shared, DONE, 0, WAIT_LIMIT_MS) !== 'timed-out';
  }
}
