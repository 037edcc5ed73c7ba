// The audit view finds a person's history (their entries, and those of their requests and orders)
// and nobody else's; filters by user, action and Finnish calendar day; pages; exports CSV with
// ids and actors' names but never a data subject's name. And the owner's staff management, through
// the real handler registry: staff and read-only users are refused the owner's channels, a reset
// password re-keys the register, a role change applies at once, and nobody without a
// confidentiality agreement date logs in unless they are an owner.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditChainStatus, auditCsv, helsinkiDayStart, queryAudit } from '../../src-main/core/audit/query';
import { addOrder, createPerson, personDetail, setInvoiceStatus, updatePerson } from '../../src-main/core/persons';
import { unlockRegister } from '../../src-main/core/register';
import { receiveRequest } from '../../src-main/core/requests';
import { addUser } from '../../src-main/core/users';
import { openDatabase } from '../../src-main/db/open';
import { users } from '../../src-main/db/schema';
import { contract, type ChannelName } from '../../src-shared/contract';
import { noticeChannels } from '../../src-shared/contract/notice';
import { unlockWithPassword, readKeyringFile } from '../../src-main/core/keyring';
import { person } from '../fixtures/people';
import {
  closeAfterThisTest,
  registerForThisTest,
  registryForThisTest,
  tempDirForThisTest,
} from '../fixtures/for-this-test';
import { OWNER, READER, STAFF } from '../fixtures/register';
import { addUserThroughRegistry } from '../fixtures/registry';

/** Väinö's history spread over two Finnish days, by two users, beside Aino's. */
async function registerWithHistory() {
  const { register: owner, deps, path } = await registerForThisTest();
  // 23.11. at 23.30 in Finland (UTC+2).
  deps.clock.set(new Date('2026-11-23T21:30:00Z'));
  const eero = (await addUser(owner, STAFF)).id;
  const väinö = createPerson(owner, person({ firstName: 'Väinö', lastName: 'Virtanen', email: 'vaino@example.fi' })).id;
  const aino = createPerson(owner, person({ email: 'aino@example.fi' })).id;
  const order = addOrder(owner, väinö, {
    orderedOn: '2026-11-23',
    description: 'Hieronta',
    amountCents: 6_500,
    invoiceStatus: 'open',
  }).id;
  // 24.11. at 00.30 in Finland.
  deps.clock.set(new Date('2026-11-23T22:30:00Z'));
  const staff = closeAfterThisTest(
    await unlockRegister(path, { username: STAFF.username, password: STAFF.password }, deps),
  );
  personDetail(staff, väinö);
  updatePerson(staff, väinö, { city: 'Tampere' });
  personDetail(staff, aino);
  const request = receiveRequest(owner, {
    type: 'access',
    receivedOn: '2026-11-24',
    channel: 'letter',
    language: 'fi',
    requesterName: 'Väinö Virtanen',
    requesterContact: 'vaino@example.fi',
    body: '',
    personIds: [väinö],
  }).id;
  setInvoiceStatus(owner, order, 'paid');
  receiveRequest(owner, {
    type: 'erasure',
    receivedOn: '2026-11-24',
    channel: 'email',
    language: 'fi',
    requesterName: 'Aino Mäkinen',
    requesterContact: 'aino@example.fi',
    body: '',
    personIds: [aino],
  });
  return { owner, staff, deps, eero, väinö, aino, order, request };
}

const all = { offset: 0, limit: 500 };

describe('the audit view', () => {
  it("finds a person's history: views, edits, orders and requests about them, and nothing about anyone else", async () => {
    const { owner, väinö, aino, order, request } = await registerWithHistory();
    const { total, entries } = queryAudit(owner, { ...all, personId: väinö });
    expect(entries.map((e) => [e.action, e.targetType, e.targetId])).toEqual([
      ['order.invoice_status', 'order', String(order)],
      ['request.received', 'request', String(request)],
      ['person.updated', 'person', String(väinö)],
      ['person.viewed', 'person', String(väinö)],
      ['order.added', 'person', String(väinö)],
      ['person.created', 'person', String(väinö)],
    ]);
    expect(total).toBe(6);
    expect(entries.find((e) => e.action === 'person.viewed')?.actor).toBe('Eero Jääskeläinen');
    const ainos = queryAudit(owner, { ...all, personId: aino }).entries;
    expect(ainos.map((e) => e.action)).toEqual(['request.received', 'person.viewed', 'person.created']);
    expect(ainos.some((e) => e.targetId === String(väinö) || e.targetId === String(request))).toBe(false);
  });

  it('filters by user, by action or its start, and by Finnish calendar day; pages newest first', async () => {
    const { owner, eero, väinö } = await registerWithHistory();
    expect(queryAudit(owner, { ...all, userId: eero }).entries.map((e) => e.action)).toEqual([
      'person.viewed',
      'person.updated',
      'person.viewed',
      'session.login',
    ]);
    expect(queryAudit(owner, { ...all, action: 'person.viewed' }).total).toBe(2);
    expect(new Set(queryAudit(owner, { ...all, action: 'request.' }).entries.map((e) => e.action))).toEqual(
      new Set(['request.received']),
    );
    expect(queryAudit(owner, { ...all, action: 'person.' }).entries.every((e) => e.action.startsWith('person.'))).toBe(
      true,
    );
    // 23.30 on the 23rd and 00.30 on the 24th are different days in Finland, the same day in UTC.
    expect(helsinkiDayStart('2026-11-24')).toBe('2026-11-23T22:00:00.000Z');
    expect(helsinkiDayStart('2026-07-01')).toBe('2026-06-30T21:00:00.000Z');
    const on23 = queryAudit(owner, { ...all, personId: väinö, from: '2026-11-23', to: '2026-11-23' });
    expect(on23.entries.map((e) => e.action)).toEqual(['order.added', 'person.created']);
    const on24 = queryAudit(owner, { ...all, personId: väinö, from: '2026-11-24' });
    expect(on24.total).toBe(4);

    const everything = queryAudit(owner, all);
    const first = queryAudit(owner, { offset: 0, limit: 3 });
    const second = queryAudit(owner, { offset: 3, limit: 3 });
    expect(first.total).toBe(everything.total);
    expect([...first.entries, ...second.entries].map((e) => e.id)).toEqual(
      everything.entries.slice(0, 6).map((e) => e.id),
    );
    expect(everything.entries.map((e) => e.id)).toEqual([...everything.entries.map((e) => e.id)].sort((a, b) => b - a));
  });

  it("exports CSV with the actors' names and ids only, records the export, and the chain still verifies", async () => {
    const { owner, väinö } = await registerWithHistory();
    const { csv, rows, fileName } = auditCsv(owner, { personId: väinö });
    expect(fileName).toBe('kaappi-audit-2026-11-24.csv');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('id;at;at_helsinki;actor_user_id;actor;action;target_type;target_id;details');
    expect(lines).toHaveLength(rows + 1);
    expect(rows).toBe(6);
    expect(csv).toContain(';Eero Jääskeläinen;person.updated;person;');
    expect(csv).toContain('2026-11-24 00:30:00');
    expect(csv).not.toMatch(/Väinö|Virtanen|vaino@/);
    const exported = queryAudit(owner, { ...all, action: 'audit.exported' }).entries[0];
    expect(exported?.details).toEqual({
      rows: 6,
      sha256: createHash('sha256').update(csv).digest('hex'),
      personId: väinö,
    });
    const chain = auditChainStatus(owner);
    expect(chain).toMatchObject({ ok: true, firstBrokenId: null, newestAt: '2026-11-23T22:30:00.000Z' });
    expect(chain.checked).toBe(queryAudit(owner, all).total);
  });

  it('is the owner’s alone', async () => {
    const { staff, väinö } = await registerWithHistory();
    expect(() => queryAudit(staff, { ...all, personId: väinö })).toThrow('FORBIDDEN');
    expect(() => auditCsv(staff, {})).toThrow('FORBIDDEN');
    expect(() => auditChainStatus(staff)).toThrow('FORBIDDEN');
  });
});

describe('staff and roles through the handler registry', () => {
  function setUp() {
    const out = tempDirForThisTest('kaappi-notice-folder-');
    const { registry, registerPath, call } = registryForThisTest({ chooseFolder: () => out });
    const errorOf = async (channel: string, input: unknown) => {
      const result = await registry.invoke(channel, input);
      return result.ok ? 'ok' : result.error.code;
    };
    const login = async (username: string, password: string) => {
      if (registry.session.current) await call('session.lock', {});
      return errorOf('session.login', { username, password });
    };
    return { registry, registerPath, out, call, errorOf, login };
  }

  async function withStaff() {
    const t = setUp();
    await t.call('register.create', OWNER);
    const eero = await addUserThroughRegistry(t.call, STAFF);
    const lukija = await addUserThroughRegistry(t.call, READER);
    await t.call('presets.apply', { id: 'verkkokurssit-jasenyydet' });
    return { ...t, eero: eero.id, lukija: lukija.id };
  }

  const noticeChannelNames = Object.keys(noticeChannels) as ChannelName[];
  const allowedTo = (role: 'staff' | 'readonly') =>
    noticeChannelNames.filter((channel) => (contract[channel].access as readonly string[]).includes(role));

  it('refuses staff and read-only users every owner channel of the notice, presets, audit and staff areas', async () => {
    const t = await withStaff();
    expect(await t.login('eero', STAFF.password)).toBe('ok');
    const ownerOnly = noticeChannelNames.filter((c) => !allowedTo('staff').includes(c));
    expect(ownerOnly).toEqual(
      expect.arrayContaining([
        'notice.updateSettings',
        'presets.apply',
        'presets.list',
        'notice.saveRecord',
        'audit.query',
        'audit.exportCsv',
        'users.resetPassword',
        'users.changeRole',
        'users.recordConfidentiality',
      ]),
    );
    for (const channel of ownerOnly) expect(await t.errorOf(channel, {}), channel).toBe('FORBIDDEN');
    // Valid input changes nothing about the answer: who may call comes first.
    expect(await t.errorOf('users.resetPassword', { userId: t.lukija, newPassword: 'Uusi-Salasana-Kevät-77' })).toBe(
      'FORBIDDEN',
    );
    expect(await t.errorOf('presets.apply', { id: 'valmennus-yritysasiakkaat' })).toBe('FORBIDDEN');
    expect(await t.errorOf('audit.query', { offset: 0, limit: 10 })).toBe('FORBIDDEN');
    // Staff print the notice; it goes to the folder main's dialog chose.
    const written = await t.call<{ folder: string; files: Array<{ name: string }> }>('notice.save', {});
    expect(written.folder).toBe(t.out);
    expect(readFileSync(`${t.out}/${written.files[0]!.name}`, 'utf8')).toContain('Asiakas- ja jäsenrekisteri');

    expect(await t.login('lukija', READER.password)).toBe('ok');
    for (const channel of noticeChannelNames.filter((c) => !allowedTo('readonly').includes(c))) {
      expect(await t.errorOf(channel, {}), channel).toBe('FORBIDDEN');
    }
    expect(await t.errorOf('notice.save', {})).toBe('FORBIDDEN');
    expect(await t.errorOf('persons.recordInformed', { personId: 1, on: '2026-11-20', how: 'kirjeellä' })).toBe(
      'FORBIDDEN',
    );
    const preview = await t.call<{ html: string }>('notice.html', { language: 'en' });
    expect(preview.html).toContain('<h1>Privacy notice</h1>');
    expect(await t.call('notice.status', {})).toMatchObject({ outOfDate: false });
  });

  it('resets a forgotten password by re-keying: the old password, even with an old keyring copy, opens nothing', async () => {
    const t = await withStaff();
    const oldKeyring = readKeyringFile(`${t.registerPath}.keyring`);
    const newPassword = 'Uusi-Salasana-Kevät-77';
    expect(await t.errorOf('users.resetPassword', { userId: t.eero, newPassword: 'lyhyt' })).toBe('INVALID_INPUT');
    const { keyVersion } = await t.call<{ keyVersion: number }>('users.resetPassword', { userId: t.eero, newPassword });
    expect(keyVersion).toBe(oldKeyring.keyVersion + 1);
    // The owner cannot reset their own password this way (that needs the current one, or the recovery key).
    const me = (await t.call<Array<{ id: number; username: string }>>('users.list', {})).find(
      (u) => u.username === 'aino',
    )!;
    expect(await t.errorOf('users.resetPassword', { userId: me.id, newPassword })).toBe('FORBIDDEN');
    const trail = await t.call<{ entries: Array<{ action: string; targetId: string | null }> }>('audit.query', {
      action: 'user.password_reset',
      offset: 0,
      limit: 10,
    });
    expect(trail.entries).toEqual([
      expect.objectContaining({ action: 'user.password_reset', targetId: String(t.eero) }),
    ]);

    const oldKey = await unlockWithPassword(oldKeyring, 'eero', STAFF.password);
    expect(() => openDatabase(t.registerPath, oldKey).sqlite.close()).toThrow();
    // While the current key, from the current keyring, does open it.
    const currentKey = await unlockWithPassword(readKeyringFile(`${t.registerPath}.keyring`), 'eero', newPassword);
    expect(() => openDatabase(t.registerPath, currentKey).sqlite.close()).not.toThrow();
    expect(await t.login('eero', STAFF.password)).toBe('WRONG_CREDENTIALS');
    expect(await t.login('eero', newPassword)).toBe('ok');
    // Everyone else's password still works: their entries were re-sealed, not replaced.
    expect(await t.login('lukija', READER.password)).toBe('ok');
    expect(await t.login(OWNER.username, OWNER.password)).toBe('ok');
  });

  it('changes a role, effective at the next call, and needs a confidentiality date for a non-owner', async () => {
    const t = await withStaff();
    const changed = await t.call<{ role: string }>('users.changeRole', { userId: t.eero, role: 'readonly' });
    expect(changed.role).toBe('readonly');
    expect(await t.login('eero', STAFF.password)).toBe('ok');
    expect(await t.errorOf('notice.save', {})).toBe('FORBIDDEN');

    // A second owner added without a date (as the first owner may be): no demotion without one.
    expect(await t.login(OWNER.username, OWNER.password)).toBe('ok');
    const kaisa = await t.call<{ id: number }>('users.add', {
      ...STAFF,
      username: 'kaisa',
      displayName: 'Kaisa Kärkkäinen',
      role: 'owner',
    });
    t.registry.session.current!.transaction((db) =>
      db.update(users).set({ confidentialitySignedOn: null }).where(eq(users.id, kaisa.id)).run(),
    );
    expect(await t.errorOf('users.changeRole', { userId: kaisa.id, role: 'staff' })).toBe(
      'NO_CONFIDENTIALITY_AGREEMENT',
    );
    expect(
      await t.errorOf('users.changeRole', { userId: kaisa.id, role: 'staff', confidentialitySignedOn: '2027-01-01' }),
    ).toBe('DATE_IN_FUTURE');
    const kaisaStaff = await t.call<{ role: string; confidentialitySignedOn: string }>('users.changeRole', {
      userId: kaisa.id,
      role: 'staff',
      confidentialitySignedOn: '2026-11-01',
    });
    expect(kaisaStaff).toMatchObject({ role: 'staff', confidentialitySignedOn: '2026-11-01' });
  });

  it('lets nobody but an owner log in without a confidentiality agreement date, until the owner records one', async () => {
    const t = await withStaff();
    t.registry.session.current!.transaction((db) =>
      db.update(users).set({ confidentialitySignedOn: null }).where(eq(users.id, t.eero)).run(),
    );
    expect(await t.login('eero', STAFF.password)).toBe('NO_CONFIDENTIALITY_AGREEMENT');
    expect(await t.login(OWNER.username, OWNER.password)).toBe('ok');
    await t.call('users.recordConfidentiality', { userId: t.eero, signedOn: '2026-11-20' });
    expect(await t.login('eero', STAFF.password)).toBe('ok');
  });
});
