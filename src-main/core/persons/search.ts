// The contacts table's query: full-text search, filters, sorting and one page at a time, all in
// main, so the window never holds the whole register.
import { and, asc, desc, eq, exists, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import {
  consentEvents,
  dataSources,
  employments,
  interests,
  persons,
  relationshipKinds,
} from '../../db/schema-register';
import type { PersonStatus } from '../../db/vocabulary';
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

/** Channel consent in force: the latest event per channel says granted. */
const hasChannelConsent = sql`EXISTS (
  SELECT 1 FROM ${consentEvents} ce
  WHERE ce.person_id = ${persons.id} AND ce.subject IN ('email','sms','phone','post') AND ce.granted = 1
    AND ce.id = (SELECT ce2.id FROM ${consentEvents} ce2 WHERE ce2.person_id = ce.person_id AND ce2.subject = ce.subject
                 ORDER BY ce2.effective_at DESC, ce2.id DESC LIMIT 1))`;

function conditions(query: PersonQuery, today: string): SQL[] {
  const where: SQL[] = [];
  const f = query.filters ?? {};
  const match = query.text ? toFtsQuery(query.text) : null;
  if (match) where.push(sql`${persons.id} IN (SELECT rowid FROM persons_fts WHERE persons_fts MATCH ${match})`);
  if (f.statuses?.length) where.push(inArray(persons.status, f.statuses));
  if (f.kindKeys?.length) where.push(inArray(relationshipKinds.key, f.kindKeys));
  if (f.sourceKeys?.length) where.push(inArray(dataSources.key, f.sourceKeys));
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
    where.push(eq(persons.status, 'passive'), lte(persons.passivatedOn, cutoff));
  }
  if (f.noConsent) where.push(sql`NOT ${hasChannelConsent}`);
  if (f.notInformed) where.push(isNull(persons.informedOn));
  if (f.restricted !== undefined) where.push(eq(persons.restricted, f.restricted));
  return where;
}

export function searchPersons(register: UnlockedRegister, query: PersonQuery) {
  const db = register.db;
  const today = finnishDate(register.deps.clock.now());
  const where = and(...conditions(query, today));
  const base = db
    .select({ count: sql<number>`count(*)` })
    .from(persons)
    .innerJoin(relationshipKinds, eq(relationshipKinds.id, persons.kindId))
    .leftJoin(dataSources, eq(dataSources.id, persons.sourceId))
    .where(where);
  const total = base.get()?.count ?? 0;
  const direction = query.sort?.direction === 'desc' ? desc : asc;
  const order = [...sortColumns[query.sort?.column ?? 'lastName'].map((column) => direction(column)), asc(persons.id)];
  const rows = db
    .select({
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
      organization: sql<
        string | null
      >`(SELECT o.name FROM employments e JOIN organizations o ON o.id = e.organization_id
        WHERE e.person_id = ${persons.id} AND e.ended_on IS NULL ORDER BY e.started_on DESC LIMIT 1)`,
    })
    .from(persons)
    .innerJoin(relationshipKinds, eq(relationshipKinds.id, persons.kindId))
    .leftJoin(dataSources, eq(dataSources.id, persons.sourceId))
    .where(where)
    .orderBy(...order)
    .limit(query.limit)
    .offset(query.offset)
    .all();
  return { total, rows };
}

export type PersonRow = ReturnType<typeof searchPersons>['rows'][number];
