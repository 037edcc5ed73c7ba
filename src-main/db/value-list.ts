// `column IN (values)` for lists of any length: the values go in as one JSON parameter, so a list
// longer than SQLite's limit of bound parameters (32,766) works too (an approval may name 60,000
// persons). SQLite reads the list once into a temporary index.
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

export function inValueList(column: SQLiteColumn, values: ReadonlyArray<number | string>): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;
}
