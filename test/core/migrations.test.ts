import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KaappiError } from '../../src-shared/errors';
import { CONSENT_BIT, checkConsentState } from '../../src-main/db/consent-state';
import { migrateDatabase, migrationsFolder } from '../../src-main/db/migrate';
import { dueStateDiffers } from '../../src-main/core/retention/due';
import { openDatabase } from '../../src-main/db/open';
import { tempDirForThisTest } from '../fixtures/for-this-test';

function setup() {
  const dir = tempDirForThisTest();
  const key = Buffer.alloc(32, 7);
  const path = join(dir, 'r.kaappi');
  return { dir, path, key };
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

/** A copy of the shipped migrations up to, not including, the one tagged `tag`: a register made before it. */
function migrationsBefore(dir: string, tag: string): string {
  const folder = join(dir, 'migrations-before');
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  const at = journal.entries.findIndex((entry: { tag: string }) => entry.tag === tag);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalPath, JSON.stringify(journal));
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

  it('rebuild an existing search index without prefix indexes (0012), every entry still found', () => {
    const { dir, path, key } = setup();
    const { sqlite } = openDatabase(path, key);
    migrateDatabase(sqlite, migrationsBefore(dir, '0012_search_without_prefix_indexes'));
    const definition = () =>
      (sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'persons_fts'").get() as { sql: string }).sql;
    expect(definition()).toContain("prefix='2 3'");
    const insert = sqlite.prepare(
      'INSERT INTO persons_fts (rowid, names, contact, place, organizations) VALUES (?, ?, ?, ?, ?)',
    );
    insert.run(7, 'Aino Mäkinen', 'aino.makinen@example.fi 358401234567 0401234567', 'Jyväskylä 40100', 'Hehku Oy');
    insert.run(9, 'Eero Jääskeläinen', 'eero@example.fi', 'Tampere 33100', '');

    // 0012 and the ones after it.
    expect(migrateDatabase(sqlite).applied).toBeGreaterThanOrEqual(1);
    expect(definition()).not.toContain('prefix');
    const found = (query: string) =>
      (
        sqlite.prepare('SELECT rowid FROM persons_fts WHERE persons_fts MATCH ? ORDER BY rowid').all(query) as Array<{
          rowid: number;
        }>
      ).map((row) => row.rowid);
    expect(found('"makinen"*')).toEqual([7]);
    expect(found('"jaa"*')).toEqual([9]);
    expect(found('"0401234"*')).toEqual([7]);
    expect(found('"hehku"*')).toEqual([7]);
    expect(found('"example"*')).toEqual([7, 9]);
    expect(sqlite.prepare('SELECT k, v FROM persons_fts_config ORDER BY k').all()).toEqual(
      expect.arrayContaining([
        { k: 'automerge', v: 2 },
        { k: 'secure-delete', v: 1 },
      ]),
    );
    expect(tables(sqlite)).not.toContainEqual({ name: 'persons_fts_next' });
    // FTS5's own check: the rebuilt index matches its content, shadow tables renamed with it.
    sqlite.prepare("INSERT INTO persons_fts (persons_fts) VALUES ('integrity-check')").run();
    sqlite.close();
  });

  it('give requests verified before 0016 the means "other" with their note, the signed tick kept', () => {
    const { dir, path, key } = setup();
    const { sqlite } = openDatabase(path, key);
    migrateDatabase(sqlite, migrationsBefore(dir, '0016_request_verification_means'));
    const insert = sqlite.prepare(
      `INSERT INTO requests (type, received_on, channel, language, requester_name, requester_contact, signed,
         due_on, status, verified_on, verified_how, created_at)
       VALUES ('access', '2026-03-02', ?, 'fi', 'Aino Mäkinen', 'aino@example.fi', ?, '2026-04-02', ?, ?, ?, '2026-03-02')`,
    );
    insert.run('email', 1, 'verified', '2026-03-03', 'Allekirjoitus verrattu asiakaskorttiin');
    insert.run('letter', 1, 'received', null, null);
    insert.run('phone', 0, 'completed', '2026-03-04', 'Soitettu takaisin');

    expect(migrateDatabase(sqlite).applied).toBeGreaterThanOrEqual(1);
    expect(
      sqlite.prepare('SELECT channel, signed, verified_means, verified_how FROM requests ORDER BY id').all(),
    ).toEqual([
      { channel: 'email', signed: 1, verified_means: 'other', verified_how: 'Allekirjoitus verrattu asiakaskorttiin' },
      { channel: 'letter', signed: 1, verified_means: null, verified_how: null },
      { channel: 'phone', signed: 0, verified_means: 'other', verified_how: 'Soitettu takaisin' },
    ]);
    sqlite.close();
  });

  it('give persons made before 0019 the consent state their events give, kept by triggers after', () => {
    const { dir, path, key } = setup();
    const { sqlite, db } = openDatabase(path, key);
    migrateDatabase(sqlite, migrationsBefore(dir, '0019_consent_state_and_view_indexes'));
    const addPerson = sqlite.prepare(
      `INSERT INTO persons (uid, first_name, last_name, kind_id, status_changed_on, last_activity_on, created_at, updated_at)
       VALUES (?, ?, 'Mäkinen', (SELECT min(id) FROM relationship_kinds), '2024-01-01', '2024-01-01', '2024-01-01', '2024-01-01')`,
    );
    const [aino, eero, pirjo] = ['Aino', 'Eero', 'Pirjo'].map(
      (name, i) => addPerson.run(`00000000-0000-4000-8000-00000000000${i}`, name).lastInsertRowid,
    );
    const addEvent = sqlite.prepare(
      `INSERT INTO consent_events (person_id, subject, granted, method, evidence, effective_at, recorded_at)
       VALUES (?, ?, ?, 'form', 'Lomake', ?, '2024-06-01T00:00:00.000Z')`,
    );
    // Aino: email granted, then withdrawn; a ban set. Eero: a withdrawal recorded after a later
    // grant but effective before it, so the grant holds. Pirjo: no events.
    addEvent.run(aino, 'email', 1, '2024-02-01T10:00:00.000Z');
    addEvent.run(aino, 'email', 0, '2024-03-01T10:00:00.000Z');
    addEvent.run(aino, 'ban_direct_marketing', 1, '2024-03-01T10:00:00.000Z');
    addEvent.run(eero, 'post', 1, '2024-04-01T10:00:00.000Z');
    addEvent.run(eero, 'post', 0, '2024-01-15T10:00:00.000Z');

    expect(migrateDatabase(sqlite).applied).toBeGreaterThanOrEqual(1);
    const state = sqlite.prepare('SELECT consents_granted AS g, consents_withdrawn AS w FROM persons WHERE id = ?');
    expect([aino, eero, pirjo].map((id) => state.get(id))).toEqual([
      { g: CONSENT_BIT.ban_direct_marketing, w: CONSENT_BIT.email },
      { g: CONSENT_BIT.post, w: 0 },
      { g: 0, w: 0 },
    ]);
    expect(sqlite.prepare('SELECT name, n FROM person_counts ORDER BY name').all()).toEqual([
      { name: 'all', n: 3 },
      { name: 'no_consent', n: 2 },
      { name: 'not_informed', n: 3 },
    ]);
    expect(checkConsentState(db).ok).toBe(true);

    addEvent.run(pirjo, 'sms', 1, '2024-05-01T10:00:00.000Z');
    sqlite.prepare('DELETE FROM consent_events WHERE person_id = ? AND granted = 0').run(aino);
    sqlite
      .prepare("UPDATE consent_events SET granted = 0 WHERE person_id = ? AND subject = 'post' AND granted = 1")
      .run(eero);
    expect([aino, eero, pirjo].map((id) => state.get(id))).toEqual([
      { g: CONSENT_BIT.email | CONSENT_BIT.ban_direct_marketing, w: 0 },
      { g: 0, w: CONSENT_BIT.post },
      { g: CONSENT_BIT.sms, w: 0 },
    ]);
    expect(checkConsentState(db).ok).toBe(true);
    sqlite.close();
  });

  it('tally persons made before 0020 by what a list count reads, an empty address as none (0020)', () => {
    const { dir, path, key } = setup();
    const { sqlite, db } = openDatabase(path, key);
    migrateDatabase(sqlite, migrationsBefore(dir, '0020_mailing_tallies'));
    const addPerson = sqlite.prepare(
      `INSERT INTO persons (uid, first_name, last_name, email, phone, restricted, consents_granted, kind_id,
         status_changed_on, last_activity_on, created_at, updated_at)
       VALUES (?, 'Aino', 'Mäkinen', ?, ?, ?, ?, (SELECT min(id) FROM relationship_kinds),
         '2024-01-01', '2024-01-01', '2024-01-01', '2024-01-01')`,
    );
    const people: Array<[string | null, string | null, number, number]> = [
      ['a@example.fi', null, 0, CONSENT_BIT.email],
      ['b@example.fi', '', 0, CONSENT_BIT.email],
      ['', '+358401234567', 0, 0],
      [null, null, 1, 0],
    ];
    people.forEach((values, i) => addPerson.run(`00000000-0000-4000-8000-00000000000${i}`, ...values));

    migrateDatabase(sqlite);
    const tallies = sqlite
      .prepare(
        `SELECT restricted, consents_granted AS g, has_email AS e, has_phone AS p, n FROM person_tallies
         ORDER BY restricted, g DESC, e, p`,
      )
      .all();
    expect(tallies).toEqual([
      { restricted: 0, g: CONSENT_BIT.email, e: 1, p: 0, n: 2 },
      { restricted: 0, g: 0, e: 0, p: 1, n: 1 },
      { restricted: 1, g: 0, e: 0, p: 0, n: 1 },
    ]);
    // The bits were written here without events; the tallies agree with the persons all the same.
    expect(checkConsentState(db).counts).toEqual([]);
    sqlite.close();
  });

  it('give persons made before 0021 their due day and block from the policies and records (0021)', () => {
    const { dir, path, key } = setup();
    const { sqlite, db } = openDatabase(path, key);
    migrateDatabase(sqlite, migrationsBefore(dir, '0021_persons_due_state'));
    const addPerson = sqlite.prepare(
      `INSERT INTO persons (uid, first_name, last_name, status, passivated_on, kind_id, status_changed_on,
         last_activity_on, created_at, updated_at)
       VALUES (?, 'Aino', 'Mäkinen', ?, ?, (SELECT min(id) FROM relationship_kinds), '2024-01-01', ?,
         '2024-01-01', '2024-01-01')`,
    );
    const ids = [
      // Inactive since 2020-01-10; passive since a month end; a contact person; an open invoice.
      ['active', null, '2020-01-10'],
      ['passive', '2019-03-31', '2024-06-01'],
      ['active', null, '2019-05-05'],
      ['active', null, 'ei päivää'],
    ].map(([status, passivatedOn, activity], i) =>
      Number(addPerson.run(`00000000-0000-4000-8000-00000000000${i}`, status, passivatedOn, activity).lastInsertRowid),
    );
    const org = sqlite
      .prepare("INSERT INTO organizations (name, created_at, updated_at) VALUES ('Oy', '2024-01-01', '2024-01-01')")
      .run().lastInsertRowid;
    sqlite
      .prepare('INSERT INTO employments (person_id, organization_id, started_on) VALUES (?, ?, ?)')
      .run(ids[2], org, '2024-01-01');
    sqlite
      .prepare(
        `INSERT INTO orders (person_id, ordered_on, description, amount_cents, invoice_status, created_at)
         VALUES (?, '2024-01-01', 'Hieronta', 5000, 'open', '2024-01-01')`,
      )
      .run(ids[3]);

    migrateDatabase(sqlite);
    const kept = sqlite.prepare('SELECT due_on AS dueOn, retention_blocked AS blocked FROM persons ORDER BY id').all();
    expect(kept).toEqual([
      { dueOn: '2025-01-10', blocked: 0 },
      { dueOn: '2024-03-31', blocked: 0 },
      { dueOn: '2024-05-05', blocked: 1 },
      // A day counted from that is no date: no due day, as the sweep never makes them due by it.
      { dueOn: null, blocked: 1 },
    ]);
    expect(dueStateDiffers(db)).toEqual([]);
    sqlite.close();
  });

  it('turn each one-per-rule policy of years into the same period with the rule as key (0017)', () => {
    const { dir, path, key } = setup();
    const { sqlite } = openDatabase(path, key);
    migrateDatabase(sqlite, migrationsBefore(dir, '0017_retention_periods_and_bookkeeping_rows'));
    sqlite
      .prepare(
        `UPDATE retention_policies SET years = 3, kind_keys = '["prospect"]', mode = 'automatic' WHERE rule = 'inactive'`,
      )
      .run();
    const before = sqlite
      .prepare('SELECT id, rule, years, kind_keys, action, mode, active FROM retention_policies ORDER BY id')
      .all();

    expect(migrateDatabase(sqlite).applied).toBeGreaterThanOrEqual(1);
    const after = sqlite
      .prepare(
        'SELECT id, key, kind, rule, period_amount, period_unit, kind_keys, action, mode, active FROM retention_policies ORDER BY id',
      )
      .all();
    expect(after).toEqual(
      (before as Array<Record<string, unknown>>).map(({ years, ...row }) => ({
        ...row,
        key: row.rule,
        kind: 'enforced',
        period_amount: years,
        period_unit: 'years',
      })),
    );
    expect(after).toContainEqual(
      expect.objectContaining({ key: 'inactive', period_amount: 3, kind_keys: '["prospect"]', mode: 'automatic' }),
    );
    sqlite.close();
  });

  it('leave every kind without a group list of its own and every custom field for every kind (0018)', () => {
    const { dir, path, key } = setup();
    const { sqlite } = openDatabase(path, key);
    migrateDatabase(sqlite, migrationsBefore(dir, '0018_kind_groups'));
    sqlite
      .prepare(
        `INSERT INTO custom_fields (key, label_fi, label_en, type, choices) VALUES ('shoe_size', 'Kengänkoko', 'Shoe size', 'text', '[]')`,
      )
      .run();
    const kindsBefore = sqlite.prepare('SELECT key, label_fi, active FROM relationship_kinds ORDER BY id').all();
    expect(migrateDatabase(sqlite).applied).toBeGreaterThanOrEqual(1);
    expect(sqlite.prepare('SELECT key, label_fi, active FROM relationship_kinds ORDER BY id').all()).toEqual(
      kindsBefore,
    );
    expect(
      sqlite
        .prepare(
          'SELECT count(*) AS own FROM relationship_kinds WHERE data_categories IS NOT NULL OR marketing_channels IS NOT NULL',
        )
        .get(),
    ).toEqual({ own: 0 });
    expect(sqlite.prepare('SELECT key, kind_keys FROM custom_fields').all()).toEqual([
      { key: 'shoe_size', kind_keys: '[]' },
    ]);
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
