// The honest floor of each contacts-table view: the best SQL written by hand for the same answer
// (first page of 100 rows with their current organization, and the count) on the same file.
import type Database from 'better-sqlite3-multiple-ciphers';
import { BUILTIN_VIEWS } from '../../src-shared/contract/register';

/** What persons.search returns for a view, reduced to what the floor must reproduce. */
export interface ViewAnswer {
  total: number | null;
  ids: number[];
}

export interface ViewFloor {
  /** The count, by the cheapest SQL that gives it; null for a page asked for without it. */
  count: string | null;
  /** The page's rows, in the app's order, by the cheapest SQL that gives them. */
  page: string;
}

export interface BenchView {
  /** persons.search input without offset and limit. */
  query: { filters?: object; sort?: { column: string; direction: 'asc' | 'desc' } };
  floor: ViewFloor;
}

/** The row the table shows, as the app selects it. */
const ROW = `p.id, p.first_name, p.last_name, p.email, p.phone, p.city, k.key AS kind_key, p.status,
  p.passivated_on, p.last_activity_on, p.restricted, p.informed_on`;
const FROM = 'persons p JOIN relationship_kinds k ON k.id = p.kind_id';

/**
 * Passivated on or before :cutoff: counted in persons_passivated's range; the page walks the
 * passive persons' name index, passivated_on in it, and stops at 100 rows.
 */
const PASSIVE_SINCE_CUTOFF: ViewFloor = {
  count: `SELECT count(*) FROM persons WHERE status = 'passive' AND passivated_on <= :cutoff`,
  page: `SELECT ${ROW} FROM persons p INDEXED BY persons_passive_by_name JOIN relationship_kinds k ON k.id = p.kind_id
    WHERE p.status = 'passive' AND p.passivated_on <= :cutoff ORDER BY p.last_name, p.first_name, p.id LIMIT 100`,
};

/**
 * The views measured: every built-in view of the table, and the saved views a business makes
 * most (sorted by activity; passivated long ago without the status chip). :cutoff is today's date
 * less the view's years, as core computes it.
 */
export const BENCH_VIEWS: Record<string, BenchView> = {
  'all, by last name (table opened)': {
    query: {},
    floor: {
      // The count kept by persons' triggers (person_counts, migration 0019).
      count: "SELECT n FROM person_counts WHERE name = 'all'",
      page: `SELECT ${ROW} FROM ${FROM} ORDER BY p.last_name, p.first_name, p.id LIMIT 100`,
    },
  },
  'passive, last activity desc': {
    query: { filters: { statuses: ['passive'] }, sort: { column: 'lastActivityOn', direction: 'desc' } },
    floor: {
      count: `SELECT count(*) FROM persons WHERE status = 'passive'`,
      page: `SELECT ${ROW} FROM ${FROM} WHERE p.status = 'passive' ORDER BY p.last_activity_on DESC, p.id DESC LIMIT 100`,
    },
  },
  'passive > 4 years, by last name': { query: { filters: { passiveForYears: 4 } }, floor: PASSIVE_SINCE_CUTOFF },
  ...Object.fromEntries(BUILTIN_VIEWS.map((view) => [`built-in: ${view.id}`, builtinView(view.id, view.filters)])),
};

function builtinView(id: string, filters: object): BenchView {
  const floors: Record<string, ViewFloor> = {
    passiveOver4: PASSIVE_SINCE_CUTOFF,
    // The consent state and count kept by triggers (migration 0019); the events-only floor (latest
    // event per channel, counted over consent_events and subtracted) took 38 ms at 100k before it.
    noConsent: {
      count: "SELECT n FROM person_counts WHERE name = 'no_consent'",
      page: `SELECT ${ROW} FROM persons p INDEXED BY persons_no_consent_by_name JOIN relationship_kinds k ON k.id = p.kind_id
        WHERE (p.consents_granted & 15) = 0 ORDER BY p.last_name, p.first_name, p.id LIMIT 100`,
    },
    notInformed: {
      count: "SELECT n FROM person_counts WHERE name = 'not_informed'",
      page: `SELECT ${ROW} FROM persons p INDEXED BY persons_not_informed_by_name JOIN relationship_kinds k ON k.id = p.kind_id
        WHERE p.informed_on IS NULL ORDER BY p.last_name, p.first_name, p.id LIMIT 100`,
    },
  };
  const floor = floors[id];
  if (!floor) throw new Error(`built-in view ${id} has no floor in view-floors.ts: write one`);
  return { query: { filters }, floor };
}

/** The page's current organizations, as the app adds them: newest current employment wins. */
const ORGANIZATIONS = `SELECT e.person_id, o.name FROM employments e JOIN organizations o ON o.id = e.organization_id
  WHERE e.person_id IN (SELECT value FROM json_each(?)) AND e.ended_on IS NULL ORDER BY e.started_on DESC`;

type Params = Record<string, unknown>;

/** The named parameters a statement uses, from those given. */
function paramsOf(sql: string, params: Params): Params[] {
  const used = Object.entries(params).filter(([name]) => new RegExp(`:${name}\\b`).test(sql));
  return used.length === 0 ? [] : [Object.fromEntries(used)];
}

/** A floor's count and page with their parameters, for query plans. */
export function floorStatements(floor: ViewFloor, params: Params): Array<{ sql: string; params: unknown[] }> {
  return [floor.count, floor.page]
    .filter((sql): sql is string => sql !== null)
    .map((sql) => ({ sql, params: paramsOf(sql, params) }));
}

/** Prepares a view's floor once; each call runs count (if any), page and the page's organizations. */
export function floorRunner(raw: Database.Database, floor: ViewFloor, params: Params): () => ViewAnswer {
  const count = floor.count === null ? null : raw.prepare(floor.count).pluck();
  const countParams = floor.count === null ? [] : paramsOf(floor.count, params);
  const page = raw.prepare(floor.page);
  const pageParams = paramsOf(floor.page, params);
  const organizations = raw.prepare(ORGANIZATIONS);
  return () => {
    const total = count === null ? null : (count.get(...countParams) as number);
    const rows = page.all(...pageParams) as Array<{ id: number }>;
    const ids = rows.map((row) => row.id);
    const names = new Map<number, string>();
    for (const row of organizations.all(JSON.stringify(ids)) as Array<{ person_id: number; name: string }>)
      if (!names.has(row.person_id)) names.set(row.person_id, row.name);
    return { total, ids };
  };
}

/**
 * A page deep in the table (all persons by last name), reached the two ways the table reaches it:
 * by the cursor of the row before it (scrolling on), or by offset (a jump of the scroll bar).
 */
export const DEEP_PAGES: Record<'cursor' | 'offset', ViewFloor> = {
  cursor: {
    count: null,
    // A row-value range on persons_last_name: starts at the cursor, reads 100 entries.
    page: `SELECT ${ROW} FROM ${FROM} WHERE (p.last_name, p.first_name, p.id) > (:lastName, :firstName, :id)
      ORDER BY p.last_name, p.first_name, p.id LIMIT 100`,
  },
  offset: {
    count: null,
    // The offset skipped inside the covering name index, then the 100 rows by id.
    page: `SELECT ${ROW} FROM ${FROM} WHERE p.id IN (
        SELECT id FROM persons ORDER BY last_name, first_name, id LIMIT 100 OFFSET :offset)
      ORDER BY p.last_name, p.first_name, p.id`,
  },
};
