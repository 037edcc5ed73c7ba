import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { appendAudit, appendAuditMany, verifyAuditChain } from '../../src-main/core/audit';
import { auditLog } from '../../src-main/db/schema';
import { registerForThisTest } from '../fixtures/for-this-test';
import { writableDb } from '../fixtures/writable';

async function registerWithHistory() {
  const { register, deps } = await registerForThisTest();
  register.transaction((db) => {
    for (let i = 0; i < 5; i++)
      appendAudit(db, deps.clock, { actorUserId: 1, action: 'person.viewed', targetType: 'person', targetId: 100 + i });
  });
  return register;
}

/** What the database answers a statement with: its error, or 'no error'. */
function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return String((error as Error).cause ?? error);
  }
  return 'no error';
}

describe('the audit log', () => {
  it('verifies an untouched chain', async () => {
    const register = await registerWithHistory();
    expect(verifyAuditChain(register.db)).toEqual({ ok: true, checked: 7, firstBrokenId: null });
  });

  it('refuses updates and deletes through the database itself', async () => {
    const register = await registerWithHistory();
    expect(failure(() => writableDb(register).run(sql`UPDATE audit_log SET action = 'x' WHERE id = 3`))).toMatch(
      /append-only/,
    );
    expect(failure(() => writableDb(register).run(sql`DELETE FROM audit_log WHERE id = 3`))).toMatch(/append-only/);
    expect(verifyAuditChain(register.db).ok).toBe(true);
  });

  it('appends many entries in order, in whole batches and a remainder, linked into one chain', async () => {
    const register = await registerWithHistory();
    const events = Array.from({ length: 234 }, (_, i) => ({
      actorUserId: 1,
      action: 'person.created',
      targetType: 'person',
      targetId: i + 1,
      details: { via: 'import', n: i },
    }));
    register.transaction((db) => appendAuditMany(db, register.deps.clock, events));
    register.transaction((db) => appendAuditMany(db, register.deps.clock, events.slice(0, 3)));
    expect(verifyAuditChain(register.db)).toEqual({ ok: true, checked: 7 + 234 + 3, firstBrokenId: null });
    const rows = register.db.select().from(auditLog).all().slice(7);
    expect(rows.map((row) => row.targetId)).toEqual([...events, ...events.slice(0, 3)].map((e) => String(e.targetId)));
    expect(JSON.parse(rows[150]!.details)).toEqual({ via: 'import', n: 150 });
  });

  it('detects an edited row even when the triggers were dropped by someone holding the key', async () => {
    const register = await registerWithHistory();
    writableDb(register).run(sql`DROP TRIGGER audit_log_no_update`);
    writableDb(register).run(sql`UPDATE audit_log SET target_id = '999' WHERE id = 4`);
    expect(verifyAuditChain(register.db)).toMatchObject({ ok: false, firstBrokenId: 4 });
  });

  it('detects a removed row in the middle of the chain', async () => {
    const register = await registerWithHistory();
    writableDb(register).run(sql`DROP TRIGGER audit_log_no_delete`);
    writableDb(register).run(sql`DELETE FROM audit_log WHERE id = 3`);
    expect(verifyAuditChain(register.db)).toMatchObject({ ok: false, firstBrokenId: 4 });
  });
});

describe('the audit log’s insert guard', () => {
  it('refuses INSERT OR REPLACE over an existing row and out-of-order ids', async () => {
    const register = await registerWithHistory();
    const row = `'2026-01-01T00:00:00.000Z', 1, 'forged', NULL, NULL, '{}', 'x', 'y'`;
    expect(
      failure(() => writableDb(register).run(sql.raw(`INSERT OR REPLACE INTO audit_log VALUES (3, ${row})`))),
    ).toMatch(/append-only/);
    expect(failure(() => writableDb(register).run(sql.raw(`INSERT INTO audit_log VALUES (100, ${row})`)))).toMatch(
      /append-only/,
    );
    expect(verifyAuditChain(register.db).ok).toBe(true);
  });
});
