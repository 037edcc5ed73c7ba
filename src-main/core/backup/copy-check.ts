// Checking a copy of the register as a backup must be checked before anything calls it one: it
// opens with the key, passes SQLite's integrity check with every page read, and has these rows.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { openDatabase, type ReadableDb } from '../../db/open';
import { headOf, type AuditHead } from '../audit';
import { KaappiError } from '../../../src-shared/errors';

export const COUNTED_TABLES = [
  'persons',
  'organizations',
  'employments',
  'consent_events',
  'orders',
  'contact_log',
  'users',
  'audit_log',
  'tombstones',
] as const;

export function countRows(db: ReadableDb): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    counts[table] = db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM "${table}"`))?.n ?? 0;
  }
  return counts;
}

export const sha256File = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * Opens a copy read-only with the key, checks integrity and every page, counts its rows, and
 * reads its audit head (which the manifest carries, sealed, for a restore to check against).
 */
export function verifyDatabaseCopy(
  path: string,
  key: Buffer,
): { counts: Record<string, number>; auditHead: AuditHead } {
  const copy = openDatabase(path, key, { readonly: true });
  try {
    const integrity = (copy.sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>).every(
      (row) => row.integrity_check === 'ok',
    );
    copy.sqlite.prepare('SELECT count(*) FROM dbstat').get();
    if (!integrity) throw new KaappiError('BACKUP_INVALID');
    return { counts: countRows(copy.db), auditHead: headOf(copy.db) };
  } finally {
    copy.sqlite.close();
  }
}
