// The interest tags persons have, once each: one seek into the tag index per tag, where a DISTINCT
// would read an index entry for every tagged person.
import { sql } from 'drizzle-orm';
import { preparedSql, type ReadableDb } from './open';

/** In byte order; the window sorts them in its own language. */
export function distinctInterestTags(db: ReadableDb): string[] {
  return preparedSql(
    db,
    'interest tags',
    () => sql`WITH RECURSIVE tags(tag) AS (
        SELECT min(tag) FROM interests
        UNION ALL
        SELECT (SELECT min(i.tag) FROM interests i WHERE i.tag > tags.tag) FROM tags WHERE tags.tag IS NOT NULL
      )
      SELECT tag FROM tags WHERE tag IS NOT NULL`,
  )
    .rows<[string]>({})
    .map(([tag]) => tag);
}
