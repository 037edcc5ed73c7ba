// The contacts table's query: full-text search, filters, sorting and one page at a time, all in
// main, so the window never holds the whole register.
import { and, asc, desc, eq, exists, gt, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ReadableDb } from '../../db/open';
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

function conditions(db: ReadableDb, query: PersonQuery, today: string, walkSortIndex = false): SQL[] {
  const where: SQL[] = [];
  const f = query.filters ?? {};
  const match = query.text ? toFtsQuery(query.text) : null;
  if (match) {
    const inIndex = sql`(SELECT rowid FROM persons_fts WHERE persons_fts MATCH ${match})`;
    where.push(walkSortIndex ? sql`+${persons.id} IN ${inIndex}` : sql`${persons.id} IN ${inIndex}`);
  }
  if (f.statuses?.length) where.push(statusIn(f.statuses));
  // Sub-selects rather than joins: a join would make every count read each matching row.
  if (f.kindKeys?.length) {
    where.push(
      inArray(
        persons.kindId,
        db
          .select({ id: relationshipKinds.id })
          .from(relationshipKinds)
          .where(inArray(relationshipKinds.key, f.kindKeys)),
      ),
    );
  }
  if (f.sourceKeys?.length) {
    where.push(
      inArray(
        persons.sourceId,
        db.select({ id: dataSources.id }).from(dataSources).where(inArray(dataSources.key, f.sourceKeys)),
      ),
    );
  }
  if (f.organizationId !== undefined) {
    where.push(
      exists(
        sql`SELECT 1 FROM ${employments} e WHERE e.person_id = ${persons.id} AND e.organization_id = ${f.organizationId} AND e.ended_on IS NULL`,
      ),
    );
  }
  if (f.interest) {
    where.push(exists(sql`SELECT 1 FROM ${interests} i WHERE i.person_id = ${persons.id} AND i.tag = ${f.interest}`));
  }
  if (f.passiveForYears !== undefined) {
    const cutoff = `${Number(today.slice(0, 4)) - f.passiveForYears}${today.slice(4)}`;
    // Walking the sort index, the unary + keeps persons_passivated's range from driving; the
    // passive persons' name index (persons_passive_by_name) carries passivated_on to test.
    where.push(
      statusIn(['passive']),
      walkSortIndex ? sql`+${persons.passivatedOn} <= ${cutoff}` : lte(persons.passivatedOn, cutoff),
    );
  }
  if (f.noConsent) where.push(noChannelConsent);
  if (f.notInformed) where.push(isNull(persons.informedOn));
  if (f.restricted !== undefined) where.push(eq(persons.restricted, f.restricted));
  return where;
}

/**
 * How many match. A text search without filters is counted in the search index alone; otherwise
 * the count touches only persons' own columns and indexes.
 */
function countMatches(db: ReadableDb, query: PersonQuery, where: SQL | undefined): number {
  const match = query.text ? toFtsQuery(query.text) : null;
  // noConsent and notInformed filter only when true; restricted filters when false too.
  const active = Object.entries(query.filters ?? {}).filter(
    ([name, value]) =>
      value !== undefined &&
      !(value === false && name !== 'restricted') &&
      !(Array.isArray(value) && value.length === 0),
  );
  const filtered = active.length > 0;
  // The unfiltered table and the one-filter built-in views have their count kept (person_counts).
  if (!match && active.length <= 1) {
    const only = active[0]?.[0];
    if (only === undefined) return keptCount(db, 'all');
    if (only === 'noConsent') return keptCount(db, 'no_consent');
    if (only === 'notInformed') return keptCount(db, 'not_informed');
  }
  if (match && !filtered) {
    return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM persons_fts WHERE persons_fts MATCH ${match}`)?.n ?? 0;
  }
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(persons)
      .where(where)
      .get()?.n ?? 0
  );
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

const rowColumns = {
  id: persons.id,
  firstName: persons.firstName,
  lastName: persons.lastName,
  email: persons.email,
  phone: persons.phone,
  city: persons.city,
  kindKey: relationshipKinds.key,
  status: persons.status,
  passivatedOn: persons.passivatedOn,
  lastActivityOn: persons.lastActivityOn,
  restricted: persons.restricted,
  informedOn: persons.informedOn,
};

/**
 * Where the page starts: after the row with this sort key and id (keyset paging: as fast deep in
 * the table as at its top), or at `offset` when there is no cursor (a jump to a scroll position).
 */
export interface PageCursor {
  key: Array<string | number | null>;
  id: number;
}

/** Rows beyond the cursor in the query's order, NULLs first ascending as SQLite sorts them. */
function beyond(columns: readonly SQLiteColumn[], descending: boolean, cursor: PageCursor): SQL {
  if (cursor.key.length !== columns.length) throw new KaappiError('INVALID_INPUT');
  const all = [...columns, persons.id];
  const values = [...cursor.key, cursor.id];
  if (all.every((column) => column.notNull) && values.every((value) => value !== null)) {
    // A row value: SQLite reads it as a range on the sort index.
    const op = descending ? sql`<` : sql`>`;
    return sql`(${sql.join(all, sql`, `)}) ${op} (${sql.join(
      values.map((value) => sql`${value}`),
      sql`, `,
    )})`;
  }
  const same = (column: SQLiteColumn, value: string | number | null) =>
    value === null ? isNull(column) : eq(column, value);
  const past = (column: SQLiteColumn, value: string | number | null) => {
    if (!descending) return value === null ? isNotNull(column) : gt(column, value);
    return value === null ? sql`0` : or(lt(column, value), isNull(column))!;
  };
  return or(
    ...all.map((column, i) => and(...all.slice(0, i).map((c, j) => same(c, values[j]!)), past(column, values[i]!))),
  )!;
}

export function searchPersons(register: UnlockedRegister, query: PersonQuery) {
  const db = register.db;
  const today = finnishDate(register.deps.clock.now());
  const where = and(...conditions(db, query, today));
  const counted = query.count !== false;
  const total = counted ? countMatches(db, query, where) : null;
  const sortColumn = query.sort?.column ?? 'lastName';
  const walkable = sortColumn === 'lastName' || sortColumn === 'lastActivityOn';
  // Uncounted (a later page of a view already counted), walk unless the search index narrows it.
  const walkSortIndex = walkable && (total === null ? !query.text : total > WALK_SORT_INDEX_ABOVE);
  const descending = query.sort?.direction === 'desc';
  const direction = descending ? desc : asc;
  const keyColumns = sortColumns[sortColumn];
  const pageWhere = and(
    ...(walkSortIndex ? conditions(db, query, today, true) : where ? [where] : []),
    ...(query.after ? [beyond(keyColumns, descending, query.after)] : []),
  );
  // The id breaks ties in the sort's own direction, so one index order serves a cursor.
  const order = [...keyColumns.map((column) => direction(column)), direction(persons.id)];
  const hint = walkSortIndex ? sortIndexHint(query) : null;
  // The page's ids and sort keys first (from the sort index where it covers the filters: a jump
  // deep into the table skips index entries, not rows), then those rows. drizzle has no index hint.
  const keys = db.all<{ id: number; k0: string | number | null; k1?: string | number | null }>(
    sql`SELECT ${persons.id} AS id, ${sql.join(
      keyColumns.map((column, i) => sql`${column} AS ${sql.identifier(`k${i}`)}`),
      sql`, `,
    )}
        FROM ${persons}${hint ? sql` INDEXED BY ${sql.identifier(hint)}` : sql``} WHERE ${pageWhere ?? sql`1`}
        ORDER BY ${sql.join(order, sql`, `)} LIMIT ${query.limit} OFFSET ${query.after ? 0 : query.offset}`,
  );
  const ids = keys.map((row) => row.id);
  const byId = new Map(
    (ids.length === 0
      ? []
      : db
          .select(rowColumns)
          .from(persons)
          .innerJoin(relationshipKinds, eq(relationshipKinds.id, persons.kindId))
          .where(inArray(persons.id, ids))
          .all()
    ).map((row) => [row.id, row]),
  );
  // Organizations for the page's rows only: in the select list SQLite would look them up for
  // every match before sorting.
  const organizationOf = currentOrganizations(db, ids);
  const rows = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ ...row, organization: organizationOf.get(id) ?? null }] : [];
  });
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
  const rows = db
    .select({ personId: employments.personId, name: organizations.name, startedOn: employments.startedOn })
    .from(employments)
    .innerJoin(organizations, eq(organizations.id, employments.organizationId))
    .where(and(inArray(employments.personId, personIds), isNull(employments.endedOn)))
    .orderBy(desc(employments.startedOn))
    .all();
  for (const row of rows) if (!names.has(row.personId)) names.set(row.personId, row.name);
  return names;
}

export type PersonRow = ReturnType<typeof searchPersons>['rows'][number];
