// What an open register does with its WAL beyond SQLite's own handling:
// - A write of many pages (a large import or erasure) commits with the automatic checkpoint off and
//   a worker copies the WAL into the file afterwards (wal-checkpoint.ts). The automatic checkpoint
//   stays off until that copy is over: SQLite would otherwise copy everything itself, in this
//   thread, at the next small commit (a log entry a moment later).
// - An erasure empties the WAL afterwards (TRUNCATE), so no old page survives in the file or the
//   WAL. After a large erasure that waits for the worker's copy; whatever holds it off (a backup's
//   reader, an import's open transaction) is waited out, and lock waits for everything.
import type { SqliteConnection } from '../../db/open';
import type { AsyncTransactions } from './async-transaction';
import { BackgroundCheckpoint, type CheckpointOutcome } from './wal-checkpoint';

/** SQLite's default: it checkpoints after a commit that leaves the WAL at 1,000 pages or more. */
const AUTOCHECKPOINT_PAGES = 1000;

/** Turns SQLite's automatic checkpoint off on `sqlite` until a WalKeeper's copy turns it back on. */
export function holdAutomaticCheckpoint(sqlite: SqliteConnection): void {
  sqlite.pragma('wal_autocheckpoint = 0');
}

export class WalKeeper {
  private readonly checkpoints: BackgroundCheckpoint;
  /** An erasure's emptying of the WAL still to do. */
  private truncatePending = false;

  constructor(
    private readonly sqlite: SqliteConnection,
    private readonly pausing: AsyncTransactions,
    path: string,
    /** The register's key while it is open, else null. */
    private readonly key: () => Buffer | null,
  ) {
    this.checkpoints = new BackgroundCheckpoint(path, key, () => this.afterCopy());
  }

  private get isOpen(): boolean {
    return this.key() !== null;
  }

  async writingManyPages<T>(write: () => Promise<T>): Promise<T> {
    holdAutomaticCheckpoint(this.sqlite);
    let written = false;
    try {
      const result = await write();
      written = true;
      return result;
    } finally {
      this.afterManyPages(written);
    }
  }

  writingManyPagesSync<T>(write: () => T): T {
    holdAutomaticCheckpoint(this.sqlite);
    let written = false;
    try {
      const result = write();
      written = true;
      return result;
    } finally {
      this.afterManyPages(written);
    }
  }

  private afterManyPages(written: boolean): void {
    if (!this.isOpen) return;
    // The copy's end (afterCopy) turns the automatic checkpoint back on.
    if (written && this.checkpoints.start()) return;
    if (!this.checkpoints.copying) this.afterCopy();
  }

  /** For a WAL a crash left (unlock turned the automatic checkpoint off before its first commit). */
  emptyLeftover(): void {
    this.truncatePending = true;
    this.afterManyPages(true);
  }

  /** The last background copy's outcome once it, and any queued after it, is over. */
  settled(): Promise<CheckpointOutcome | null> {
    return this.checkpoints.settled();
  }

  /** Blocks until no worker holds the file; false if one still did after the limit. */
  waitForCopy(): boolean {
    return this.checkpoints.waitSync();
  }

  /**
   * Copies the WAL into the file and empties it now. Waits for a background copy first: SQLite
   * runs one checkpointer at a time. A backup's snapshot reading for longer than the busy timeout
   * holds the WAL: then false, and it is tried again when the backup is done and at lock.
   */
  truncate(): boolean {
    const [result] = this.checkpoints.waitSync()
      ? (this.sqlite.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>)
      : [{ busy: 1 }];
    this.truncatePending = result?.busy !== 0;
    if (this.truncatePending) console.warn('kaappi: the WAL could not be emptied now; tried again later');
    return !this.truncatePending;
  }

  /** truncate, once the background copy of the write just made is over: this thread is not held. */
  truncateAfterCopy(): void {
    this.truncatePending = true;
    this.retryTruncate();
  }

  /**
   * A pending emptying of the WAL, now if nothing holds it off. A running copy tries again when it
   * ends; an import's open transaction, after its commit and the copy that may start then.
   */
  retryTruncate(): void {
    if (!this.truncatePending || !this.isOpen || this.checkpoints.copying) return;
    if (this.sqlite.inTransaction) {
      // Only a pausing transaction can be open between this thread's events.
      void this.pausing.settled().then(() => setImmediate(() => this.retrySafely()));
      return;
    }
    this.truncate();
  }

  /** At lock: waits for the copy, then empties the WAL if an erasure is waiting for it. */
  beforeClose(): void {
    if (this.checkpoints.waitSync() && this.truncatePending && !this.sqlite.inTransaction) this.truncate();
  }

  private afterCopy(): void {
    this.retrySafely(() => {
      if (this.isOpen) this.sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    });
  }

  /** From an event: a throw there would end the process. */
  private retrySafely(first: () => void = () => {}): void {
    try {
      first();
      this.retryTruncate();
    } catch (error) {
      // Nothing is lost: it is tried again after a backup and at lock.
      console.warn('kaappi: could not empty the WAL after the background copy', error);
    }
  }
}
