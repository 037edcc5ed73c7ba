// Whether the triggers that keep the audit log append-only are in the database as the migrations
// made them: someone who holds the key can drop or change them, and then edit the log freely.
import { knownMigrations } from './migrate';
import type { SqliteConnection } from './open';

const normalise = (sql: string) =>
  sql
    .replace(/--[^\n]*/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/;$/, '');

/** The audit_log triggers the migrations create, by name, as SQL. */
function expectedTriggers(): Map<string, string> {
  const expected = new Map<string, string>();
  for (const statement of knownMigrations().flatMap((m) => m.sql)) {
    const sql = normalise(statement);
    const created = /^CREATE TRIGGER `?(\w+)`? \w+ \w+ ON `?audit_log`?/i.exec(sql);
    if (created) expected.set(created[1]!, sql);
    const dropped = /^DROP TRIGGER (?:IF EXISTS )?`?(\w+)`?/i.exec(sql);
    if (dropped) expected.delete(dropped[1]!);
  }
  return expected;
}

/** Names of the audit log's triggers that are missing, changed, or there without a migration. */
export function auditTriggerProblems(sqlite: SqliteConnection): string[] {
  const expected = expectedTriggers();
  const present = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
    .all() as Array<{ name: string; sql: string }>;
  const problems = present.filter((t) => expected.get(t.name) !== normalise(t.sql)).map((t) => t.name);
  const names = new Set(present.map((t) => t.name));
  return [...problems, ...[...expected.keys()].filter((name) => !names.has(name))];
}

/** Puts the audit log's triggers back as the migrations made them. */
export function restoreAuditTriggers(sqlite: SqliteConnection): void {
  const expected = expectedTriggers();
  sqlite.transaction(() => {
    for (const name of auditTriggerProblems(sqlite)) {
      sqlite.exec(`DROP TRIGGER IF EXISTS "${name}"`);
      const sql = expected.get(name);
      if (sql) sqlite.exec(sql);
    }
  })();
}
