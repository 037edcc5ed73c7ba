// Groups of persons (relationship kinds) with their own data lists, custom fields and channel
// modes, against real encrypted registers: the notice prints one list per group in fi and en, a
// field of one group is refused for another's person, post labels follow each group's mode, and a
// register without groups (as every register is after migration 0018) prints exactly as before.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src-main/core/audit';
import { renderHtml } from '../../src-main/core/documents';
import { recordConsents, type ConsentChange } from '../../src-main/core/consents';
import { addressLabels } from '../../src-main/core/exports';
import { addCustomField, addListEntry, scopeCustomField, setKindGroup } from '../../src-main/core/lists';
import { noticeFingerprint, privacyNotice, resolveNotice } from '../../src-main/core/notice';
import { createPerson, personDetail, setCustomValue, updatePerson } from '../../src-main/core/persons';
import type { UnlockedRegister } from '../../src-main/core/register';
import type { Block, DocumentModel } from '../../src-main/core/documents';
import { person } from '../fixtures/people';
import { registerForThisTest, registryForThisTest, tempDirForThisTest } from '../fixtures/for-this-test';
import { withOwnerSession } from '../fixtures/registry';

const TODAY = '2026-11-23';
const none = { fi: '', en: '' };
async function register() {
  return (await registerForThisTest()).register;
}

/** Consumers (the built-in customer kind) and service providers who sell through the business. */
function twoGroups(r: UnlockedRegister) {
  addListEntry(r, 'kinds', { key: 'service_provider', labelFi: 'Palveluntarjoaja', labelEn: 'Service provider' });
  setKindGroup(r, 'customer', {
    dataCategories: [
      { key: 'name', label: none },
      { key: 'email', label: none },
      { key: 'orders', label: { fi: 'ostetut hoidot', en: 'treatments bought' } },
    ],
    marketingChannels: { email: 'optIn', sms: 'optIn', phone: 'optIn', post: 'optOut' },
  });
  setKindGroup(r, 'service_provider', {
    dataCategories: [
      { key: 'name', label: none },
      { key: 'phone', label: none },
      { key: 'organization', label: { fi: 'yritys ja Y-tunnus', en: 'company and business ID' } },
    ],
    marketingChannels: null,
  });
}

function section(doc: DocumentModel, heading: string): Block[] {
  const start = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = doc.blocks.findIndex((b, i) => i > start && b.kind === 'heading');
  return doc.blocks.slice(start + 1, next < 0 ? undefined : next);
}

const lines = (blocks: Block[]) =>
  blocks.map((b) => (b.kind === 'lines' ? b.lines.join('\n') : 'text' in b ? `[${b.kind}] ${b.text}` : ''));

/** The list printed under a group's subheading. */
function under(printed: string[], group: string): string {
  const at = printed.indexOf(`[subheading] ${group}`);
  expect(at).toBeGreaterThan(0);
  return printed[at + 1]!;
}

describe('the notice of a register with two groups', () => {
  it('prints one data list per group under its label, in Finnish and in English, and names both groups', async () => {
    const r = await register();
    twoGroups(r);
    addCustomField(r, {
      key: 'treatment_notes',
      labelFi: 'Hoitotoiveet',
      labelEn: 'Treatment wishes',
      type: 'text',
      choices: [],
      kindKeys: ['customer'],
    });
    const notice = resolveNotice(r);
    const fi = lines(section(privacyNotice(notice, 'fi', TODAY), 'Rekisterin tietosisältö'));
    expect(fi[0]).toBe('[paragraph] Rekisteriin voidaan tallentaa ryhmittäin seuraavat tiedot:');
    const customerFi = under(fi, 'Asiakas');
    expect(customerFi).toContain('• ostetut hoidot');
    expect(customerFi).toContain('• Hoitotoiveet');
    expect(customerFi).not.toContain('Y-tunnus');
    const providerFi = under(fi, 'Palveluntarjoaja');
    expect(providerFi).toContain('• yritys ja Y-tunnus');
    expect(providerFi).not.toContain('Hoitotoiveet');
    expect(providerFi).not.toContain('ostetut hoidot');
    // A group without its own list (prospects) gets the register's declared list.
    expect(under(fi, 'Potentiaalinen asiakas')).toContain('• sähköpostiosoite');
    const en = lines(section(privacyNotice(notice, 'en', TODAY), 'Personal data in the register'));
    expect(en[0]).toBe('[paragraph] The register may hold the following data, by group:');
    expect(under(en, 'Customer')).toContain('• treatments bought');
    expect(under(en, 'Customer')).toContain('• Treatment wishes');
    expect(under(en, 'Service provider')).toContain('• company and business ID');
    const subjects = lines(section(privacyNotice(notice, 'en', TODAY), 'Categories of data subjects')).join('\n');
    expect(subjects).toContain('• Customer');
    expect(subjects).toContain('• Service provider');
    // Post differs between the groups, so each group is told its own channel modes.
    const basis = lines(section(privacyNotice(notice, 'fi', TODAY), 'Käsittelyn oikeusperuste'));
    expect(under(basis, 'Asiakas')).toContain('Posti: ilman erillistä suostumusta');
    expect(under(basis, 'Palveluntarjoaja')).toContain('Posti: vain suostumuksellasi');
    const html = renderHtml(privacyNotice(notice, 'fi', TODAY), 'fi');
    expect(html).toContain('<h3>Palveluntarjoaja</h3>');
  });

  it('goes out of date when a group gets its own list, and prints as before once the group has none again', async () => {
    const r = await register();
    addListEntry(r, 'kinds', { key: 'service_provider', labelFi: 'Palveluntarjoaja', labelEn: 'Service provider' });
    const before = resolveNotice(r);
    expect(before).not.toHaveProperty('groups');
    const printed = renderHtml(privacyNotice(before, 'fi', TODAY), 'fi');
    setKindGroup(r, 'service_provider', { dataCategories: [{ key: 'phone', label: none }], marketingChannels: null });
    expect(noticeFingerprint(resolveNotice(r))).not.toBe(noticeFingerprint(before));
    setKindGroup(r, 'service_provider', { dataCategories: null, marketingChannels: null });
    const after = resolveNotice(r);
    expect(noticeFingerprint(after)).toBe(noticeFingerprint(before));
    expect(renderHtml(privacyNotice(after, 'fi', TODAY), 'fi')).toBe(printed);
  });
});

describe('custom fields scoped to groups', () => {
  async function withProviderField() {
    const r = await register();
    twoGroups(r);
    addCustomField(r, {
      key: 'commission',
      labelFi: 'Provisio',
      labelEn: 'Commission',
      type: 'text',
      choices: [],
      kindKeys: ['service_provider'],
    });
    const consumer = createPerson(r, person({ kindKey: 'customer' }));
    const provider = createPerson(
      r,
      person({ firstName: 'Eero', lastName: 'Jääskeläinen', email: 'eero@example.fi', kindKey: 'service_provider' }),
    );
    return { r, consumer, provider };
  }

  it('refuse a value of the service providers’ field for a consumer, changing nothing', async () => {
    const { r, consumer, provider } = await withProviderField();
    const audited = listAudit(r.db, 10000).length;
    expect(() => setCustomValue(r, consumer.id, 'commission', '20 %')).toThrow(
      expect.objectContaining({ code: 'CUSTOM_FIELD_NOT_FOR_KIND' }),
    );
    expect(listAudit(r.db, 10000).length).toBe(audited);
    expect(personDetail(r, consumer.id).customFields.map((f) => f.key)).toEqual([]);
    setCustomValue(r, provider.id, 'commission', '20 %');
    expect(personDetail(r, provider.id).customFields).toMatchObject([{ key: 'commission', value: '20 %' }]);
    expect(personDetail(r, provider.id).declaredCategories).toEqual(['name', 'phone', 'organization']);
  });

  it('refuse moving a person to a group without their field until the value is cleared', async () => {
    const { r, provider } = await withProviderField();
    setCustomValue(r, provider.id, 'commission', '20 %');
    expect(() => updatePerson(r, provider.id, { kindKey: 'customer' })).toThrow(
      expect.objectContaining({ code: 'KIND_CHANGE_DROPS_FIELDS', params: { kind: 'customer', fields: 'commission' } }),
    );
    expect(personDetail(r, provider.id).person.kindKey).toBe('service_provider');
    expect(() => scopeCustomField(r, 'commission', ['customer'])).toThrow(
      expect.objectContaining({ code: 'CUSTOM_FIELD_VALUES_OUTSIDE_KINDS' }),
    );
    setCustomValue(r, provider.id, 'commission', null);
    expect(updatePerson(r, provider.id, { kindKey: 'customer' }).kindKey).toBe('customer');
  });

  it('refuse the value through the registry with a Finnish message naming the field', async () => {
    const t = registryForThisTest();
    await withOwnerSession(t);
    await t.call('lists.add', {
      list: 'kinds',
      key: 'service_provider',
      labelFi: 'Palveluntarjoaja',
      labelEn: 'Service provider',
    });
    await t.call('customFields.add', {
      key: 'commission',
      labelFi: 'Provisio',
      labelEn: 'Commission',
      type: 'text',
      kindKeys: ['service_provider'],
    });
    const created = await t.call<{ id: number }>('persons.create', { person: person() });
    const refused = await t.registry.invoke('persons.setCustomValue', {
      id: created.id,
      key: 'commission',
      value: 'x',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CUSTOM_FIELD_NOT_FOR_KIND', message: expect.stringContaining('Lisäkenttä commission ei kuulu') },
    });
    const optOutEmail = await t.registry.invoke('lists.setGroup', {
      key: 'customer',
      dataCategories: null,
      marketingChannels: { email: 'optOut', sms: 'optIn', phone: 'optIn', post: 'optIn' },
    });
    expect(optOutEmail).toMatchObject({
      ok: false,
      error: { fields: [{ message: expect.stringContaining('vaatii aina ennakkosuostumuksen') }] },
    });
    const lists = await t.call<{ groups: Array<{ key: string; marketingChannels: unknown }> }>('lists.get', {});
    expect(lists.groups.find((g) => g.key === 'customer')?.marketingChannels).toBeNull();
  });
});

describe('post by group', () => {
  const grant = (subject: ConsentChange['subject']): ConsentChange => ({
    subject,
    granted: true,
    method: 'form',
    evidence: 'Lomake',
    effectiveAt: '2026-01-01T10:00:00.000Z',
  });

  it('labels take consumers without consent (post opt-out) but not service providers (opt-in), never a banned person', async () => {
    const r = await register();
    twoGroups(r);
    const add = (firstName: string, lastName: string, kindKey: string, changes: ConsentChange[] = []) => {
      const p = createPerson(
        r,
        person({ firstName, lastName, email: `${lastName.toLowerCase()}@example.fi`, kindKey }),
      );
      if (changes.length) recordConsents(r, p.id, changes);
    };
    add('Aino', 'Mäkinen', 'customer');
    add('Pirjo', 'Laine', 'customer', [grant('post'), grant('ban_direct_marketing')]);
    add('Eero', 'Jääskeläinen', 'service_provider');
    add('Kalle', 'Östman', 'service_provider', [grant('post')]);
    const result = await addressLabels(r, {}, 'fi');
    expect(result.included).toBe(2);
    expect(result.leftOut).toEqual({ total: 2, reasons: { no_channel_consent: 1, direct_marketing_ban: 1 } });
    const dir = tempDirForThisTest('kaappi-groups-');
    const path = join(dir, result.file.fileName);
    writeFileSync(path, result.file.bytes);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Aino Mäkinen');
    expect(text).toContain('Kalle Östman');
    expect(text).not.toContain('Jääskeläinen');
    expect(text).not.toContain('Laine');
  });
});
