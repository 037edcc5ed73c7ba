// Templates: a kind of business as a data file that sets up the register, carries no business's
// identity, is applied all at once or not at all and leaves a checklist; a new one needs no code.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src-main/core/audit';
import { addCustomField, listEntries } from '../../src-main/core/lists';
import { resolveNotice, privacyNotice } from '../../src-main/core/notice';
import {
  applyPreset,
  confirmChecklistItem,
  listPresets,
  loadPreset,
  presetSchema,
  presetsDirectory,
} from '../../src-main/core/presets';
import { noticeStatus } from '../../src-main/core/notice';
import { unlockRegister, type UnlockedRegister } from '../../src-main/core/register';
import { listPolicies } from '../../src-main/core/retention';
import { readRegisterProfile, updateRegisterProfile } from '../../src-main/core/settings';
import { addUser } from '../../src-main/core/users';
import { closeAfterThisTest, registerForThisTest, tempDirForThisTest } from '../fixtures/for-this-test';
import { STAFF } from '../fixtures/register';
import { KAAPPI_MEASURES, type SecurityMeasure } from '../../src-shared/contract/notice-facts';
import { applySeedNotice, SEED_NOTICES, seedIdentityStrings } from '../fixtures/seed-notices';

const active = (register: UnlockedRegister, list: 'kinds' | 'sources') =>
  listEntries(register.db, list)
    .filter((entry) => entry.active)
    .map((entry) => entry.key);
const activePolicies = (register: UnlockedRegister) =>
  listPolicies(register.db)
    .filter((policy) => policy.active)
    .map(({ key, rule, period, action, mode }) => ({ key, rule, period, action, mode }));

/** Every row of every table but the audit log, and how long the audit log is. */
function snapshot(register: UnlockedRegister): string {
  const names = register.db.all<{ name: string }>(
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`,
  );
  return JSON.stringify(
    names.map(({ name }) => [
      name,
      register.db.all(sql.raw(`SELECT * FROM "${name}"`)).map((row) => JSON.stringify(row)),
    ]),
  );
}

const shipped = () =>
  readdirSync(presetsDirectory())
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();

describe('the template files', () => {
  it('all validate, whatever files the folder holds', () => {
    const { presets, problems } = listPresets();
    expect(problems).toEqual([]);
    expect(presets.map((p) => p.id)).toEqual(shipped());
    expect(presets.length).toBeGreaterThanOrEqual(3);
  });

  it("carry no business's identity: no seed's names, phones or addresses, no email, phone, business ID or web address", () => {
    const identities = seedIdentityStrings().filter((value) => value.length > 4);
    for (const id of shipped()) {
      const text = readFileSync(join(presetsDirectory(), `${id}.json`), 'utf8');
      for (const value of identities) expect(text, `${id} names "${value}"`).not.toContain(value);
      for (const name of ['Hehku', 'Kehobalanssi', 'Wellflix', 'Mailchimp', 'Google']) {
        expect(text, `${id} names ${name}`).not.toContain(name);
      }
      expect(text, `${id} has an email address`).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      expect(text, `${id} has a phone number`).not.toMatch(/\b0\d{1,3}[ -]?\d{3}[ -]?\d{2,5}\b/);
      expect(text, `${id} has a business ID`).not.toMatch(/\b\d{7}-\d\b/);
      expect(text, `${id} has a web address`).not.toMatch(/https?:\/\/|www\./);
    }
  });

  it('state only the security measures Kaappi itself keeps: paper and clouds are the business’s to say', () => {
    for (const id of shipped()) {
      const preset = JSON.parse(readFileSync(join(presetsDirectory(), `${id}.json`), 'utf8')) as {
        notice: { security: { measures: string[] } };
      };
      const claims = preset.notice.security.measures.filter((m) => !KAAPPI_MEASURES.includes(m as SecurityMeasure));
      expect(claims, id).toEqual([]);
    }
  });

  it('refuse a retention rule for a kind the preset does not have, and duplicate keys', () => {
    const hehku = JSON.parse(readFileSync(join(SEED_NOTICES, 'hehku-business.json'), 'utf8')) as {
      retention: { policies: Array<{ kindKeys: string[] }> };
      kinds: unknown[];
    };
    hehku.retention.policies[0]!.kindKeys = ['supplier'];
    const issue = presetSchema.safeParse(hehku).error?.issues[0];
    expect(issue?.message).toBe("unknown kind 'supplier'");
    expect(issue?.path).toEqual(['retention', 'policies', 0, 'kindKeys']);
    hehku.retention.policies[0]!.kindKeys = [];
    hehku.kinds.push(hehku.kinds[0]);
    expect(presetSchema.safeParse(hehku).error?.issues[0]?.message).toBe('duplicate key');
  });

  it('name what is wrong with a bad file and where: a misspelt key deep inside, a business identity, an old format', () => {
    const dir = tempDirForThisTest('kaappi-presets-');
    const template = JSON.parse(
      readFileSync(join(presetsDirectory(), 'hieroja-yksityisasiakkaat.json'), 'utf8'),
    ) as Record<string, Record<string, unknown>>;
    // `transfer` for `transfers`: zod would drop it and the file would load as if it said nothing.
    const { transfers, ...rest } = template.notice!;
    writeFileSync(
      join(dir, 'kirjoitusvirhe.json'),
      JSON.stringify({ ...template, notice: { ...rest, transfer: transfers } }),
    );
    const nested = structuredClone(template);
    (nested.notice!.legalBases as Record<string, unknown>).balancing = 'x';
    writeFileSync(join(dir, 'syvalla.json'), JSON.stringify(nested));
    writeFileSync(join(dir, 'yritys.json'), JSON.stringify({ ...template, controller: { name: 'Toinen Oy' } }));
    writeFileSync(join(dir, 'vanha.json'), JSON.stringify({ ...template, version: 1 }));
    writeFileSync(join(dir, 'rikki.json'), '{"format": "kaappi-preset",');
    writeFileSync(join(dir, 'arvo.json'), JSON.stringify({ ...template, kinds: [] }));
    copyFileSync(join(presetsDirectory(), 'hieroja-yksityisasiakkaat.json'), join(dir, 'Not A Valid Id.json'));
    copyFileSync(join(presetsDirectory(), 'hieroja-yksityisasiakkaat.json'), join(dir, 'kelpaa.json'));
    const { presets, problems } = listPresets(dir);
    expect(presets.map((p) => p.id)).toEqual(['kelpaa']);
    expect(problems).toEqual([
      { file: 'Not A Valid Id.json', problem: 'PRESET_FILE_NAME', path: '' },
      { file: 'arvo.json', problem: 'PRESET_INVALID_VALUE', path: 'kinds' },
      { file: 'kirjoitusvirhe.json', problem: 'PRESET_UNKNOWN_KEY', path: 'notice.transfer' },
      { file: 'rikki.json', problem: 'PRESET_NOT_JSON', path: '' },
      { file: 'syvalla.json', problem: 'PRESET_UNKNOWN_KEY', path: 'notice.legalBases.balancing' },
      { file: 'vanha.json', problem: 'PRESET_FORMAT', path: '' },
      { file: 'yritys.json', problem: 'PRESET_IDENTITY', path: 'controller' },
    ]);
    expect(() => loadPreset('kirjoitusvirhe', dir)).toThrow('PRESET_UNKNOWN_KEY');
    expect(() => loadPreset('../kelpaa', dir)).toThrow('PRESET_NOT_FOUND');
  });
});

describe('applying a template', () => {
  it("sets up a massage therapist's register and leaves her own details alone", async () => {
    const { register } = await registerForThisTest();
    const profile = readRegisterProfile(register);
    updateRegisterProfile(register, {
      ...profile,
      controller: { ...profile.controller, name: 'Hieronta Virtanen', city: 'Tampere' },
    });
    applyPreset(register, 'hieroja-yksityisasiakkaat', loadPreset('hieroja-yksityisasiakkaat'));
    expect(active(register, 'kinds')).toEqual(['customer']);
    expect(active(register, 'sources')).toEqual(['newsletter', 'booking', 'customer_notice']);
    // The built-in source is renamed to the template's words: no "(Mailchimp)" in her notice.
    const labels = listEntries(register.db, 'sources').filter((entry) => entry.active);
    expect(labels.map((entry) => entry.labelFi)).toEqual([
      'Uutiskirjeen tilaus',
      'Ajanvaraus',
      'Asiakkaan itse antamat tiedot',
    ]);
    expect(activePolicies(register)).toEqual([
      { key: 'inactive', rule: 'inactive', period: { amount: 3, unit: 'years' }, action: 'delete', mode: 'review' },
      // Her paper forms: printed in the notice, never run by Kaappi.
      { key: 'paper-forms', rule: null, period: null, action: 'delete', mode: 'review' },
    ]);
    const after = readRegisterProfile(register);
    expect(after.controller).toEqual({ ...profile.controller, name: 'Hieronta Virtanen', city: 'Tampere' });
    expect(after.contactPerson).toEqual(profile.contactPerson);
    const entry = listAudit(register.db, 1)[0];
    expect(entry).toMatchObject({
      action: 'preset.applied',
      targetType: 'preset',
      targetId: 'hieroja-yksityisasiakkaat',
    });
  });

  it('is ready only when her details are filled and every checklist item is confirmed', async () => {
    const { register } = await registerForThisTest();
    applyPreset(register, 'hieroja-yksityisasiakkaat', loadPreset('hieroja-yksityisasiakkaat'));
    let status = noticeStatus(register);
    expect(status.ready).toBe(false);
    expect(status.gaps).toContain('controller.name');
    const keys = status.checklist!.items.map((item) => item.key);
    expect(keys).toEqual([
      'kaappi.controller',
      'kaappi.purposes',
      'kaappi.data',
      'kaappi.recipients',
      'kaappi.retention',
      'kaappi.security',
      'preset.booking_system',
      'preset.health_data',
      'preset.retention_years',
    ]);
    const profile = readRegisterProfile(register);
    updateRegisterProfile(register, {
      ...profile,
      controller: { ...profile.controller, name: 'Hieronta Virtanen', email: 'hieronta@example.fi' },
      notice: { ...profile.notice, transferChoice: 'notTransferred' },
    });
    for (const key of keys.slice(0, -1)) confirmChecklistItem(register, key, true);
    status = noticeStatus(register);
    expect(status.gaps).toEqual([]);
    expect(status.ready).toBe(false);
    confirmChecklistItem(register, keys.at(-1)!, true);
    expect(noticeStatus(register).ready).toBe(true);
    // Taken back, and an unknown item refused with nothing changed.
    confirmChecklistItem(register, 'kaappi.data', false);
    expect(noticeStatus(register).ready).toBe(false);
    expect(() => confirmChecklistItem(register, 'preset.nothing', true)).toThrow('CHECKLIST_ITEM_NOT_FOUND');
    expect(listAudit(register.db, 1)[0]).toMatchObject({
      action: 'notice.checklist_reopened',
      targetId: 'hieroja-yksityisasiakkaat',
    });
    // Applying a template again starts its checklist over: the notice has changed under her.
    applyPreset(register, 'hieroja-yksityisasiakkaat', loadPreset('hieroja-yksityisasiakkaat'));
    expect(noticeStatus(register).checklist!.items.every((item) => item.confirmedAt === null)).toBe(true);
  });

  it('a seed notice with an empty checklist of its own still asks for Kaappi’s items', async () => {
    const { register } = await registerForThisTest();
    applySeedNotice(register, 'wellflix');
    // The seed's own checklist is empty, but Kaappi's items still ask her to confirm.
    expect(noticeStatus(register).ready).toBe(false);
  });

  it('is all or nothing: a clash half-way leaves every table and the audit log as they were', async () => {
    const { register } = await registerForThisTest();
    // A field with the preset's key but another type: the preset cannot add its own.
    addCustomField(register, { key: 'events', labelFi: 'Tapahtuma', labelEn: 'Event', type: 'date', choices: [] });
    const before = snapshot(register);
    expect(() => applyPreset(register, 'hehku-business', loadPreset('hehku-business', SEED_NOTICES))).toThrow(
      'KEY_TAKEN',
    );
    expect(snapshot(register)).toBe(before);

    // Kinds and sources are set before the custom fields, so the failure came half-way: the same
    // preset with its field under another key does switch sources off.
    const preset = loadPreset('hehku-business', SEED_NOTICES);
    applyPreset(register, 'hehku-business', {
      ...preset,
      customFields: preset.customFields.map((field) => ({ ...field, key: 'event_registrations' })),
    });
    expect(active(register, 'sources')).toHaveLength(5);
    expect(snapshot(register)).not.toBe(before);
  });

  it('is the owner’s to do', async () => {
    const { register, path, deps } = await registerForThisTest();
    await addUser(register, STAFF);
    const staff = closeAfterThisTest(
      await unlockRegister(path, { username: STAFF.username, password: STAFF.password }, deps),
    );
    const template = loadPreset('verkkokurssit-jasenyydet');
    expect(() => applyPreset(staff, 'verkkokurssit-jasenyydet', template)).toThrow('FORBIDDEN');
    applyPreset(register, 'verkkokurssit-jasenyydet', template);
    expect(() => confirmChecklistItem(staff, 'kaappi.data', true)).toThrow('FORBIDDEN');
  });

  it('picks up a new kind of business from a new file, with no code change', async () => {
    const dir = tempDirForThisTest('kaappi-presets-');
    const base = JSON.parse(readFileSync(join(presetsDirectory(), 'verkkokurssit-jasenyydet.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const studio = {
      ...base,
      name: { fi: 'Joogastudio – tuntilaiset', en: 'Yoga studio – class members' },
      kinds: [
        { key: 'customer', labelFi: 'Tuntilainen', labelEn: 'Class member' },
        { key: 'provider', labelFi: 'Opettaja', labelEn: 'Teacher' },
      ],
      customFields: [
        {
          key: 'level',
          labelFi: 'Taso',
          labelEn: 'Level',
          type: 'choice',
          choices: ['aloittelija', 'jatkaja'],
        },
      ],
    };
    writeFileSync(join(dir, 'joogastudio.json'), JSON.stringify(studio));
    expect(listPresets(dir).presets.map((p) => p.id)).toEqual(['joogastudio']);

    const { register: reg } = await registerForThisTest();
    applyPreset(reg, 'joogastudio', loadPreset('joogastudio', dir));
    expect(active(reg, 'kinds')).toEqual(['customer', 'provider']);
    const notice = privacyNotice(resolveNotice(reg), 'fi', '2026-11-23');
    const text = JSON.stringify(notice.blocks);
    expect(text).toContain('• Tuntilainen');
    expect(text).toContain('• Opettaja');
    expect(text).toContain('• Taso');
    expect(text).not.toContain('• Asiakas\\"');
  });

  it('gives each group its own data list, post mode and fields, and refuses a field for a kind it lacks', async () => {
    const dir = tempDirForThisTest('kaappi-presets-');
    const base = JSON.parse(readFileSync(join(presetsDirectory(), 'verkkokurssit-jasenyydet.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const none = { fi: '', en: '' };
    const shop = {
      ...base,
      kinds: [
        {
          key: 'customer',
          labelFi: 'Kuluttaja-asiakas',
          labelEn: 'Consumer',
          dataCategories: [
            { key: 'name', label: none },
            { key: 'address', label: none },
          ],
          marketingChannels: { email: 'optIn', sms: 'optIn', phone: 'optIn', post: 'optOut' },
        },
        {
          key: 'provider',
          labelFi: 'Palveluntarjoaja',
          labelEn: 'Service provider',
          dataCategories: [
            { key: 'name', label: none },
            { key: 'organization', label: none },
          ],
        },
      ],
      customFields: [
        {
          key: 'commission',
          labelFi: 'Provisio',
          labelEn: 'Commission',
          type: 'text',
          choices: [],
          kindKeys: ['provider'],
        },
      ],
    };
    writeFileSync(join(dir, 'kauppa.json'), JSON.stringify(shop));
    const wrong = structuredClone(shop);
    wrong.customFields[0]!.kindKeys = ['supplier'];
    writeFileSync(join(dir, 'vaara-ryhma.json'), JSON.stringify(wrong));
    const typo = structuredClone(shop) as { kinds: Array<Record<string, unknown>> };
    typo.kinds[1]!.dataCategory = [];
    writeFileSync(join(dir, 'kirjoitusvirhe.json'), JSON.stringify(typo));
    expect(listPresets(dir).problems).toEqual([
      { file: 'kirjoitusvirhe.json', problem: 'PRESET_UNKNOWN_KEY', path: 'kinds.1.dataCategory' },
      { file: 'vaara-ryhma.json', problem: 'PRESET_UNKNOWN_KIND', path: 'customFields.0.kindKeys.0' },
    ]);
    expect(() => loadPreset('vaara-ryhma', dir)).toThrow('PRESET_UNKNOWN_KIND');

    const { register: reg } = await registerForThisTest();
    applyPreset(reg, 'kauppa', loadPreset('kauppa', dir));
    const notice = resolveNotice(reg);
    expect(notice.groups?.map((group) => [group.key, group.ownCategories, group.channels.post])).toEqual([
      ['customer', true, 'optOut'],
      ['provider', true, 'optIn'],
    ]);
    const providerList = notice.groups![1]!.categories.map((category) => category.key);
    expect(providerList).toContain('custom:commission');
    expect(notice.groups![0]!.categories.map((category) => category.key)).not.toContain('custom:commission');
  });
});
