// The contacts table's query: full-text search, filters, sorting and one page at a time, all in
// main, so the window never holds the whole register.
import { and, asc, desc, eq, exists, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { RegisterDb } from '../../db/open';
import { CHANNEL_BITS } from '../../db/consent-state';
import {
  dataSources,
  employments,
  interests,
  organizations,
  persons,
  relationshipKinds,
} from '../../db/schema-register';
import { PERSON_STATUSES, type PersonStatus } from '../../db/vocabulary';
import { finnishDate } from '../clock';
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

function conditions(db: RegisterDb, query: PersonQuery, today: string, walkSortIndex = false): SQL[] {
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
function countMatches(db: RegisterDb, query: PersonQuery, where: SQL | undefined): number {
  const match = query.text ? toFtsQuery(query.text) : null;
  const filtered = Object.values(query.filters ?? {}).some(
    (value) => value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0),
  );
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

export function searchPersons(register: UnlockedRegister, query: PersonQuery) {
  const db = register.db;
  const today = finnishDate(register.deps.clock.now());
  const where = and(...conditions(db, query, today));
  const total = countMatches(db, query, where);
  const sortColumn = query.sort?.column ?? 'lastName';
  const walkSortIndex = total > WALK_SORT_INDEX_ABOVE && (sortColumn === 'lastName' || sortColumn === 'lastActivityOn');
  const pageWhere = walkSortIndex ? and(...conditions(db, query, today, true)) : where;
  const direction = query.sort?.direction === 'desc' ? desc : asc;
  const order = [...sortColumns[sortColumn].map((column) => direction(column)), asc(persons.id)];
  const hint = walkSortIndex ? sortIndexHint(query) : null;
  let page;
  if (hint) {
    // drizzle has no index hint: the page's ids by hand-built SQL, then their rows.
    const ids = db
      .all<{ id: number }>(
        sql`SELECT ${persons.id} AS id FROM ${persons} INDEXED BY ${sql.identifier(hint)} WHERE ${pageWhere ?? sql`1`}
            ORDER BY ${sql.join(order, sql`, `)} LIMIT ${query.limit} OFFSET ${query.offset}`,
      )
      .map((row) => row.id);
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
    page = ids.flatMap((id) => byId.get(id) ?? []);
  } else {
    page = db
      .select(rowColumns)
      .from(persons)
      .innerJoin(relationshipKinds, eq(relationshipKinds.id, persons.kindId))
      .where(pageWhere)
      .orderBy(...order)
      .limit(query.limit)
      .offset(query.offset)
      .all();
  }
  // Organizations for the page's rows only: in the select list SQLite would look them up for
  // every match before sorting.
  const organizationOf = currentOrganizations(
    db,
    page.map((row) => row.id),
  );
  const rows = page.map((row) => ({ ...row, organization: organizationOf.get(row.id) ?? null }));
  return { total, rows };
}

function currentOrganizations(db: RegisterDb, personIds: number[]): Map<number, string> {
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
