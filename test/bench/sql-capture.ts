// The raw floor of a benchmark: records the statements core runs, exactly as drizzle prepares them
// (SQL text, bound parameters, get/all/run, raw rows or objects), so the same statements can be
// run again on a bare better-sqlite3-multiple-ciphers connection to the same encrypted file.
import Database from 'better-sqlite3-multiple-ciphers';
import type { RegisterDb } from '../../src-main/db/open';

export interface CapturedStatement {
  sql: string;
  params: unknown[];
  method: 'all' | 'get' | 'run' | 'iterate';
  raw: boolean;
}

const EXECUTE = new Set(['all', 'get', 'run', 'iterate']);
/** Transaction control comes from better-sqlite3's own wrapper; the floor wraps its own. */
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

export interface StatementRecorder {
  /** Runs `use` and returns what it returned with the statements it ran, in order. */
  record<T>(use: () => T): Promise<{ result: Awaited<T>; statements: CapturedStatement[] }>;
  restore(): void;
}

/**
 * The recording running now, whichever recorder started it: a statement prepared under an earlier
 * recorder (core keeps them, db/open.ts preparedOnce) must still note its executions in a later one.
 */
let recording: CapturedStatement[] | null = null;

/**
 * Wraps the connection's prepare() so that, while recording, each statement notes its executions.
 * Every statement prepared from here on is wrapped, as core keeps prepared statements for later
 * calls; outside record() the wrapper only passes calls through.
 */
export function statementRecorder(db: RegisterDb): StatementRecorder {
  // drizzle types $client as plain better-sqlite3's Database; it is the multiple-ciphers one.
  const client = db.$client as unknown as Database.Database;
  const prepare = client.prepare;

  client.prepare = function (this: Database.Database, source: string) {
    const statement = prepare.call(client, source);
    if (TRANSACTION_CONTROL.test(source)) return statement;
    let raw = false;
    const wrapped: Database.Statement = new Proxy(statement, {
      get(target, property) {
        if (property === 'raw') {
          return (toggle = true) => {
            raw = toggle;
            target.raw(toggle);
            return wrapped;
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        const log = recording;
        if (log && typeof property === 'string' && EXECUTE.has(property) && typeof value === 'function') {
          return (...params: unknown[]) => {
            log.push({ sql: source, params, method: property as CapturedStatement['method'], raw });
            return (value as (...args: unknown[]) => unknown).apply(target, params);
          };
        }
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    return wrapped;
  } as typeof client.prepare;

  return {
    async record(use) {
      const statements: CapturedStatement[] = [];
      recording = statements;
      try {
        return { result: await use(), statements };
      } finally {
        recording = null;
      }
    },
    restore() {
      client.prepare = prepare;
    },
  };
}

/** A bare connection to the register file with the app's per-connection pragmas (db/open.ts). */
export function openRawConnection(path: string, keyHex: string): Database.Database {
  const sqlite = new Database(path);
  sqlite.pragma(`cipher='sqlcipher'`);
  sqlite.pragma('legacy=4');
  sqlite.pragma(`key="x'${keyHex}'"`);
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('cache_size = -65536');
  return sqlite;
}

/** Runs captured statements again, each prepared once per connection and then reused. */
export function replayer(sqlite: Database.Database) {
  const prepared = new Map<string, Database.Statement>();
  return function replay(statement: CapturedStatement, params: unknown[] = statement.params): unknown {
    let ready = prepared.get(statement.sql);
    if (!ready) {
      ready = sqlite.prepare(statement.sql);
      prepared.set(statement.sql, ready);
    }
    if (ready.reader) ready.raw(statement.raw);
    return ready[statement.method](...params);
  };
}

/** EXPLAIN QUERY PLAN as indented lines. */
export function queryPlan(sqlite: Database.Database, statement: CapturedStatement): string[] {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.params) as Array<{
    id: number;
    parent: number;
    detail: string;
  }>;
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((row) => {
    const level = (depth.get(row.parent) ?? -1) + 1;
    depth.set(row.id, level);
    return `${'  '.repeat(level)}${row.detail}`;
  });
}
