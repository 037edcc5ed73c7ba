// A write transaction that may pause inside it. A large import holds one transaction for all its
// rows (all or nothing) but must let the event loop run so its progress reaches the window. While
// it pauses, the only other code that can run on the same connection is a call the registry lets
// run beside the queue (a backup): its writes would silently join the open transaction and be
// committed or rolled back with it, so it waits with `settled()` first, and a synchronous
// transaction started from outside the open one throws instead of joining it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqliteConnection } from '../../db/open';

interface OpenTransaction {
  done: Promise<void>;
}

export class AsyncTransactions {
  private open: OpenTransaction | null = null;
  private readonly scope = new AsyncLocalStorage<OpenTransaction>();

  constructor(private readonly sqlite: SqliteConnection) {}

  private get openElsewhere(): OpenTransaction | null {
    return this.open && this.scope.getStore() !== this.open ? this.open : null;
  }

  /** Resolves when no pausing transaction is open, unless the caller runs inside it. */
  async settled(): Promise<void> {
    for (let open = this.openElsewhere; open; open = this.openElsewhere) await open.done;
  }

  /** For synchronous writers: they cannot wait, and must not write into someone else's transaction. */
  assertNotInsideAnother(): void {
    if (this.openElsewhere) {
      throw new Error('A write outside the open import transaction: await register.settled() first');
    }
  }

  /** Runs `work` in one IMMEDIATE transaction, committed when it resolves and rolled back when it throws. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.settled();
    if (this.open) throw new Error('Transactions that pause cannot nest');
    let finish!: () => void;
    const open: OpenTransaction = { done: new Promise<void>((resolve) => (finish = resolve)) };
    this.sqlite.exec('BEGIN IMMEDIATE');
    this.open = open;
    try {
      const result = await this.scope.run(open, work);
      this.sqlite.exec('COMMIT');
      return result;
    } catch (error) {
      // Locking closes the connection, which rolls back by itself.
      if (this.sqlite.open && this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
      throw error;
    } finally {
      this.open = null;
      finish();
    }
  }
}
