// The erasure ledger: a file beside the register listing the random ids (uid) of erased persons
// and when, nothing else. It lives outside the database so that restoring an older backup can
// erase again everyone erased since (GDPR Art. 17 must survive a restore). A copy goes with every
// backup. Appends are fsynced; the tombstones in the database are the source it is checked against.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ReadableDb } from '../../db/open';
import { tombstones } from '../../db/schema-retention';
import { appendPrivateJsonLines } from '../written-files';

export const ledgerPath = (registerPath: string) => `${registerPath}.erasures`;

const entrySchema = z.object({ uid: z.string().min(1), at: z.string() });
export type LedgerEntry = z.infer<typeof entrySchema>;

function parseLine(line: string): LedgerEntry | null {
  try {
    const parsed = entrySchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // a torn last line (power cut mid-append) is skipped, not fatal
  }
}

export function readLedger(path: string): LedgerEntry[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .map(parseLine)
    .filter((entry): entry is LedgerEntry => entry !== null);
}

export function appendLedger(path: string, entries: LedgerEntry[]): void {
  appendPrivateJsonLines(path, entries);
}

/** Adds to the ledger every tombstone it lacks (after a crash between commit and append). */
export function reconcileLedger(db: ReadableDb, path: string): number {
  const known = new Set(readLedger(path).map((e) => e.uid));
  const missing = db
    .select({ uid: tombstones.personUid, at: tombstones.at })
    .from(tombstones)
    .all()
    .filter((t) => !known.has(t.uid));
  appendLedger(path, missing);
  return missing.length;
}
