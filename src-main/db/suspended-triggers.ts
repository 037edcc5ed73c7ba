// Triggers a bulk writer goes without inside its transaction and then re-creates as they were;
// the writer does their work for all its rows at once (an import's new persons).
import type { RegisterDb } from './open';

/**
 * Drops the named triggers; the function returned re-creates them from the SQL they had, and the
 * caller calls it before it commits. Only inside a transaction: a failure rolls the drop back, and
 * no other connection ever sees it.
 */
export function suspendTriggers(db: RegisterDb, names: readonly string[]): () => void {
  const sqlite = db.$client;
  if (!sqlite.inTransaction) throw new Error('triggers are suspended only inside a transaction');
  const definition = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?");
  // A trigger missing already (a register someone edited) stays missing: verify reports what it kept.
  const saved = names.flatMap((name) => {
    const row = definition.get(name) as { sql: string } | undefined;
    return row ? [{ name, sql: row.sql }] : [];
  });
  for (const { name } of saved) sqlite.exec(`DROP TRIGGER "${name.replace(/"/g, '""')}"`);
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    for (const { sql } of saved) sqlite.exec(sql);
  };
}
