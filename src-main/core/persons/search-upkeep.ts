// Keeping the search index in few segments. FTS5 writes each transaction's changes to the index
// as a new segment and merges segments of a level two at a time (automerge 2, migration 0012), so
// an index written by many transactions is many segments of different sizes: 8 for a register
// loaded by 100 imports. Erasing a person looks up each of their tokens in every segment (FTS5
// secure-delete), and so does a search: at 1M persons, erasing 10,000 spent 2.9 s in the index
// with 8 segments and 1.6 s with one, and searches took 25 ms instead of 42–64 ms. Merging all
// segments into one is FTS5's 'optimize', which at 1M rewrites the whole index (16,000 pages,
// 2 s) in one go; 'merge' with a negative page budget does the same work a few hundred pages at a
// time, so the app does it in steps between requests.
import { sql } from 'drizzle-orm';
import type { RegisterDb, ReadableDb } from '../../db/open';

/**
 * Start a merge when the segments besides the largest hold this share of its pages. Each edit
 * adds a small segment (FTS5 merges those in its own time); merging everything rewrites the
 * largest too, so it waits until the rest is worth it.
 */
const MERGE_FROM_SHARE = 1 / 8;
/** Pages written per step: 60–130 ms at 1M persons (up to 0.4 s when SQLite checkpoints after it). */
const PAGES_PER_STEP = 250;

/** Leaf pages of each segment, largest first: persons_fts_idx keys each segment's leaves by page number. */
export function searchIndexSegments(db: ReadableDb): number[] {
  return db
    .all<{ pages: number }>(sql`SELECT max(pgno) AS pages FROM persons_fts_idx GROUP BY segid ORDER BY pages DESC`)
    .map((row) => row.pages);
}

/** Whether the index is worth merging now (see MERGE_FROM_SHARE). */
export function searchIndexNeedsMerge(segments: number[]): boolean {
  const [largest = 0, ...rest] = segments;
  return rest.length > 0 && rest.reduce((sum, pages) => sum + pages, 0) >= largest * MERGE_FROM_SHARE;
}

/**
 * One step of merging the index's segments into one: true while there is more to do. A merge
 * starts only when searchIndexNeedsMerge; `continuing` goes on with one already started.
 */
export function mergeSearchIndexStep(db: RegisterDb, continuing: boolean): boolean {
  const segments = searchIndexSegments(db);
  if (continuing ? segments.length < 2 : !searchIndexNeedsMerge(segments)) return false;
  const before = db.get<{ n: number }>(sql`SELECT total_changes() AS n`)!.n;
  db.run(sql`INSERT INTO persons_fts (persons_fts, rank) VALUES ('merge', ${-PAGES_PER_STEP})`);
  // FTS5 counts two or more changes when a merge did work (its documentation's own test).
  return db.get<{ n: number }>(sql`SELECT total_changes() AS n`)!.n - before >= 2;
}
