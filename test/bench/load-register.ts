// Fills a fresh register with a generated one, fast enough for a million persons: drizzle bulk
// inserts, one transaction per 10,000 persons. Search entries are written in bulk in the shape
// core's reindexPerson writes (one reindexPerson call per person costs 0.4-0.6 ms, most of a 1M
// load); checkSearchEntryShape proves the shapes equal by comparing the index's tokens.
import type Database from 'better-sqlite3-multiple-ciphers';
import { reindexPerson } from '../../src-main/core/persons';
import { insertSearchEntries, searchEntry } from '../../src-main/core/persons/search-index';
import type { UnlockedRegister } from '../../src-main/core/register';
import type { RegisterDb } from '../../src-main/db/open';
import {
  consentEvents,
  dataSources,
  employments,
  organizations,
  persons,
  relationshipKinds,
} from '../../src-main/db/schema-register';
import type { GeneratedPerson, GeneratedRegister } from '../fixtures/generate';
import { writableDb } from '../fixtures/writable';

export interface LoadReport {
  persons: number;
  organizations: number;
  employments: number;
  consentEvents: number;
  /** Wall-clock milliseconds: everything, and the parts spent generating and writing search entries. */
  totalMs: number;
  generateMs: number;
  searchIndexMs: number;
}

const BATCH = 10_000;
/** Rows per INSERT statement: under SQLite's 32,766 bound parameters with ~30 columns. */
const ROWS_PER_INSERT = 500;
/** The loading connection's page cache (KiB): random-order index inserts thrash the default 2 MiB. */
const LOAD_CACHE_KIB = 512 * 1024;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const sqliteOf = (db: RegisterDb) => db.$client as unknown as Database.Database;

export function loadRegister(
  register: UnlockedRegister,
  generated: GeneratedRegister,
  count: number,
  onProgress: (loaded: number) => void = () => {},
): LoadReport {
  const start = performance.now();
  const report: LoadReport = {
    persons: 0,
    organizations: 0,
    employments: 0,
    consentEvents: 0,
    totalMs: 0,
    generateMs: 0,
    searchIndexMs: 0,
  };
  // Only this connection: the register is measured later through a fresh one with the app's pragmas.
  sqliteOf(writableDb(register)).pragma(`cache_size = -${LOAD_CACHE_KIB}`);
  const now = new Date().toISOString();
  const { kindIds, sourceIds, organizationIds } = register.transaction((db) => {
    const ids: number[] = [];
    for (const chunk of chunks(generated.organizations, ROWS_PER_INSERT)) {
      const rows = chunk.map((organization) => ({ ...organization, createdAt: now, updatedAt: now }));
      ids.push(
        ...db
          .insert(organizations)
          .values(rows)
          .returning({ id: organizations.id })
          .all()
          .map((r) => r.id),
      );
    }
    const byKey = (rows: Array<{ id: number; key: string }>) => new Map(rows.map((row) => [row.key, row.id]));
    return {
      organizationIds: ids,
      kindIds: byKey(db.select({ id: relationshipKinds.id, key: relationshipKinds.key }).from(relationshipKinds).all()),
      sourceIds: byKey(db.select({ id: dataSources.id, key: dataSources.key }).from(dataSources).all()),
    };
  });
  report.organizations = organizationIds.length;

  const people = generated.persons(count);
  for (let loaded = 0; loaded < count; loaded += BATCH) {
    const generateStart = performance.now();
    const batch: GeneratedPerson[] = [];
    for (let i = 0; i < Math.min(BATCH, count - loaded); i++) {
      const next = people.next();
      if (next.done) break;
      batch.push(next.value);
    }
    report.generateMs += performance.now() - generateStart;

    register.transaction((db) => {
      const ids: number[] = [];
      for (const chunk of chunks(batch, ROWS_PER_INSERT)) {
        const rows = chunk.map(({ employments: _e, consents: _c, kindKey, sourceKey, ...person }) => ({
          ...person,
          emailKey: person.email?.toLowerCase() ?? null,
          kindId: kindIds.get(kindKey)!,
          sourceId: sourceKey ? sourceIds.get(sourceKey)! : null,
          updatedAt: person.createdAt,
        }));
        ids.push(
          ...db
            .insert(persons)
            .values(rows)
            .returning({ id: persons.id })
            .all()
            .map((r) => r.id),
        );
      }
      const links = batch.flatMap((person, i) =>
        person.employments.map((employment) => ({
          personId: ids[i]!,
          organizationId: organizationIds[employment.organization]!,
          title: employment.title,
          startedOn: employment.startedOn,
          endedOn: employment.endedOn,
        })),
      );
      for (const chunk of chunks(links, ROWS_PER_INSERT)) db.insert(employments).values(chunk).run();
      const events = batch.flatMap((person, i) =>
        person.consents.map((consent) => ({
          ...consent,
          personId: ids[i]!,
          recordedAt: consent.effectiveAt,
          recordedBy: register.user.id,
        })),
      );
      for (const chunk of chunks(events, ROWS_PER_INSERT)) db.insert(consentEvents).values(chunk).run();

      const indexStart = performance.now();
      const entries = batch.map((person, i) =>
        searchEntry(
          ids[i]!,
          person,
          person.employments
            .filter((employment) => employment.endedOn === null)
            .map((employment) => generated.organizations[employment.organization]!.name)
            .join(' '),
        ),
      );
      for (const chunk of chunks(entries, ROWS_PER_INSERT)) {
        insertSearchEntries(db, chunk);
      }
      report.searchIndexMs += performance.now() - indexStart;
      report.persons += ids.length;
      report.employments += links.length;
      report.consentEvents += events.length;
    });
    onProgress(report.persons);
  }
  report.totalMs = performance.now() - start;
  return report;
}

/**
 * Proves the bulk entries have reindexPerson's shape: the index's tokens (term, person, column,
 * position, read through fts5vocab) before and after core rewrites every entry must be the same.
 * Meant for a small register: it reads the whole index.
 */
export function checkSearchEntryShape(register: UnlockedRegister): { persons: number; tokens: number } {
  const sqlite = sqliteOf(writableDb(register));
  sqlite.exec(
    `CREATE VIRTUAL TABLE IF NOT EXISTS temp.persons_fts_tokens USING fts5vocab(main, persons_fts, 'instance')`,
  );
  const tokens = () =>
    (sqlite.prepare('SELECT term, doc, col, offset FROM temp.persons_fts_tokens').raw().all() as unknown[][])
      .map((row) => row.join('\t'))
      .sort();
  const bulk = tokens();
  const ids = register.db
    .select({ id: persons.id })
    .from(persons)
    .all()
    .map((row) => row.id);
  register.transaction((db) => ids.forEach((id) => reindexPerson(db, id)));
  const core = tokens();
  sqlite.exec('DROP TABLE temp.persons_fts_tokens');
  const differing = bulk.filter((token, i) => token !== core[i]);
  if (bulk.length !== core.length || differing.length > 0) {
    throw new Error(
      `bulk search entries differ from reindexPerson's: ${bulk.length} vs ${core.length} tokens, e.g. ${differing.slice(0, 3).join(' | ')}`,
    );
  }
  return { persons: ids.length, tokens: bulk.length };
}
