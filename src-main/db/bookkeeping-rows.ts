// Orders the Accounting Act still keeps when their person is erased: unlinked from the person and
// kept as bookkeeping rows until the end of their period, then purged by the scheduler.
import { sql, type SQL } from 'drizzle-orm';
import type { RegisterDb } from './open';

/** The period as a date() modifier: '+6 years'. */
export const bookkeepingModifier = (years: number) => `+${Math.trunc(years)} years`;

/**
 * The last day an order is kept: N years after the end of its financial year (calendar year).
 * `years` may be a placeholder for bookkeepingModifier's text, in a statement prepared once.
 */
export function bookkeepingEnd(orderedOn: SQL, years: number | SQL): SQL {
  const modifier = typeof years === 'number' ? sql`${bookkeepingModifier(years)}` : years;
  return sql`date(strftime('%Y', ${orderedOn}) || '-12-31', ${modifier})`;
}

export interface KeptRows {
  personId: number;
  rows: number;
  keptUntil: string;
}

/**
 * Unlinks the orders of these persons still inside their period, each marked with its last day;
 * the person's deletion then cascades to every other order. In the caller's transaction.
 */
export function keepBookkeepingRows(db: RegisterDb, personIds: number[], today: string, years: number): KeptRows[] {
  const kept: KeptRows[] = [];
  const end = bookkeepingEnd(sql`ordered_on`, years);
  for (let i = 0; i < personIds.length; i += 500) {
    const ids = sql.join(
      personIds.slice(i, i + 500).map((id) => sql`${id}`),
      sql`, `,
    );
    const inPeriod = sql`person_id IN (${ids}) AND ${end} >= ${today}`;
    kept.push(
      ...db.all<KeptRows>(
        sql`SELECT person_id AS personId, count(*) AS rows, max(${end}) AS keptUntil FROM orders
            WHERE ${inPeriod} GROUP BY person_id`,
      ),
    );
    db.run(sql`UPDATE orders SET person_id = NULL, anonymous_id = NULL, keep_until = ${end} WHERE ${inPeriod}`);
  }
  return kept;
}

/** Deletes the bookkeeping rows whose period ended before today; returns how many went. */
export function purgeBookkeepingRows(db: RegisterDb, today: string): { rows: number; lastKeptUntil: string | null } {
  // keep_until < today on its partial index: the purge reads only the kept rows that are due.
  const due = db.get<{ rows: number; lastKeptUntil: string | null }>(
    sql`SELECT count(*) AS rows, max(keep_until) AS lastKeptUntil FROM orders WHERE keep_until IS NOT NULL AND keep_until < ${today}`,
  );
  if (!due || due.rows === 0) return { rows: 0, lastKeptUntil: null };
  db.run(sql`DELETE FROM orders WHERE keep_until IS NOT NULL AND keep_until < ${today}`);
  return due;
}
