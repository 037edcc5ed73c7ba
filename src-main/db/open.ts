// Opening a register file: SQLCipher 4 format with a raw 256-bit key, then the pragmas every
// connection needs. Raw SQL lives here because pragmas are outside what drizzle expresses.
import Database from 'better-sqlite3-multiple-ciphers';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as accessSchema from './schema';
import * as registerSchema from './schema-register';

const schema = { ...accessSchema, ...registerSchema };

export type RegisterDb = BetterSQLite3Database<typeof schema>;
export type SqliteConnection = Database.Database;

export interface OpenedDatabase {
  sqlite: SqliteConnection;
  db: RegisterDb;
}

let nativeBinding: string | undefined;

/** Electron passes the module built for its own ABI (see scripts/electron-native.mjs). */
export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

export class DatabaseKeyError extends Error {}

function applyKey(sqlite: SqliteConnection, key: Buffer): void {
  if (key.length !== 32) throw new Error('database key must be 256 bits');
  sqlite.pragma(`cipher='sqlcipher'`);
  sqlite.pragma('legacy=4');
  // A raw key (x'…') skips SQLCipher's own PBKDF2: the key is already random, and the
  // password work happens once, in the keyring's scrypt.
  sqlite.pragma(`key="x'${key.toString('hex')}'"`);
}

/**
 * Opens (or creates) an encrypted register database. Throws DatabaseKeyError when the key does
 * not open the file, so callers can tell a wrong key from other failures.
 */
export function openDatabase(path: string, key: Buffer, options: { readonly?: boolean } = {}): OpenedDatabase {
  const sqlite = new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
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
    sqlite.pragma('secure_delete = ON');
    return { sqlite, db: drizzle(sqlite, { schema }) };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Re-encrypts the whole file with a new key. SQLite3 Multiple Ciphers cannot re-key in WAL mode,
 * so the journal is switched to DELETE for the duration (which also checkpoints the WAL).
 */
export function rekeyDatabase(sqlite: SqliteConnection, newKey: Buffer): void {
  sqlite.pragma('journal_mode = DELETE');
  sqlite.pragma(`rekey="x'${newKey.toString('hex')}'"`);
  sqlite.pragma('journal_mode = WAL');
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
