// The audit head outside the database, tried as someone who holds the key would: wiping the log,
// removing its newest entries, dropping its triggers, then editing the head file to match.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../src-main/db/open';
import { eq } from 'drizzle-orm';
import { auditLog, registerInfo } from '../../src-main/db/schema';
import { createPerson, personDetail } from '../../src-main/core/persons';
import { readKeyringFile, unlockWithPassword } from '../../src-main/core/keyring';
import { acceptAuditLog, unlockRegister, verifyRegister } from '../../src-main/core/register';
import { changeOwnPassword } from '../../src-main/core/users';
import { person } from '../fixtures/people';
import { closeAfterThisTest, registerForThisTest } from '../fixtures/for-this-test';
import { OWNER } from '../fixtures/register';

async function registerWithHistory() {
  const created = await registerForThisTest();
  const { register } = created;
  const ids = [1, 2, 3].map(
    (n) => createPerson(register, person({ lastName: `Mäkelä${n}`, email: `makela${n}@example.fi`, phone: null })).id,
  );
  for (const id of ids) personDetail(register, id);
  return created;
}

/** Opens the closed register with the key, as a user with a SQLite tool would. */
async function withKey(path: string, tamper: (db: OpenedDatabase) => void) {
  const key = await unlockWithPassword(readKeyringFile(`${path}.keyring`), OWNER.username, OWNER.password);
  const opened = openDatabase(path, key);
  try {
    tamper(opened);
  } finally {
    opened.sqlite.close();
  }
}

const TRIGGERS = (opened: OpenedDatabase) =>
  opened.sqlite
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
    .all() as Array<{
    sql: string;
  }>;

async function verifyAfter(path: string, deps: Parameters<typeof unlockRegister>[2]) {
  const register = closeAfterThisTest(
    await unlockRegister(path, { username: OWNER.username, password: OWNER.password }, deps),
  );
  return { register, result: verifyRegister(register) };
}

describe('the audit head kept outside the database', () => {
  it('reports nothing wrong with an untouched log, through logins and a re-key', async () => {
    const { path, deps, register } = await registerWithHistory();
    await changeOwnPassword(register, { currentPassword: OWNER.password, newPassword: 'Uusi-Salasana-Syksy-9' });
    register.close();
    const again = closeAfterThisTest(
      await unlockRegister(path, { username: OWNER.username, password: 'Uusi-Salasana-Syksy-9' }, deps),
    );
    expect(verifyRegister(again).anchor).toMatchObject({ ok: true, problems: [] });
    const head = JSON.parse(readFileSync(`${path}.audit-head`, 'utf8')) as { count: number };
    expect(head.count).toBeGreaterThan(8);
  });

  it('reports a wiped log: the triggers dropped, no first entry, the head beyond the log', async () => {
    const { path, deps, register } = await registerWithHistory();
    register.close();
    await withKey(path, ({ sqlite }) => {
      sqlite.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log;');
    });
    const { result } = await verifyAfter(path, deps);
    // The hash chain alone sees nothing: what is left of it (the login) links up.
    expect(result.anchor.ok).toBe(false);
    expect(result.anchor.problems.map((p) => p.code).sort()).toEqual([
      'AUDIT_FIRST_ENTRY',
      'AUDIT_LOG_SHORTENED',
      'AUDIT_TRIGGERS_CHANGED',
    ]);
  });

  it('reports the newest entries removed and the triggers put back as they were', async () => {
    const { path, deps, register } = await registerWithHistory();
    register.close();
    await withKey(path, (opened) => {
      const triggers = TRIGGERS(opened);
      opened.sqlite.exec('DROP TRIGGER audit_log_no_delete');
      opened.sqlite.exec('DELETE FROM audit_log WHERE id > 5');
      opened.sqlite.exec(triggers.find((t) => t.sql.includes('no_delete'))!.sql);
    });
    const { result } = await verifyAfter(path, deps);
    expect(result.chain.ok).toBe(true);
    expect(result.anchor.problems).toEqual([
      expect.objectContaining({ code: 'AUDIT_LOG_SHORTENED', logCount: expect.any(Number) }),
    ]);
  });

  it('reports a trigger that was changed to let rows through', async () => {
    const { path, deps, register } = await registerWithHistory();
    register.close();
    await withKey(path, ({ sqlite }) => {
      sqlite.exec(`DROP TRIGGER audit_log_no_update;
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN 0 BEGIN SELECT 1; END;`);
    });
    const { result } = await verifyAfter(path, deps);
    expect(result.anchor.problems).toEqual([{ code: 'AUDIT_TRIGGERS_CHANGED', triggers: ['audit_log_no_update'] }]);
  });

  it('reports a head file edited by hand to hide removed entries, and a deleted one', async () => {
    const { path, deps, register } = await registerWithHistory();
    register.close();
    await withKey(path, (opened) => {
      opened.sqlite.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id > 5;');
      const last = opened.sqlite.prepare('SELECT id, hash FROM audit_log WHERE id = 5').get() as { hash: string };
      const head = JSON.parse(readFileSync(`${path}.audit-head`, 'utf8')) as Record<string, unknown>;
      writeFileSync(`${path}.audit-head`, JSON.stringify({ ...head, count: 5, hash: last.hash }));
    });
    const first = await verifyAfter(path, deps);
    expect(first.result.anchor.problems.map((p) => p.code)).toContain('AUDIT_HEAD_FORGED');
    first.register.close();

    rmSync(`${path}.audit-head`);
    const second = await verifyAfter(path, deps);
    expect(second.result.anchor.problems.map((p) => p.code)).toContain('AUDIT_HEAD_MISSING');
  });

  it('keeps reporting a shortened log through later work, until the owner accepts the log', async () => {
    const { path, deps, register } = await registerWithHistory();
    register.close();
    await withKey(path, ({ sqlite }) => {
      sqlite.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id > 5;');
    });
    const { register: owner } = await verifyAfter(path, deps);
    createPerson(owner, person({ lastName: 'Jälkeen', email: null, phone: null }));
    createPerson(owner, person({ lastName: 'Jälkeen2', email: null, phone: null }));
    // The log has grown past the head again, but no longer holds the entry the head names.
    expect(verifyRegister(owner).anchor.problems.map((p) => p.code)).toContain('AUDIT_HEAD_MISMATCH');

    const accepted = acceptAuditLog(owner);
    expect(accepted).toMatchObject({ ok: true, problems: [] });
    const entry = owner.db.select().from(auditLog).where(eq(auditLog.action, 'audit.head_reanchored')).get();
    expect(JSON.parse(entry!.details)).toMatchObject({
      problems: 'AUDIT_TRIGGERS_CHANGED,AUDIT_HEAD_MISMATCH',
      previousCount: expect.any(Number),
    });
    createPerson(owner, person({ lastName: 'Hyväksynnän-Jälkeen', email: null, phone: null }));
    expect(verifyRegister(owner).anchor.ok).toBe(true);
  });

  it('starts a head for a register made before there was one, and reports nothing until then', async () => {
    const { path, deps, register } = await registerWithHistory();
    register.transaction((db) => db.update(registerInfo).set({ auditHeadSince: null }).run());
    register.close();
    rmSync(`${path}.audit-head`);
    const { register: owner, result } = await verifyAfter(path, deps);
    // The login wrote the first head: from now on a lost file is reported.
    expect(result.anchor).toMatchObject({ ok: true, since: expect.any(String) });
    expect(JSON.parse(readFileSync(`${path}.audit-head`, 'utf8'))).toMatchObject({ count: expect.any(Number) });
    owner.close();
  });
});
