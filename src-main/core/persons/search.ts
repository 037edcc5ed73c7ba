// The contacts table's query: full-text search, filters, sorting and one page at a time, all in
// main, so the window never holds the whole register.
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { preparedQuery, preparedSql, type ReadableDb } from '../../db/open';
import { CHANNEL_BITS, keptCount } from '../../db/consent-state';
import {
  dataSources,
  employments,
  interests,
  organizations,
  persons,
  relationshipKinds,
} from '../../db/schema-register';
import { PERSON_STATUSES, type PersonStatus } from '../../../src-shared/vocabulary';
import { finnishDate } from '../clock';
import { KaappiError } from '../../../src-shared/errors';
import type { UnlockedRegister } from '../register';
import { toFtsQuery } from './search-index';

export const SORTABLE = ['lastName', 'firstName', 'email', 'city', 'status', 'lastActivityOn', 'createdAt'] as const;
export type SortColumn = (typeof SORTABLE)[number];

export interface PersonFilters {
  statuses?: PersonStatus[];
  kindKeys?: string[];
  sourceKeys?: string[];
  organizationId?: number;
  interest?: string;
  /** Passivated at least this many years ago ("passive > 4 years"). */
  passiveForYears?: number;
  /** No channel consent in force. */
  noConsent?: boolean;
  /** Never told about the registration (seed 000 §6). */
  notInformed?: boolean;
  restricted?: boolean;
}

export interface PersonQuery {
  text?: string;
  filters?: PersonFilters;
  sort?: { column: SortColumn; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
  /** Start after this row instead of at `offset`. */
  after?: PageCursor;
  /** false: skip the count (a later page of a view already counted); `total` is then null. */
  count?: boolean;
}

const sortColumns = {
  lastName: [persons.lastName, persons.firstName],
  firstName: [persons.firstName, persons.lastName],
  email: [persons.emailKey],
  city: [persons.city, persons.lastName],
  status: [persons.status, persons.lastName],
  lastActivityOn: [persons.lastActivityOn],
  createdAt: [persons.createdAt],
} as const;

/**
 * No channel consent in force, from the state consent_events' triggers keep on the person. Written
 * as the partial index persons_no_consent_by_name states it, so the planner can use that index.
 */
const noChannelConsent = sql`(${persons.consentsGranted} & ${sql.raw(String(CHANNEL_BITS))}) = 0`;

/**
 * With many matches, sorting them all costs more than walking the name index in order and keeping
 * the matches until the page is full; with few, the search index should drive. The unary + keeps
 * SQLite from using the id lookup, so it walks the sort index instead.
 */
const WALK_SORT_INDEX_ABOVE = 5000;

/**
 * Statuses as literals, not bound parameters: SQLite uses a partial index (persons_passivated,
 * persons_passive_by_name) only when the query states its condition with the same constant.
 */
function statusIn(statuses: PersonStatus[]): SQL {
  const known = PERSON_STATUSES.filter((status) => statuses.includes(status));
  if (known.length === 1) return sql`${persons.status} = ${sql.raw(`'${known[0]}'`)}`;
  return sql`${persons.status} IN (${sql.raw(known.map((status) => `'${status}'`).join(', '))})`;
}

/**
 * One call's values for a query's placeholders, and its shape: what the query's text depends on
 * (which placeholders, and the choices that write literals), so the query is built and prepared
 * once per shape (db/open.ts preparedOnce) and only bound on each call.
 */
class Bindings {
  readonly values: Record<string, unknown> = {};
  private readonly parts: string[];

  constructor(name: string) {
    this.parts = [name];
  }

  bind(name: string, value: unknown) {
    this.parts.push(`:${name}`);
    this.values[name] = value;
    return sql.placeholder(name);
  }

  /** A choice the query's text depends on without a value to bind. */
  shape(part: string): void {
    this.parts.push(part);
  }

  get key(): string {
    return this.parts.join(' ');
  }
}

function conditions(
  db: ReadableDb,
  query: PersonQuery,
  today: () => string,
  b: Bindings,
  walkSortIndex = false,
): SQL[] {
  const where: SQL[] = [];
  const f = query.filters ?? {};
  const match = query.text ? toFtsQuery(query.text) : null;
  b.shape(walkSortIndex ? 'walk' : 'search');
  if (match) {
    const inIndex = sql`(SELECT rowid FROM persons_fts WHERE persons_fts MATCH ${b.bind('match', match)})`;
    where.push(walkSortIndex ? sql`+${persons.id} IN ${inIndex}` : sql`${persons.id} IN ${inIndex}`);
  }
  if (f.statuses?.length) {
    // In the vocabulary's order, as statusIn writes them: one prepared statement per set, not per order.
    b.shape(`statuses=${PERSON_STATUSES.filter((status) => f.statuses!.includes(status)).join(',')}`);
    where.push(statusIn(f.statuses));
  }
  // Sub-selects rather than joins: a join would make every count read each matching row.
  if (f.kindKeys?.length) {
    where.push(
      inArray(
        persons.kindId,
        db
          .select({ id: relationshipKinds.id })
          .from(relationshipKinds)
          .where(
            inArray(
              relationshipKinds.key,
              f.kindKeys.map((key, i) => b.bind(`kind${i}`, key)),
            ),
          ),
      ),
    );
  }
  if (f.sourceKeys?.length) {
    where.push(
      inArray(
        persons.sourceId,
        db
          .select({ id: dataSources.id })
          .from(dataSources)
          .where(
            inArray(
              dataSources.key,
              f.sourceKeys.map((key, i) => b.bind(`source${i}`, key)),
            ),
          ),
      ),
    );
  }
  if (f.organizationId !== undefined) {
    // Written out: drizzle's exists() puts no brackets around raw SQL, only around a query builder.
    where.push(
      sql`EXISTS (SELECT 1 FROM ${employments} e WHERE e.person_id = ${persons.id} AND e.organization_id = ${b.bind('organizationId', f.organizationId)} AND e.ended_on IS NULL)`,
    );
  }
  if (f.interest) {
    where.push(
      sql`EXISTS (SELECT 1 FROM ${interests} i WHERE i.person_id = ${persons.id} AND i.tag = ${b.bind('interest', f.interest)})`,
    );
  }
  if (f.passiveForYears !== undefined) {
    const day = today();
    const cutoff = b.bind('cutoff', `${Number(day.slice(0, 4)) - f.passiveForYears}${day.slice(4)}`);
    // Walking the sort index, the unary + keeps persons_passivated's range from driving; the
    // passive persons' name index (persons_passive_by_name) carries passivated_on to test.
    where.push(
      statusIn(['passive']),
      walkSortIndex ? sql`+${persons.passivatedOn} <= ${cutoff}` : lte(persons.passivatedOn, cutoff),
    );
  }
  if (f.noConsent) {
    b.shape('noConsent');
    where.push(noChannelConsent);
  }
  if (f.notInformed) {
    b.shape('notInformed');
    where.push(isNull(persons.informedOn));
  }
  if (f.restricted !== undefined) {
    // A placeholder skips the column's encoder: bind what SQLite stores for the boolean.
    where.push(eq(persons.restricted, b.bind('restricted', persons.restricted.mapToDriverValue(f.restricted))));
  }
  return where;
}

/**
 * A selection's WHERE (the table's text search and filters, as the table applies them) for a
 * caller that asks its own question of the same persons, such as a mailing list's count. `shape`
 * names the statement for preparedSql; `values` fill its placeholders.
 */
export function selectionWhere(
  register: UnlockedRegister,
  selection: Pick<PersonQuery, 'text' | 'filters'>,
  name: string,
): { where: SQL; shape: string; values: Record<string, unknown> } {
  const today = () => finnishDate(register.deps.clock.now());
  const b = new Bindings(name);
  const where = conditions(register.db, { ...selection, offset: 0, limit: 0 }, today, b);
  return { where: and(...where) ?? sql`1`, shape: b.key, values: b.values };
}

/** The filters that narrow: noConsent and notInformed only when true; restricted when false too. */
function activeFilters(query: Pick<PersonQuery, 'filters'>) {
  return Object.entries(query.filters ?? {}).filter(
    ([name, value]) =>
      value !== undefined &&
      !(value === false && name !== 'restricted') &&
      !(Array.isArray(value) && value.length === 0),
  );
}

/** Whether the selection is everyone: no text to search and no filter that narrows. */
export function selectsEveryone(selection: Pick<PersonQuery, 'text' | 'filters'>): boolean {
  return !(selection.text && toFtsQuery(selection.text)) && activeFilters(selection).length === 0;
}

/**
 * How many match. A text search without filters is counted in the search index alone; otherwise
 * the count touches only persons' own columns and indexes.
 */
function countMatches(db: ReadableDb, query: PersonQuery, today: () => string): number {
  const match = query.text ? toFtsQuery(query.text) : null;
  const active = activeFilters(query);
  const filtered = active.length > 0;
  // The unfiltered table and the one-filter built-in views have their count kept (person_counts).
  if (!match && active.length <= 1) {
    const only = active[0]?.[0];
    if (only === undefined) return keptCount(db, 'all');
    if (only === 'noConsent') return keptCount(db, 'no_consent');
    if (only === 'notInformed') return keptCount(db, 'not_informed');
  }
  if (match && !filtered) {
    const inIndex = preparedSql(
      db,
      'persons.search count in index',
      () => sql`SELECT count(*) AS n FROM persons_fts WHERE persons_fts MATCH ${sql.placeholder('match')}`,
    );
    return inIndex.get<{ n: number }>({ match })?.n ?? 0;
  }
  const b = new Bindings('persons.search count');
  const where = and(...conditions(db, query, today, b));
  const count = preparedQuery(db, b.key, () =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(persons)
      .where(where),
  );
  return count.get(b.values)?.n ?? 0;
}

/**
 * Passive persons by name walk their own name index: the planner otherwise takes persons_status
 * for the equality and sorts every passive person. Only where status = 'passive' is certain, as
 * INDEXED BY fails when its (partial) index cannot serve.
 */
function sortIndexHint(query: PersonQuery): string | null {
  const f = query.filters ?? {};
  const onlyPassive = f.passiveForYears !== undefined || (f.statuses?.length === 1 && f.statuses[0] === 'passive');
  const byName = (query.sort?.column ?? 'lastName') === 'lastName';
  return onlyPassive && byName && !query.text ? 'persons_passive_by_name' : null;
}

/** A row of the table, in the order of the columns selected for it (rowColumns). */
export interface PersonRow {
  id: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  city: string | null;
  kindKey: string;
  status: PersonStatus;
  passivatedOn: string | null;
  lastActivityOn: string;
  restricted: boolean;
  informedOn: string | null;
  organization: string | null;
}

const rowColumns = [
  persons.id,
  persons.firstName,
  persons.lastName,
  persons.email,
  persons.phone,
  persons.city,
  relationshipKinds.key,
  persons.status,
  persons.passivatedOn,
  persons.lastActivityOn,
  persons.restricted,
  persons.informedOn,
];
type RowValues = [
  number,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string,
  PersonStatus,
  string | null,
  string,
  number,
  string | null,
];

/**
 * Where the page starts: after the row with this sort key and id (keyset paging: as fast deep in
 * the table as at its top), or at `offset` when there is no cursor (a jump to a scroll position).
 */
export interface PageCursor {
  key: Array<string | number | null>;
  id: number;
}

/** Rows beyond the cursor in the query's order, NULLs first ascending as SQLite sorts them. */
function beyond(columns: readonly SQLiteColumn[], descending: boolean, cursor: PageCursor, b: Bindings): SQL {
  if (cursor.key.length !== columns.length) throw new KaappiError('INVALID_INPUT');
  const all = [...columns, persons.id];
  const values = [...cursor.key, cursor.id];
  if (all.every((column) => column.notNull) && values.every((value) => value !== null)) {
    // A row value: SQLite reads it as a range on the sort index.
    b.shape('after row');
    const op = descending ? sql`<` : sql`>`;
    return sql`(${sql.join(all, sql`, `)}) ${op} (${sql.join(
      values.map((value, i) => sql`${b.bind(`after${i}`, value)}`),
      sql`, `,
    )})`;
  }
  // Which key values are null decides the expression's text; the others are bound.
  b.shape(`after nulls=${values.map((value) => (value === null ? 'n' : 'v')).join('')}`);
  const bound = values.map((value, i) => (value === null ? null : b.bind(`after${i}`, value)));
  const same = (column: SQLiteColumn, i: number) => {
    const value = bound[i];
    return value === null || value === undefined ? isNull(column) : eq(column, value);
  };
  const past = (column: SQLiteColumn, i: number) => {
    const value = bound[i];
    if (!descending) return value === null || value === undefined ? isNotNull(column) : gt(column, value);
    return value === null || value === undefined ? sql`0` : or(lt(column, value), isNull(column))!;
  };
  return or(...all.map((column, i) => and(...all.slice(0, i).map((c, j) => same(c, j)), past(column, i))))!;
}

/** In the JSON array of ids bound to `ids`: one statement for a page of any length. */
const inIds = (column: SQLiteColumn) => sql`${column} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`;

export function searchPersons(register: UnlockedRegister, query: PersonQuery) {
  const db = register.db;
  const today = () => finnishDate(register.deps.clock.now());
  const counted = query.count !== false;
  const total = counted ? countMatches(db, query, today) : null;
  const sortColumn = query.sort?.column ?? 'lastName';
  const walkable = sortColumn === 'lastName' || sortColumn === 'lastActivityOn';
  // Uncounted (a later page of a view already counted), walk unless the search index narrows it.
  const walkSortIndex = walkable && (total === null ? !query.text : total > WALK_SORT_INDEX_ABOVE);
  const descending = query.sort?.direction === 'desc';
  const direction = descending ? desc : asc;
  const keyColumns = sortColumns[sortColumn];
  const b = new Bindings(`persons.search page by ${sortColumn} ${descending ? 'desc' : 'asc'}`);
  const where = walkSortIndex ? conditions(db, query, today, b, true) : conditions(db, query, today, b);
  const pageWhere = and(
    ...(walkSortIndex ? where : where.length > 0 ? [and(...where)!] : []),
    ...(query.after ? [beyond(keyColumns, descending, query.after, b)] : []),
  );
  // The id breaks ties in the sort's own direction, so one index order serves a cursor.
  const order = [...keyColumns.map((column) => direction(column)), direction(persons.id)];
  const hint = walkSortIndex ? sortIndexHint(query) : null;
  b.shape(`hint=${hint}`);
  const limit = b.bind('limit', query.limit);
  const offset = b.bind('offset', query.after ? 0 : query.offset);
  const from = sql`${persons}${hint ? sql` INDEXED BY ${sql.identifier(hint)}` : sql``}`;
  const keySelect = sql.join(
    keyColumns.map((column, i) => sql`${column} AS ${sql.identifier(`k${i}`)}`),
    sql`, `,
  );
  const tail = sql`WHERE ${pageWhere ?? sql`1`} ORDER BY ${sql.join(order, sql`, `)} LIMIT ${limit} OFFSET ${offset}`;
  let keys: Array<{ id: number; k0: string | number | null; k1?: string | number | null }>;
  let byId: Map<number, RowValues>;
  if (walkSortIndex && (query.after || query.offset === 0)) {
    // Walking the sort index from the start or a cursor, nothing is skipped: the rows come with
    // their keys in one statement. CROSS JOIN keeps persons (and its sort index) the outer loop.
    const found = preparedSql(
      db,
      `${b.key} with rows`,
      () => sql`SELECT ${sql.join(rowColumns, sql`, `)}, ${keySelect} FROM ${from}
        CROSS JOIN ${relationshipKinds} ON ${relationshipKinds.id} = ${persons.kindId} ${tail}`,
    ).rows<[...RowValues, string | number | null, (string | number | null)?]>(b.values);
    const width = rowColumns.length;
    keys = found.map((row) => ({ id: row[0], k0: row[width] ?? null, k1: row[width + 1] ?? null }));
    byId = new Map(found.map((row) => [row[0], row.slice(0, width) as RowValues]));
  } else {
    // The page's ids and sort keys first (from the sort index where it covers the filters: a jump
    // deep into the table skips index entries, not rows), then those rows. drizzle has no index hint.
    keys = preparedSql(db, b.key, () => sql`SELECT ${persons.id} AS id, ${keySelect} FROM ${from} ${tail}`).all(
      b.values,
    );
    const ids = keys.map((row) => row.id);
    // Rows as arrays, made into the row objects here: drizzle's mapping and a copy to add the
    // organization cost as much as reading the rows.
    byId = new Map(
      (ids.length === 0
        ? []
        : preparedSql(
            db,
            'persons.search rows',
            () => sql`SELECT ${sql.join(rowColumns, sql`, `)} FROM ${persons}
            JOIN ${relationshipKinds} ON ${relationshipKinds.id} = ${persons.kindId} WHERE ${inIds(persons.id)}`,
          ).rows<RowValues>({ ids: JSON.stringify(ids) })
      ).map((row) => [row[0], row]),
    );
  }
  const ids = keys.map((row) => row.id);
  // Organizations for the page's rows only: in the select list SQLite would look them up for
  // every match before sorting.
  const organizationOf = currentOrganizations(db, ids);
  const rows: PersonRow[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) continue;
    const [, firstName, lastName, email, phone, city, kindKey, status, passivatedOn, lastActivityOn] = row;
    rows.push({
      id,
      firstName,
      lastName,
      email,
      phone,
      city,
      kindKey,
      status,
      passivatedOn,
      lastActivityOn,
      restricted: row[10] === 1,
      informedOn: row[11],
      organization: organizationOf.get(id) ?? null,
    });
  }
  const last = keys.at(-1);
  const next: PageCursor | null =
    last && keys.length === query.limit
      ? { key: keyColumns.map((_, i) => (i === 0 ? last.k0 : (last.k1 ?? null))), id: last.id }
      : null;
  return { total, rows, next };
}

function currentOrganizations(db: ReadableDb, personIds: number[]): Map<number, string> {
  const names = new Map<number, string>();
  if (personIds.length === 0) return names;
  const rows = preparedSql(
    db,
    'persons.search organizations',
    () => sql`SELECT ${employments.personId}, ${organizations.name} FROM ${employments}
      JOIN ${organizations} ON ${organizations.id} = ${employments.organizationId}
      WHERE ${inIds(employments.personId)} AND ${employments.endedOn} IS NULL ORDER BY ${employments.startedOn} DESC`,
  ).rows<[number, string]>({ ids: JSON.stringify(personIds) });
  for (const [personId, name] of rows) if (!names.has(personId)) names.set(personId, name);
  return names;
}
