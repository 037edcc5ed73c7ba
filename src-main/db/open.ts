// Opening a register file: SQLCipher 4 format with a raw 256-bit key, then the pragmas every
// connection needs. Raw SQL lives here because pragmas are outside what drizzle expresses.
import Database from 'better-sqlite3-multiple-ciphers';
import { fillPlaceholders, is, Param, Placeholder, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import * as accessSchema from './schema';
import * as registerSchema from './schema-register';
import * as requestsSchema from './schema-requests';
import * as retentionSchema from './schema-retention';

const schema = { ...accessSchema, ...registerSchema, ...retentionSchema, ...requestsSchema };

export type SqliteConnection = Database.Database;
/**
 * drizzle over the connection, which drizzle keeps as $client: the few bulk writes drizzle cannot
 * prepare (the search index's virtual table, multi-row audit inserts) prepare on it directly.
 */
export type RegisterDb = ReturnType<typeof drizzle<typeof schema>>;

/**
 * The register as a read function sees it: drizzle without insert, update, delete, run or a
 * transaction (as Signal's ReadableDB), so a read function cannot write through the query builder.
 * Raw SQL (all/get/values, $client) is still possible and kept to db/ helpers such as setCacheSize.
 */
export type ReadableDb = Omit<RegisterDb, 'insert' | 'update' | 'delete' | 'run' | 'transaction'>;

interface Statement<P extends unknown[]> {
  run(...params: P): Database.RunResult;
  /** The first row, in the shape the caller's SQL gives it. */
  get(...params: P): unknown;
}
const preparedStatements = new WeakMap<RegisterDb['$client'], Map<string, Statement<never>>>();

/**
 * A statement prepared once per connection, on the connection itself, for the few bulk writes
 * drizzle cannot prepare or where its placeholders cost too much: rows of the search index's
 * virtual table, multi-row audit inserts, an import's new persons and the lookups beside them.
 */
export function preparedOn<P extends unknown[]>(db: RegisterDb, text: string): Statement<P> {
  let statements = preparedStatements.get(db.$client);
  if (!statements) {
    statements = new Map();
    preparedStatements.set(db.$client, statements);
  }
  let statement = statements.get(text) as Statement<P> | undefined;
  if (!statement) {
    statement = db.$client.prepare(text) as Statement<P>;
    statements.set(text, statement as Statement<never>);
  }
  return statement;
}

/** Per connection; beyond this many shapes the cache starts over rather than grow without end. */
const MAX_QUERY_SHAPES = 500;
const queriesOnce = new WeakMap<RegisterDb['$client'], Map<string, unknown>>();

/**
 * A query built with drizzle once per connection and `shape` (what the query's text depends on),
 * with sql.placeholder() for the values that change between calls: building and preparing the
 * SQL cost more than running a small indexed query, such as the contacts table's page.
 */
function preparedOnce<T>(db: ReadableDb, shape: string, prepare: () => T): T {
  let queries = queriesOnce.get(db.$client);
  if (!queries) {
    queries = new Map();
    queriesOnce.set(db.$client, queries);
  }
  let query = queries.get(shape) as T | undefined;
  if (query === undefined) {
    if (queries.size >= MAX_QUERY_SHAPES) queries.clear();
    query = prepare();
    queries.set(shape, query);
  }
  return query;
}

export interface PreparedSql {
  all<T>(values: Record<string, unknown>): T[];
  get<T>(values: Record<string, unknown>): T | undefined;
  /** Rows as arrays in the select list's order: cheaper than objects for a page of many rows. */
  rows<T extends unknown[]>(values: Record<string, unknown>): T[];
}

const dialect = new SQLiteSyncDialect();

/** A cached query must bind every value: one written into its text would stay the first call's. */
function assertOnlyPlaceholders(params: unknown[], shape: string): void {
  const bound = (p: unknown) => is(p, Placeholder) || (is(p, Param) && is(p.value, Placeholder));
  if (!params.every(bound)) throw new Error(`query ${shape} has a value not bound by a placeholder`);
}

/** preparedOnce for a drizzle query builder's query (rows mapped as drizzle maps them). */
export function preparedQuery<Q extends { toSQL(): { params: unknown[] }; prepare(): unknown }>(
  db: ReadableDb,
  shape: string,
  build: () => Q,
): ReturnType<Q['prepare']> {
  return preparedOnce(db, `query:${shape}`, () => {
    const query = build();
    assertOnlyPlaceholders(query.toSQL().params, shape);
    return query.prepare() as ReturnType<Q['prepare']>;
  });
}

/**
 * preparedOnce for SQL written with drizzle's sql template (an index hint, rows as arrays): the
 * text is built once, the placeholders filled on each call.
 */
export function preparedSql(db: ReadableDb, shape: string, build: () => SQL): PreparedSql {
  return preparedOnce(db, `sql:${shape}`, () => {
    const query = dialect.sqlToQuery(build());
    assertOnlyPlaceholders(query.params, shape);
    const statement = db.$client.prepare(query.sql);
    return {
      all: <T>(values: Record<string, unknown>) =>
        statement.raw(false).all(...fillPlaceholders(query.params, values)) as T[],
      get: <T>(values: Record<string, unknown>) =>
        statement.raw(false).get(...fillPlaceholders(query.params, values)) as T | undefined,
      rows: <T extends unknown[]>(values: Record<string, unknown>) =>
        statement.raw(true).all(...fillPlaceholders(query.params, values)) as T[],
    };
  });
}

/** A statement run once (an import's catch-up), its placeholders filled from `values`. */
export function runSql(db: RegisterDb, query: SQL, values: Record<string, unknown>): Database.RunResult {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return db.$client.prepare(text).run(...fillPlaceholders(params, values));
}

export interface OpenedDatabase {
  sqlite: SqliteConnection;
  db: RegisterDb;
}

let nativeBinding: string | undefined;

/** Electron passes the module built for its own ABI (see scripts/electron-native.mjs). */
export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

/** For worker threads, which load their own copy of this module. */
export function currentNativeBinding(): string | undefined {
  return nativeBinding;
}

export class DatabaseKeyError extends Error {}

/** Page cache per connection, KiB (see openDatabase). */
export const DEFAULT_CACHE_KIB = 64 * 1024;

/** The connection's page cache (a pragma, not a write): a large import or erasure raises it for its run. */
export function setCacheSize(db: ReadableDb, kib: number): void {
  db.$client.pragma(`cache_size = -${kib}`);
}

/**
 * Gives SQLCipher the key as a raw key (x'…'), built directly in a buffer that is zeroed after
 * use, so the key never exists as a JavaScript string. A raw key skips SQLCipher's own PBKDF2: the
 * key is already random, and the password work happens once, in the keyring's scrypt.
 */
function withRawKey<T>(key: Buffer, use: (raw: Buffer) => T): T {
  if (key.length !== 32) throw new Error('database key must be 256 bits');
  const hex = Buffer.from('0123456789abcdef', 'latin1');
  const raw = Buffer.alloc(3 + 64);
  raw[0] = 0x78; // x
  raw[1] = 0x27; // '
  for (let i = 0; i < 32; i++) {
    raw[2 + i * 2] = hex[key[i]! >> 4]!;
    raw[3 + i * 2] = hex[key[i]! & 15]!;
  }
  raw[66] = 0x27; // '
  try {
    return use(raw);
  } finally {
    raw.fill(0);
  }
}

function applyKey(sqlite: SqliteConnection, key: Buffer): void {
  sqlite.pragma(`cipher='sqlcipher'`);
  sqlite.pragma('legacy=4');
  withRawKey(key, (raw) => sqlite.key(raw));
}

/**
 * Opens (or creates) an encrypted register database. Throws DatabaseKeyError when the key does
 * not open the file, so callers can tell a wrong key from other failures.
 */
export function openDatabase(
  path: string,
  key: Buffer,
  options: { readonly?: boolean; mustExist?: boolean } = {},
): OpenedDatabase {
  const sqlite = new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: (options.readonly ?? false) || (options.mustExist ?? false),
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    applyKey(sqlite, key);
    try {
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (cause) {
      throw new DatabaseKeyError('the key does not open this database', { cause });
    }
    if (!options.readonly) {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = FULL');
    }
    sqlite.pragma('foreign_keys = ON');
    // 64 MiB of page cache instead of SQLite's 2 MiB: counting a million-person search went from
    // 119 to 13 ms. The decrypted pages stay in memory only while the register is open.
    sqlite.pragma(`cache_size = -${DEFAULT_CACHE_KIB}`);
    sqlite.pragma('secure_delete = ON');
    // SQLite3 Multiple Ciphers leaves SQLite's temporary files unencrypted: a sort, a transient
    // index or a statement journal that outgrew memory was written to /var/tmp in plaintext.
    sqlite.pragma('temp_store = MEMORY');
    return { sqlite, db: drizzle(sqlite, { schema }) };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Re-keying rewrites the whole file. SQLite3 Multiple Ciphers cannot re-key in WAL mode, so the
 * journal is switched to DELETE first, which also checkpoints the WAL and fails while another
 * connection has the file open: then nothing has changed.
 */
export function beginExclusiveRekey(sqlite: SqliteConnection): void {
  const mode = sqlite.pragma('journal_mode = DELETE', { simple: true });
  if (mode !== 'delete') throw new Error(`could not leave WAL mode (still ${String(mode)})`);
}

export function applyRekey(sqlite: SqliteConnection, newKey: Buffer): void {
  withRawKey(newKey, (raw) => sqlite.rekey(raw));
}

/** Back to WAL. If that fails the register still works in rollback mode; the next open retries. */
export function endExclusiveRekey(sqlite: SqliteConnection): void {
  try {
    sqlite.pragma('journal_mode = WAL');
  } catch {
    // Deliberately ignored: see above.
  }
}

/** SQLite's integrity check plus a read of every b-tree page, which makes the cipher check each page's HMAC. */
export function checkDatabaseIntegrity(sqlite: SqliteConnection): { ok: boolean; problems: string[] } {
  const problems: string[] = [];
  try {
    const rows = sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>;
    for (const row of rows) if (row.integrity_check !== 'ok') problems.push(row.integrity_check);
    const pages = sqlite.prepare('SELECT count(*) AS pages FROM dbstat').get() as { pages: number };
    const pageCount = sqlite.pragma('page_count', { simple: true }) as number;
    const freePages = sqlite.pragma('freelist_count', { simple: true }) as number;
    if (pages.pages + freePages + 1 < pageCount) {
      // The lock-byte page aside, every page is either in a b-tree or on the free list.
      problems.push(`pages unaccounted for: ${pageCount - pages.pages - freePages}`);
    }
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  return { ok: problems.length === 0, problems };
}
