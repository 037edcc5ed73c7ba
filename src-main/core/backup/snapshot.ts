// The slow part of a backup — copying and verifying a register that may be a gigabyte — runs in a
// worker thread on its own read-only connection, so the app stays usable meanwhile (1M persons:
// about two minutes). VACUUM INTO reads one consistent snapshot even while the app writes.
import { currentNativeBinding, openDatabase } from '../../db/open';
import { KaappiError, type ErrorCode } from '../../../src-shared/errors';
import { startWorker } from '../workers';
import { sql } from 'drizzle-orm';
import type { AuditHead } from '../audit';
import { countRows, sha256File, verifyDatabaseCopy } from './copy-check';

export interface Snapshot {
  /** Rows per table in the copy, read back from it. */
  counts: Record<string, number>;
  sha256: string;
  /** The copy's own audit head, for the manifest. */
  auditHead: AuditHead;
}

/**
 * Copies `source` to `target` and verifies the copy: integrity, every page's HMAC, and, if no
 * other connection wrote while it was taken, the same row counts as the source.
 */
export function writeVerifiedSnapshot(source: string, target: string, key: Buffer): Snapshot {
  const live = openDatabase(source, key, { readonly: true });
  let before: Record<string, number>;
  let unchanged: boolean;
  try {
    const version = () => live.sqlite.pragma('data_version', { simple: true });
    const startVersion = version();
    before = countRows(live.db);
    live.db.run(sql`VACUUM INTO ${target}`);
    unchanged = version() === startVersion;
  } finally {
    live.sqlite.close();
  }
  const { counts, auditHead } = verifyDatabaseCopy(target, key);
  if (unchanged && JSON.stringify(counts) !== JSON.stringify(before)) throw new KaappiError('BACKUP_INVALID');
  return { counts, sha256: sha256File(target), auditHead };
}

type WorkerReply = { ok: true; snapshot: Snapshot } | { ok: false; code: ErrorCode; message: string };

/** writeVerifiedSnapshot in a worker thread. The key is copied to the worker and zeroed there. */
export function snapshotInWorker(source: string, target: string, key: Buffer): Promise<Snapshot> {
  return new Promise((resolve, reject) => {
    const keyCopy = new Uint8Array(key);
    const entry = {
      built: new URL('./snapshot-worker.js', import.meta.url),
      source: new URL('./snapshot-worker.ts', import.meta.url),
    };
    const worker = startWorker(entry, {
      workerData: { source, target, key: keyCopy, nativeBinding: currentNativeBinding() },
      transferList: [keyCopy.buffer],
    });
    worker.once('message', (reply: WorkerReply) => {
      if (reply.ok) resolve(reply.snapshot);
      else reject(new KaappiError(reply.code, {}, { cause: new Error(reply.message) }));
    });
    worker.once('error', (error) => reject(new KaappiError('BACKUP_INVALID', {}, { cause: error })));
    worker.once('exit', (code) => {
      if (code !== 0) reject(new KaappiError('BACKUP_INVALID', {}, { cause: new Error(`worker exit ${code}`) }));
    });
  });
}
