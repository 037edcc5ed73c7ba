// Exports against real encrypted registers: who is on a mailing list and why the others are not,
// the Mailchimp CSV, address labels read back from the PDF, the table as CSV and XLSX, the audit,
// and the channels through the real handler registry with each role.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src-main/core/audit';
import { recordConsents, type ConsentChange } from '../../src-main/core/consents';
import { addressLabels, mailingList, tableExport } from '../../src-main/core/exports';
import { runImport } from '../../src-main/core/imports';
import { createOrganization } from '../../src-main/core/organizations';
import { createPerson } from '../../src-main/core/persons';
import type { UnlockedRegister } from '../../src-main/core/register';
import { readRegisterProfile, updateRegisterProfile, updateSettings } from '../../src-main/core/settings';
import { contract, type Channel } from '../../src-shared/contract';
import { persons } from '../../src-main/db/schema-register';
import type { MarketingChannelModes } from '../../src-shared/contract/notice-facts';
import { organization, person } from '../fixtures/people';
import { registerForThisTest, registryForThisTest, tempDirForThisTest } from '../fixtures/for-this-test';
import { READER, STAFF } from '../fixtures/register';
import { addUserThroughRegistry, withOwnerSession, type TestRegistry } from '../fixtures/registry';
import { writableDb } from '../fixtures/writable';

async function register() {
  return (await registerForThisTest()).register;
}

const grant = (subject: ConsentChange['subject']): ConsentChange => ({
  subject,
  granted: true,
  method: 'form',
  evidence: 'Haluan tietoa tarjouksista.',
  effectiveAt: '2026-01-10T10:00:00.000Z',
});

/** Six persons: two who may be emailed and four left out for different reasons. */
function population(r: UnlockedRegister) {
  const hehku = createOrganization(r, organization());
  const add = (first: string, last: string, email: string, consents: ConsentChange[], extra = {}) => {
    const p = createPerson(r, person({ firstName: first, lastName: last, email, ...extra }), {
      organizationId: hehku.id,
    });
    if (consents.length) recordConsents(r, p.id, consents);
    return p.id;
  };
  const ids = {
    aino: add('Aino', 'Mäkinen', 'aino.makinen@example.fi', [grant('email'), grant('post')]),
    väinö: add('Väinö', 'Jääskeläinen', 'vaino@example.fi', [grant('email'), grant('post')], {
      street: 'Hämeenkatu 5 A 3',
      postalCode: '33100',
      city: 'Tampere',
    }),
    noConsent: add('Eero', 'Virtanen', 'eero.virtanen@example.fi', []),
    banned: add('Pirjo', 'Laine', 'pirjo.laine@example.fi', [
      grant('email'),
      grant('post'),
      { ...grant('ban_direct_marketing') },
    ]),
    restricted: add('Ville', 'Nieminen', 'ville.nieminen@example.fi', [grant('email'), grant('post')]),
    publicationBan: add('Hanna', 'Salo', 'hanna.salo@example.fi', [
      grant('email'),
      grant('post'),
      grant('ban_publication'),
    ]),
  };
  writableDb(r).update(persons).set({ restricted: true }).where(eq(persons.id, ids.restricted)).run();
  return ids;
}

describe('mailing lists', () => {
  it('contain only those mayContact allows today, and count who was left out and why', async () => {
    const r = await register();
    population(r);
    const result = mailingList(r, { channel: 'email', purpose: 'marketing' }, 'fi');
    expect(result.included).toBe(3);
    expect(result.leftOut).toEqual({
      total: 3,
      reasons: { no_channel_consent: 1, direct_marketing_ban: 1, restricted: 1 },
    });
    expect(result.file.fileName).toBe('postituslista-email-2026-11-23.csv');
    expect(result.file.bytes.toString('utf8')).toBe(
      'Email Address,First Name,Last Name\r\n' +
        'vaino@example.fi,Väinö,Jääskeläinen\r\n' +
        'aino.makinen@example.fi,Aino,Mäkinen\r\n' +
        'hanna.salo@example.fi,Hanna,Salo\r\n',
    );
  });

  it('leave out an address Mailchimp cleaned, until the person opts in again', async () => {
    const r = await register();
    const cleaned = new TextEncoder().encode(
      'Email Address,First Name,Last Name,OPTIN_TIME,CONFIRM_TIME,LAST_CHANGED,CLEAN_TIME\n' +
        'matti.ojala@vanhaposti.fi,Matti,Ojala,2017-09-09 10:10:10,2017-09-09 10:12:00,2019-01-15 06:00:00,2019-01-15 06:00:00\n',
    );
    await runImport(
      r,
      { format: 'mailchimp', files: [{ fileName: 'cleaned_members_export_2f6a1c9e0b.csv', bytes: cleaned }] },
      { badRows: 'stop', conflicts: 'choose' },
      'fi',
    );
    expect(mailingList(r, { channel: 'email', purpose: 'marketing' }, 'fi').leftOut.reasons).toEqual({
      undeliverable: 1,
    });
    const matti = r.db.select().from(persons).get()!;
    recordConsents(r, matti.id, [{ ...grant('email'), effectiveAt: '2026-03-01T08:00:00.000Z' }]);
    expect(mailingList(r, { channel: 'email', purpose: 'marketing' }, 'fi').included).toBe(1);
  });

  it('are audited once as a list and once on each person on it, with counts and no names', async () => {
    const r = await register();
    const ids = population(r);
    mailingList(r, { channel: 'email', purpose: 'marketing' }, 'en');
    const entries = listAudit(r.db, 10);
    const summary = entries.find((e) => e.action === 'export.mailing_list')!;
    expect(JSON.parse(summary.details)).toMatchObject({
      channel: 'email',
      included: 3,
      leftOut: 3,
      leftOut_restricted: 1,
    });
    expect(summary.details).not.toMatch(/Mäkinen|aino/);
    expect(
      entries
        .filter((e) => e.action === 'person.exported')
        .map((e) => Number(e.targetId))
        .sort(),
    ).toEqual([ids.aino, ids.väinö, ids.publicationBan].sort());
  });
});

describe('address labels', () => {
  it('print 3 × 8 to an A4 page, the Finnish way, leaving out the publication ban', async () => {
    const r = await register();
    population(r);
    for (let i = 0; i < 30; i++) {
      const p = createPerson(r, person({ firstName: `Asiakas${i}`, lastName: 'Koskinen', email: `k${i}@example.fi` }));
      recordConsents(r, p.id, [grant('post')]);
    }
    const result = await addressLabels(r, {}, 'fi');
    expect(result.included).toBe(32);
    expect(result.leftOut.reasons).toEqual({
      no_channel_consent: 1,
      direct_marketing_ban: 1,
      restricted: 1,
      publication_ban: 1,
    });
    const dir = tempDirForThisTest('kaappi-labels-');
    const path = join(dir, result.file.fileName);
    writeFileSync(path, result.file.bytes);
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+2/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Väinö Jääskeläinen');
    expect(text).toContain('Hehku Wellness Oy');
    expect(text).toContain('33100 TAMPERE');
    expect(text).not.toContain('Hanna Salo');
    execFileSync('pdftoppm', ['-r', '30', '-png', '-f', '1', '-l', '1', path, join(dir, 'page')]);
  });
});

/** Sets the register's channel modes as the owner would in the settings. */
function setChannelModes(r: UnlockedRegister, modes: Partial<MarketingChannelModes>) {
  const profile = readRegisterProfile(r);
  const current = profile.notice.marketingChannels!;
  return updateRegisterProfile(r, {
    ...profile,
    notice: { ...profile.notice, marketingChannels: { ...current, ...modes } },
  });
}

describe('an opt-out post channel', () => {
  /** Four with a full postal address and no post consent: one plain, one who said "no post", one banned, one opted in. */
  function postPopulation(r: UnlockedRegister) {
    const add = (firstName: string, lastName: string, changes: ConsentChange[]) => {
      const p = createPerson(r, person({ firstName, lastName, email: `${lastName.toLowerCase()}@example.fi` }));
      if (changes.length) recordConsents(r, p.id, changes);
      return p.id;
    };
    return {
      plain: add('Aino', 'Mäkinen', []),
      objected: add('Eero', 'Virtanen', [
        { ...grant('post'), granted: false, method: 'phone', evidence: 'Ei postia.' },
      ]),
      banned: add('Pirjo', 'Laine', [grant('post'), grant('ban_direct_marketing')]),
      withdrawnEmail: add('Kalle', 'Östman', [{ ...grant('email'), granted: false }]),
    };
  }

  it('labels include a person without consent, and leave out one who objected and one with a ban', async () => {
    const r = await register();
    postPopulation(r);
    setChannelModes(r, { post: 'optOut' });
    const result = await addressLabels(r, {}, 'fi');
    expect(result.included).toBe(2);
    expect(result.leftOut).toEqual({ total: 2, reasons: { objected: 1, direct_marketing_ban: 1 } });
    const dir = tempDirForThisTest('kaappi-optout-');
    const path = join(dir, result.file.fileName);
    writeFileSync(path, result.file.bytes);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Aino Mäkinen');
    expect(text).toContain('Kalle Östman');
    expect(text).not.toContain('Virtanen');
    expect(text).not.toContain('Laine');
  });

  it('the post mailing list counts the same; email stays by consent; opt-in again empties the labels', async () => {
    const r = await register();
    const ids = postPopulation(r);
    setChannelModes(r, { post: 'optOut' });
    const post = mailingList(r, { channel: 'post', purpose: 'marketing' }, 'fi');
    expect(post.included).toBe(2);
    expect(post.leftOut.reasons).toEqual({ objected: 1, direct_marketing_ban: 1 });
    expect(mailingList(r, { channel: 'email', purpose: 'marketing' }, 'fi').included).toBe(0);
    // The objection can be lifted (a new post event that allows it again).
    recordConsents(r, ids.objected, [{ ...grant('post'), effectiveAt: '2026-02-01T10:00:00.000Z' }]);
    expect(mailingList(r, { channel: 'post', purpose: 'marketing' }, 'fi').included).toBe(3);
    setChannelModes(r, { post: 'optIn' });
    const labels = await addressLabels(r, {}, 'fi');
    expect(labels.included).toBe(1);
    expect(labels.leftOut.reasons).toEqual({ no_channel_consent: 2, direct_marketing_ban: 1 });
  });

  it('a phone channel may be opt-out too, but email and SMS never: refused in words, nothing changed', async () => {
    const r = await register();
    expect(setChannelModes(r, { phone: 'optOut' }).notice.marketingChannels).toEqual({
      email: 'optIn',
      sms: 'optIn',
      phone: 'optOut',
      post: 'optIn',
    });
    for (const channel of ['email', 'sms'] as const) {
      expect(() => setChannelModes(r, { [channel]: 'optOut' })).toThrow(
        expect.objectContaining({ code: 'ELECTRONIC_MARKETING_OPT_OUT' }),
      );
    }
    expect(readRegisterProfile(r).notice.marketingChannels).toEqual({
      email: 'optIn',
      sms: 'optIn',
      phone: 'optOut',
      post: 'optIn',
    });
  });
});

describe('channel modes through the registry', () => {
  it('refuse opt-out email with a field error in Finnish, and the person view says which channels are opt-out', async () => {
    const t = registryForThisTest();
    await withOwnerSession(t);
    const refused = await t.registry.invoke('notice.updateSettings', {
      notice: { marketingChannels: { email: 'optOut', sms: 'optIn', phone: 'optIn', post: 'optOut' } },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: [
          {
            path: 'notice.marketingChannels.email',
            message: expect.stringContaining('vaatii aina ennakkosuostumuksen'),
          },
        ],
      },
    });
    await t.call('notice.updateSettings', {
      notice: { marketingChannels: { email: 'optIn', sms: 'optIn', phone: 'optIn', post: 'optOut' } },
    });
    const created = await t.call<{ id: number }>('persons.create', { person: person() });
    const detail = await t.call<{ channelModes: MarketingChannelModes }>('persons.get', { id: created.id });
    expect(detail.channelModes).toEqual({ email: 'optIn', sms: 'optIn', phone: 'optIn', post: 'optOut' });
    const answer = await t.call('consents.mayContact', { personId: created.id, channel: 'post', purpose: 'marketing' });
    expect(answer).toEqual({ allowed: true, reasons: [] });
  });
});

describe('table export', () => {
  it('writes the current view as CSV for Finnish Excel and as XLSX, all rows, audited', async () => {
    const r = await register();
    population(r);
    const query = { text: 'example.fi', sort: { column: 'lastName' as const, direction: 'desc' as const } };
    const csv = await tableExport(r, query, 'csv', 'fi');
    const text = csv.file.bytes.toString('utf8');
    expect(text.startsWith('\uFEFFSukunimi;Etunimi;Sähköposti;Puhelin;Organisaatio')).toBe(true);
    expect(text.split('\r\n')[1]).toBe(
      'Virtanen;Eero;eero.virtanen@example.fi;040 1234567;Hehku Wellness Oy;Jyväskylä;customer;active;2026-11-23;ei;',
    );
    expect(csv.rows).toBe(6);
    const xlsx = await tableExport(r, query, 'xlsx', 'en');
    const sheet = await readSheet(xlsx.file.bytes);
    expect(sheet[0]!.slice(0, 3)).toEqual(['Last name', 'First name', 'Email']);
    expect(sheet.slice(1).map((row) => row[0])).toEqual([
      'Virtanen',
      'Salo',
      'Nieminen',
      'Mäkinen',
      'Laine',
      'Jääskeläinen',
    ]);
    expect(listAudit(r.db, 20).filter((e) => e.action === 'export.table')).toHaveLength(2);
  });

  it("always starts at the view's first row: a cursor is refused at the door and ignored in core", async () => {
    const r = await register();
    population(r);
    const query = { text: 'example.fi', sort: { column: 'lastName' as const, direction: 'desc' as const } };
    const cursor = { key: ['Nieminen', 'Anna'], id: 1 };
    const csv = await tableExport(r, { ...query, after: cursor } as typeof query, 'csv', 'fi');
    expect(csv.rows).toBe(6);
    const t = registryForThisTest();
    await withOwnerSession(t);
    const refused = await t.registry.invoke('exports.table', { query: { after: cursor }, format: 'csv' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('holds only the columns the table shows, and always the name and the restriction marker', async () => {
    const r = await register();
    population(r);
    const csv = await tableExport(r, { text: 'eero.virtanen' }, 'csv', 'fi', ['email', 'city']);
    expect(csv.file.bytes.toString('utf8').split('\r\n').slice(0, 2)).toEqual([
      '\uFEFFSukunimi;Etunimi;Sähköposti;Paikkakunta;Käsittely rajoitettu',
      'Virtanen;Eero;eero.virtanen@example.fi;Jyväskylä;ei',
    ]);
  });
});

describe('channels', () => {
  const csv = Buffer.from('Etunimi;Sukunimi;Sähköposti\nAino;Mäkinen;aino.makinen@example.fi\n').toString('base64');
  const files = [{ fileName: 'asiakkaat.csv', base64: csv }];

  async function as(t: TestRegistry, user: { username: string; password: string }) {
    await t.call('session.lock', {});
    await t.call('session.login', { username: user.username, password: user.password });
  }

  it('staff may import, and make mailing lists once allowed, but not export the table; read-only users may do none of it', async () => {
    const t = registryForThisTest();
    await withOwnerSession(t);
    await t.call('settings.update', { staffMayExportLists: true });
    await addUserThroughRegistry(t.call, STAFF);
    await addUserThroughRegistry(t.call, READER);
    await as(t, STAFF);
    const preview = await t.call<{ counts: { created: number }; sample: Array<{ values: Record<string, string> }> }>(
      'imports.preview',
      { format: 'csv', files },
    );
    expect(preview.counts.created).toBe(1);
    expect(preview.sample[0]!.values).toMatchObject({ firstName: 'Aino', email: 'aino.makinen@example.fi' });
    expect(await t.call('imports.run', { format: 'csv', files, badRows: 'stop', conflicts: 'choose' })).toMatchObject({
      status: 'imported',
    });
    const list = await t.call<{ file: { base64: string }; leftOut: { reasons: Record<string, number> } }>(
      'exports.mailingList',
      { channel: 'email', purpose: 'marketing' },
    );
    expect(list.leftOut.reasons).toEqual({ no_channel_consent: 1 });
    expect(Buffer.from(list.file.base64, 'base64').toString('utf8')).toBe('Email Address,First Name,Last Name\r\n');
    const table = await t.registry.invoke('exports.table', { query: {}, format: 'csv' });
    expect(table).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await as(t, READER);
    for (const [channel, input] of [
      ['imports.preview', { format: 'csv', files }],
      ['imports.run', { format: 'csv', files, badRows: 'stop', conflicts: 'choose' }],
      ['exports.mailingList', { channel: 'email', purpose: 'marketing' }],
      ['exports.labels', {}],
    ] as const) {
      expect(await t.registry.invoke(channel, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('the owner gets the table and the labels as bytes to save', async () => {
    const t = registryForThisTest();
    await withOwnerSession(t);
    await t.call('imports.run', { format: 'csv', files, badRows: 'stop', conflicts: 'choose' });
    const table = await t.call<{ rows: number; file: { fileName: string; mediaType: string; base64: string } }>(
      'exports.table',
      { query: { text: 'Mäkinen' }, format: 'xlsx' },
    );
    expect(table).toMatchObject({ rows: 1, file: { fileName: 'asiakkaat-2026-11-23.xlsx' } });
    expect((await readSheet(Buffer.from(table.file.base64, 'base64')))[1]![0]).toBe('Mäkinen');
    const labels = await t.call<{ file: { base64: string }; included: number }>('exports.labels', {});
    expect(labels.included).toBe(0);
    expect(Buffer.from(labels.file.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('who may take lists out', () => {
  it('staff only once the owner allows it, read-only never; a refusal writes nothing to the audit', async () => {
    const r = await register();
    createPerson(r, person({ email: 'helmi@example.fi' }));
    const owner = r.user;
    const as = (role: 'staff' | 'readonly') =>
      Object.defineProperty(r, 'user', { value: { ...owner, id: 99, role }, configurable: true });
    const back = () => Object.defineProperty(r, 'user', { value: owner, configurable: true });
    const audited = () => listAudit(r.db, 1_000_000).length;

    as('staff');
    const before = audited();
    expect(() => mailingList(r, { channel: 'email', purpose: 'marketing' }, 'fi')).toThrow('STAFF_EXPORT_NOT_ALLOWED');
    await expect(addressLabels(r, {}, 'fi')).rejects.toThrow('STAFF_EXPORT_NOT_ALLOWED');
    expect(audited()).toBe(before);
    expect(() => updateSettings(r, { staffMayExportLists: true })).toThrow('FORBIDDEN');

    back();
    updateSettings(r, { staffMayExportLists: true });
    as('staff');
    expect(mailingList(r, { channel: 'email', purpose: 'marketing' }, 'fi').file.fileName).toMatch(/\.csv$/);
    as('readonly');
    expect(() => mailingList(r, { channel: 'email', purpose: 'marketing' }, 'fi')).toThrow('FORBIDDEN');
    back();
  });

  it('every channel that takes a list out says so in the contract, and lets read-only users nowhere near it', () => {
    const flagged = Object.entries(contract)
      .filter(([, spec]) => (spec as Channel).exportsList)
      .map(([name]) => name);
    expect(flagged.sort()).toEqual(['exports.labels', 'exports.mailingCount', 'exports.mailingList']);
    for (const name of flagged) expect(contract[name as keyof typeof contract].access).not.toContain('readonly');
  });
});
