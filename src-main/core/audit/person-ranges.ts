// The persons an import creates are audited as one entry naming their range of ids, not one entry
// each: at 100,000 new persons the per-person entries were a quarter of the file's pages and about
// 2 s of the import. Ids are AUTOINCREMENT and the import writes its new persons one after another
// in one transaction, so they are contiguous, and no two ranges overlap. The range is the entry's
// target id (contract: personRangeOf), both ends zero-padded so that text order is number order:
// the (target type, target id) index then finds the range holding a person with one seek.
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { ReadableDb } from '../../db/open';
import { auditLog } from '../../db/schema';
import { PERSON_RANGE, personRangeOf } from '../../../src-shared/contract/notice';
const ID_DIGITS = 12;

const padded = (id: number) => String(id).padStart(ID_DIGITS, '0');

/** The target id of an entry about persons first…last. */
export function personRangeTarget(first: number, last: number): string {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last) || first < 1 || last < first) {
    throw new Error(`not a range of person ids: ${first}–${last}`);
  }
  return `${padded(first)}-${padded(last)}`;
}

/** The entry whose range holds this person, if an import created them. */
function rangeEntryOf(db: ReadableDb, personId: number): number | null {
  // The range starting last at or before the person ('.' sorts right after '-'); it holds them if it
  // ends at or after them.
  const entry = db
    .select({ id: auditLog.id, targetId: auditLog.targetId })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, PERSON_RANGE), lt(auditLog.targetId, `${padded(personId)}.`)))
    .orderBy(desc(auditLog.targetId))
    .limit(1)
    .get();
  const range = personRangeOf(entry?.targetId ?? null);
  return entry && range && range.last >= personId ? entry.id : null;
}

/** The entries about a person: those naming them, and the range entry of the import that created them. */
export function aboutPerson(db: ReadableDb, personId: number): SQL {
  const rangeEntry = rangeEntryOf(db, personId);
  const named = and(eq(auditLog.targetType, 'person'), eq(auditLog.targetId, String(personId)))!;
  return rangeEntry === null ? named : or(named, eq(auditLog.id, rangeEntry))!;
}
