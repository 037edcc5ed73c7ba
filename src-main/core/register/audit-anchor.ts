// Keeps the audit head outside the database (core/audit/head.ts) up with the log: moved forward
// after each commit that appended entries, and sealed anew with the new key at every re-key.
import { eq } from 'drizzle-orm';
import type { RegisterDb, ReadableDb } from '../../db/open';
import { registerInfo } from '../../db/schema';
import { headOf, isSealedBy, logHolds, readHeadFile, sealHead, writeHeadFile, type SealedHead } from '../audit';
import type { Clock } from '../clock';

/** What verify can find wrong with the head (see AuditAnchor.check). */
export type HeadProblem =
  | { code: 'AUDIT_HEAD_MISSING' }
  | { code: 'AUDIT_HEAD_FORGED' }
  | { code: 'AUDIT_LOG_SHORTENED'; headCount: number; logCount: number }
  | { code: 'AUDIT_HEAD_MISMATCH'; headCount: number };

export class AuditAnchor {
  private pending = false;

  constructor(
    private readonly db: () => RegisterDb,
    private readonly headPath: string,
    private readonly clock: Clock,
  ) {}

  appended(): void {
    this.pending = true;
  }

  /**
   * Writes the log's present head, sealed with `key`. A head file that no longer matches the log
   * (entries gone, or a file edited by hand) is left as it is, so verify goes on reporting it.
   */
  advance(key: Buffer): void {
    if (!this.pending) return;
    this.pending = false;
    const db = this.db();
    const info = db.select().from(registerInfo).get();
    if (!info) return;
    if (info.auditHeadSince !== null && !this.matches(readHeadFile(this.headPath), key, info.registerId)) return;
    writeHeadFile(this.headPath, sealHead(headOf(db), key, info.registerId));
    if (info.auditHeadSince === null) {
      db.update(registerInfo)
        .set({ auditHeadSince: this.clock.now().toISOString() })
        .where(eq(registerInfo.id, info.id))
        .run();
    }
  }

  /**
   * The head a re-key puts in place with the new keyring, sealed with the new key: the log's
   * present head, or the old head unchanged if the log no longer holds it (the evidence stays).
   * Null when there is no trustworthy head to carry over; the file is then left as it is.
   */
  resealed(oldKey: Buffer, newKey: Buffer): SealedHead | null {
    const db = this.db();
    const info = db.select().from(registerInfo).get();
    const current = readHeadFile(this.headPath);
    if (!info || current === null || current === 'damaged' || !isSealedBy(current, oldKey, info.registerId)) {
      return null;
    }
    return sealHead(logHolds(db, current) ? headOf(db) : current, newKey, info.registerId);
  }

  /**
   * Checks the head file against the log: it must exist once the register has one, be sealed
   * with this key, and name an entry the log still holds unchanged. Also used for a backup's copy
   * against the head in its manifest.
   */
  check(key: Buffer): { since: string | null; head: SealedHead | null; problems: HeadProblem[] } {
    const db = this.db();
    const info = db.select().from(registerInfo).get();
    if (!info || info.auditHeadSince === null) return { since: null, head: null, problems: [] };
    const head = readHeadFile(this.headPath);
    if (head === null || head === 'damaged') {
      return { since: info.auditHeadSince, head: null, problems: [{ code: 'AUDIT_HEAD_MISSING' }] };
    }
    return { since: info.auditHeadSince, head, problems: headProblems(db, head, key, info.registerId) };
  }

  /**
   * Writes the log's present head whatever the file says: after the owner has looked into a
   * problem verify reported (entries lost in a crash, say) and accepts the log as it is now.
   */
  reanchor(key: Buffer): void {
    const db = this.db();
    const info = db.select().from(registerInfo).get();
    if (!info) return;
    writeHeadFile(this.headPath, sealHead(headOf(db), key, info.registerId));
    this.pending = false;
  }

  private matches(head: SealedHead | null | 'damaged', key: Buffer, registerId: string): boolean {
    return head !== null && head !== 'damaged' && isSealedBy(head, key, registerId) && logHolds(this.db(), head);
  }
}

export function headProblems(db: ReadableDb, head: SealedHead, key: Buffer, registerId: string): HeadProblem[] {
  if (!isSealedBy(head, key, registerId)) return [{ code: 'AUDIT_HEAD_FORGED' }];
  if (logHolds(db, head)) return [];
  const logCount = headOf(db).count;
  return logCount < head.count
    ? [{ code: 'AUDIT_LOG_SHORTENED', headCount: head.count, logCount }]
    : [{ code: 'AUDIT_HEAD_MISMATCH', headCount: head.count }];
}
