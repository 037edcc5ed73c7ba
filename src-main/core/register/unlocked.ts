// An open register: the decrypted connection, the database key, and who opened it.
// Closing (locking) drops the key from memory and closes the database.
import { renameSync, rmSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import {
  applyRekey,
  beginExclusiveRekey,
  checkDatabaseIntegrity,
  endExclusiveRekey,
  preparedQuery,
  type OpenedDatabase,
  type ReadableDb,
  type RegisterDb,
} from '../../db/open';
import { auditTriggerProblems, restoreAuditTriggers } from '../../db/audit-triggers';
import { users, type Role } from '../../db/schema';
import { appendAudit, appendAuditMany, writeHeadFile, type AuditEvent, type SealedHead } from '../audit';
import type { Clock, RandomSource } from '../clock';
import { KaappiError } from '../../../src-shared/errors';
import {
  readKeyringFile,
  rotateDatabaseKey,
  writeKeyringFile,
  type Keyring,
  type KeyringContext,
  type KeyringEntry,
  type ScryptParams,
} from '../keyring';
import { AsyncTransactions } from './async-transaction';
import { AuditAnchor } from './audit-anchor';
import type { RestoreConfirmation } from './restore-confirmation';
import type { RegisterFiles } from './files';
import { allowedEntries, listEntries, unlistEntries, unlistMissing } from './keyring-list';
import type { CheckpointOutcome } from './wal-checkpoint';
import { WalKeeper } from './wal-keeper';

export interface RegisterDeps {
  clock: Clock;
  random: RandomSource;
  /** Cost for new password entries; OWASP_SCRYPT in the app, cheaper in some tests. */
  scrypt: ScryptParams;
}

/** What a re-key changes in the keyring besides the key (see UnlockedRegister.rekey). */
export interface KeyringChange {
  edit?: (keyring: Keyring) => Keyring;
  list?: Array<{ entry: KeyringEntry; userId: number | null }>;
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

export class UnlockedRegister {
  private closed = false;
  /** Keyring entries this unlock dropped because the register does not list them (unlock.ts). */
  droppedKeyringEntries = 0;
  /** A restore the owner has yet to confirm or undo (restore-confirmation.ts); null if none. */
  restorePending: RestoreConfirmation | null = null;
  private readonly pausing: AsyncTransactions;
  private readonly wal: WalKeeper;
  private readonly anchor: AuditAnchor;

  constructor(
    readonly files: RegisterFiles,
    private readonly opened: OpenedDatabase,
    private databaseKey: Buffer,
    private sessionUser: SessionUser,
    readonly deps: RegisterDeps,
  ) {
    this.pausing = new AsyncTransactions(opened.sqlite);
    this.wal = new WalKeeper(opened.sqlite, this.pausing, files.database, () =>
      this.closed ? null : this.databaseKey,
    );
    this.anchor = new AuditAnchor(() => this.writableDb, files.auditHead, deps.clock);
  }

  /** Who opened the register, as of the last refreshUser(). */
  get user(): SessionUser {
    return this.sessionUser;
  }

  get db(): ReadableDb {
    this.assertOpen();
    return this.opened.db;
  }

  /** The audit log's own appends: a locked register answers LOCKED here too, not a driver error. */
  private get writableDb(): RegisterDb {
    this.assertOpen();
    return this.opened.db;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  get keyringContext(): KeyringContext {
    return { random: this.deps.random, scrypt: this.deps.scrypt };
  }

  /** The key is lent for re-wrapping only; callers must not keep it. */
  withDatabaseKey<T>(use: (key: Buffer) => T): T {
    this.assertOpen();
    return use(this.databaseKey);
  }

  readKeyring(): Keyring {
    return readKeyringFile(this.files.keyring);
  }

  writeKeyring(keyring: Keyring): void {
    writeKeyringFile(this.files.keyring, keyring);
  }

  /** Runs `change` and its audit entry in one transaction. */
  transaction<T>(change: (db: RegisterDb) => T): T {
    this.assertOpen();
    this.pausing.assertNotInsideAnother();
    const result = this.opened.sqlite.transaction(() => change(this.opened.db)).immediate();
    this.anchorAuditIfCommitted();
    return result;
  }

  /**
   * One transaction around work that pauses (awaits) inside it, so a long import can report its
   * progress; see async-transaction.ts. Synchronous transactions inside it become savepoints.
   */
  async transactionWithPauses<T>(work: (db: RegisterDb) => Promise<T>): Promise<T> {
    this.assertOpen();
    try {
      return await this.pausing.run(() => work(this.opened.db));
    } finally {
      this.anchorAuditIfCommitted();
    }
  }

  /**
   * For a write of many pages (a large import): `write` commits with SQLite's automatic checkpoint
   * off, and a worker thread then copies the WAL into the file (wal-keeper.ts).
   */
  checkpointingInBackground<T>(write: () => Promise<T>): Promise<T> {
    this.assertOpen();
    return this.wal.writingManyPages(write);
  }

  /** checkpointingInBackground for a synchronous write (a large erasure). */
  checkpointingInBackgroundSync<T>(write: () => T): T {
    this.assertOpen();
    return this.wal.writingManyPagesSync(write);
  }

  /** The background checkpoint's outcome once it is over (see wal-checkpoint.ts). */
  backgroundCheckpoint(): Promise<CheckpointOutcome | null> {
    return this.wal.settled();
  }

  /**
   * Copies the WAL into the file and empties it, so that no old page survives there (an erasure
   * needs this). False if a reader held it off: it is tried again after the backup and at lock.
   */
  truncateWal(): boolean {
    this.assertOpen();
    return this.wal.truncate();
  }

  /**
   * truncateWal for after a write the worker copies (checkpointingInBackgroundSync): the WAL is
   * emptied when the copy is done, and this thread is not held meanwhile. Until then the file
   * still holds the old pages; locking waits for the copy and empties the WAL.
   */
  truncateWalAfterCopy(): void {
    this.assertOpen();
    this.wal.truncateAfterCopy();
  }

  /**
   * For a WAL left behind by a crash (perhaps before a large erasure's pages were copied, the old
   * ones still in the file): copied into the file and emptied in the background, as after one.
   * The automatic checkpoint must have been off since the register was opened (unlock.ts).
   */
  emptyLeftoverWal(): void {
    this.assertOpen();
    this.wal.emptyLeftover();
  }

  /** An emptying of the WAL that a backup's reader held off: after the backup. */
  retryWalTruncate(): void {
    if (!this.closed) this.wal.retryTruncate();
  }

  /** Resolves once no pausing transaction is open: writers running beside the queue wait for it. */
  settled(): Promise<void> {
    return this.pausing.settled();
  }

  audit(event: Omit<AuditEvent, 'actorUserId'>): void {
    this.pausing.assertNotInsideAnother();
    appendAudit(this.writableDb, this.deps.clock, { ...event, actorUserId: this.user.id });
    this.anchor.appended();
  }

  /** An entry with no acting user: for what happened at the door before anyone was let in. */
  auditAnonymous(event: Omit<AuditEvent, 'actorUserId'>): void {
    this.pausing.assertNotInsideAnother();
    appendAudit(this.writableDb, this.deps.clock, { ...event, actorUserId: null });
    this.anchor.appended();
  }

  /** Many entries at once, in order (see appendAuditMany). */
  auditMany(events: Array<Omit<AuditEvent, 'actorUserId'>>): void {
    this.anchor.appended();
    appendAuditMany(
      this.writableDb,
      this.deps.clock,
      events.map((event) => ({ ...event, actorUserId: this.user.id })),
    );
  }

  /** Moves the audit head outside the database forward, once what was appended is committed. */
  private anchorAuditIfCommitted(): void {
    if (this.opened.sqlite.inTransaction) return;
    this.anchor.advance(this.databaseKey);
  }

  /** Re-reads the user (role, active flag); undefined once they have been deactivated. */
  refreshUser(): SessionUser | undefined {
    // Prepared once: the registry reads the user before every call.
    const byId = preparedQuery(this.db, 'session user', () =>
      this.db
        .select()
        .from(users)
        .where(eq(users.id, sql.placeholder('id'))),
    );
    const row = byId.get({ id: this.sessionUser.id });
    if (!row?.active) return undefined;
    this.sessionUser = { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
    return this.sessionUser;
  }

  integrity() {
    this.assertOpen();
    return checkDatabaseIntegrity(this.opened.sqlite);
  }

  /** The audit log's guards as verify sees them: its triggers, and the head kept outside. */
  auditGuards() {
    this.assertOpen();
    return { triggers: auditTriggerProblems(this.opened.sqlite), head: this.anchor.check(this.databaseKey) };
  }

  /** Accepts the log as it is now (see AuditAnchor.reanchor), with its triggers as the migrations made them. */
  reanchorAudit(): void {
    this.assertOpen();
    restoreAuditTriggers(this.opened.sqlite);
    this.anchor.reanchor(this.databaseKey);
  }

  /**
   * Re-encrypts the register with a new random key and seals it to every keyring entry the
   * register allows (keyring-list.ts): `edit` may replace or remove entries first, and `list` puts
   * new entries on the list. Order, for crash safety: take the file for ourselves (fails cleanly
   * with REGISTER_BUSY if another process has it open), list the new entries, write the new
   * keyring aside, re-key the file, let the new keyring replace the old one, then take off the
   * list what it no longer holds. An unlock that finds `.keyring.next` tries both (see unlock.ts),
   * and an entry listed but not (yet) in the file opens nothing.
   */
  rekey(change: KeyringChange = {}): { keyVersion: number; dropped: number } {
    this.assertOpen();
    const sqlite = this.opened.sqlite;
    if (!this.wal.waitForCopy()) throw new KaappiError('REGISTER_BUSY');
    try {
      beginExclusiveRekey(sqlite);
    } catch (cause) {
      throw new KaappiError('REGISTER_BUSY', {}, { cause });
    }
    const now = this.deps.clock.now().toISOString();
    const listed = change.list ?? [];
    let next: Keyring;
    let dropped: number;
    let head: SealedHead | null = null;
    const newKey = this.deps.random(32);
    try {
      this.transaction((db) => listEntries(db, listed, now));
      const edited = (change.edit ?? ((k: Keyring) => k))(this.readKeyring());
      const split = allowedEntries(this.opened.db, edited);
      dropped = split.dropped.length;
      next = rotateDatabaseKey({ ...edited, entries: split.allowed }, newKey, this.keyringContext);
      writeKeyringFile(this.files.pendingKeyring, next);
      head = this.anchor.resealed(this.databaseKey, newKey);
      if (head) writeHeadFile(this.files.pendingAuditHead, head);
      applyRekey(sqlite, newKey);
    } catch (cause) {
      newKey.fill(0);
      rmSync(this.files.pendingKeyring, { force: true });
      rmSync(this.files.pendingAuditHead, { force: true });
      this.transaction((db) =>
        unlistEntries(
          db,
          listed.map(({ entry }) => entry.id),
        ),
      );
      endExclusiveRekey(sqlite);
      throw cause instanceof KaappiError ? cause : new KaappiError('INTERNAL', {}, { cause });
    }
    // From here the file is encrypted with the new key: nothing may throw that key away. The head
    // goes first: an unlock finding `.keyring.next` promotes it, and then the head is already right.
    if (head) renameSync(this.files.pendingAuditHead, this.files.auditHead);
    renameSync(this.files.pendingKeyring, this.files.keyring);
    this.databaseKey.fill(0);
    this.databaseKey = newKey;
    try {
      this.transaction((db) => unlistMissing(db, next));
    } finally {
      endExclusiveRekey(sqlite);
    }
    return { keyVersion: next.keyVersion, dropped };
  }

  close(): void {
    if (this.closed) return;
    try {
      this.wal.beforeClose();
    } catch (error) {
      // Closing goes on: as the file's last connection, closing checkpoints the WAL anyway.
      console.warn('kaappi: could not empty the WAL before locking', error);
    }
    try {
      this.anchorAuditIfCommitted();
    } catch (error) {
      console.warn('kaappi: could not write the audit head before locking', error);
    }
    this.closed = true;
    try {
      // No key may outlive the lock in a worker.
      this.wal.waitForCopy();
      this.opened.sqlite.close();
    } finally {
      this.databaseKey.fill(0);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new KaappiError('LOCKED');
  }
}
