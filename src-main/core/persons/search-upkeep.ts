// Keeping the search index in few segments. FTS5 writes each transaction's changes to the index
// as a new segment and merges segments of a level two at a time (automerge 2, migration 0012), so
// an index written by many transactions is many segments of different sizes: 8 for a register
// loaded by 100 imports. Erasing a person looks up each of their tokens in every segment (FTS5
// secure-delete), and so does a search: at 1M persons, erasing 10,000 spent 2.9 s in the index
// with 8 segments and 1.6 s with one. Merging all segments into one is FTS5's 'optimize', which at
// 1M rewrites the whole index (16,000 pages, 2 s) in one go; 'merge' with a negative page budget
// does the same work a few hundred pages at a time, so the app does it in steps between requests.
import { sql } from 'drizzle-orm';
import type { RegisterDb } from '../../db/open';

/** Merge when the index has this many segments or more: rarely for a register edited a person at a time. */
export const MERGE_FROM_SEGMENTS = 4;
/** Pages written per step: about 60 ms at 1M persons (measured: 500 took 126 ms, median). */
const PAGES_PER_STEP = 250;

/** Segments in the search index: FTS5 keeps one row per segment leaf range in persons_fts_idx. */
export function searchIndexSegments(db: RegisterDb): number {
  return db.get<{ n: number }>(sql`SELECT count(DISTINCT segid) AS n FROM persons_fts_idx`)?.n ?? 0;
}

/**
 * One step of merging the index's segments into one: true while there is more to do. A merge
 * starts only from MERGE_FROM_SEGMENTS segments; `continuing` goes on with one already started.
 */
export function mergeSearchIndexStep(db: RegisterDb, continuing: boolean): boolean {
  if (searchIndexSegments(db) < (continuing ? 2 : MERGE_FROM_SEGMENTS)) return false;
  const before = db.get<{ n: number }>(sql`SELECT total_changes() AS n`)!.n;
  db.run(sql`INSERT INTO persons_fts (persons_fts, rank) VALUES ('merge', ${-PAGES_PER_STEP})`);
  // FTS5 counts two or more changes when a merge did work (its documentation's own test).
  return db.get<{ n: number }>(sql`SELECT total_changes() AS n`)!.n - before >= 2;
}
