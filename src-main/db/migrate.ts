// Applies the drizzle-kit migrations in migrations/ at open. All pending migrations run in one
// transaction, bookkeeping table included, so a failed migration leaves the file exactly as it was.
// A register touched by a newer Kaappi (a migration we do not know) is refused, not guessed at.
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { fileURLToPath } from 'node:url';
import { KaappiError } from '../../src-shared/errors';
import type { SqliteConnection } from './open';

/** Beside this module in the source tree; the build copies it beside the main bundle. */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

const TABLE = '__drizzle_migrations';

export interface MigrationResult {
  applied: number;
  schemaVersion: number;
}

export function knownMigrations(folder = migrationsFolder) {
  return readMigrationFiles({ migrationsFolder: folder });
}

export function migrateDatabase(sqlite: SqliteConnection, folder = migrationsFolder): MigrationResult {
  const migrations = knownMigrations(folder);
  const newestKnown = Math.max(0, ...migrations.map((m) => m.folderMillis));
  let applied = 0;
  const run = sqlite.transaction(() => {
    sqlite.exec(
      `CREATE TABLE IF NOT EXISTS "${TABLE}" (id INTEGER PRIMARY KEY, hash TEXT NOT NULL, created_at NUMERIC)`,
    );
    const last = sqlite.prepare(`SELECT max(created_at) AS at FROM "${TABLE}"`).get() as { at: number | null };
    const lastApplied = Number(last.at ?? 0);
    if (lastApplied > newestKnown) throw new KaappiError('SCHEMA_TOO_NEW');
    const record = sqlite.prepare(`INSERT INTO "${TABLE}" (hash, created_at) VALUES (?, ?)`);
    for (const migration of migrations) {
      if (migration.folderMillis <= lastApplied) continue;
      for (const statement of migration.sql) if (statement.trim()) sqlite.exec(statement);
      record.run(migration.hash, migration.folderMillis);
      applied += 1;
    }
  });
  try {
    run.immediate();
  } catch (error) {
    if (error instanceof KaappiError) throw error;
    throw new KaappiError('MIGRATION_FAILED', {}, { cause: error });
  }
  return { applied, schemaVersion: migrations.length };
}
