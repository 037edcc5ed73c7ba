import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KaappiError } from '../../src-main/core/errors';
import { migrateDatabase, migrationsFolder } from '../../src-main/db/migrate';
import { openDatabase } from '../../src-main/db/open';
import { tempDir } from '../fixtures/register';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function setup() {
  const temp = tempDir();
  cleanup = temp.cleanup;
  const key = Buffer.alloc(32, 7);
  const path = join(temp.dir, 'r.kaappi');
  return { dir: temp.dir, path, key };
}

/** A copy of the shipped migrations plus one more, whose SQL we choose. */
function migrationsWithExtra(dir: string, extraSql: string, when: number): string {
  const folder = join(dir, 'migrations');
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  journal.entries.push({ idx: journal.entries.length, version: '6', when, tag: '9999_extra', breakpoints: true });
  writeFileSync(journalPath, JSON.stringify(journal));
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, '9999_extra.sql'), extraSql);
  return folder;
}

const tables = (sqlite: ReturnType<typeof openDatabase>['sqlite']) =>
  sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','trigger') ORDER BY name").all();

describe('migrations', () => {
  it('apply all shipped migrations to a new register, and nothing the second time', () => {
    const { path, key } = setup();
    const { sqlite } = openDatabase(path, key);
    expect(migrateDatabase(sqlite).applied).toBeGreaterThanOrEqual(2);
    expect(migrateDatabase(sqlite).applied).toBe(0);
    sqlite.close();
  });

  it('leave the file exactly as it was when one of them fails', () => {
    const { dir, path, key } = setup();
    const { sqlite } = openDatabase(path, key);
    const folder = migrationsWithExtra(
      dir,
      'CREATE TABLE persons (id INTEGER PRIMARY KEY);\n--> statement-breakpoint\nINSERT INTO no_such_table VALUES (1);',
      Date.now() + 1000,
    );
    expect(() => migrateDatabase(sqlite, folder)).toThrow(KaappiError);
    expect(tables(sqlite)).toEqual([]);
    migrateDatabase(sqlite);
    const before = tables(sqlite);
    expect(() => migrateDatabase(sqlite, folder)).toThrow(/MIGRATION_FAILED/);
    expect(tables(sqlite)).toEqual(before);
    sqlite.close();
  });

  it('refuse a register made by a newer Kaappi', () => {
    const { dir, path, key } = setup();
    const { sqlite } = openDatabase(path, key);
    migrateDatabase(sqlite, migrationsWithExtra(dir, 'CREATE TABLE future (id INTEGER);', Date.now() + 1000));
    expect(() => migrateDatabase(sqlite)).toThrow(/SCHEMA_TOO_NEW/);
    sqlite.close();
  });
});
