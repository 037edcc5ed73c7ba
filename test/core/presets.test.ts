// Presets: each seed notice as a data file that sets up the register to keep what it promises,
// applied all at once or not at all; a new business's notice is a new file, not new code.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../src-main/core/audit';
import { addCustomField, listCustomFields, listEntries } from '../../src-main/core/lists';
import { resolveNotice, privacyNotice } from '../../src-main/core/notice';
import { applyPreset, listPresets, loadPreset, presetSchema, presetsDirectory } from '../../src-main/core/presets';
import { unlockRegister, type UnlockedRegister } from '../../src-main/core/register';
import { listPolicies } from '../../src-main/core/retention';
import { readRegisterProfile, updateRegisterProfile } from '../../src-main/core/settings';
import { addUser } from '../../src-main/core/users';
import { newRegister, tempDir } from '../fixtures/register';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.reverse()) cleanup();
  cleanups = [];
});

async function freshRegister() {
  const created = await newRegister();
  cleanups.push(created.cleanup, () => created.register.close());
  return created;
}

const active = (register: UnlockedRegister, list: 'kinds' | 'sources') =>
  listEntries(register.db, list)
    .filter((entry) => entry.active)
    .map((entry) => entry.key);
const activePolicies = (register: UnlockedRegister) =>
  listPolicies(register.db)
    .filter((policy) => policy.active)
    .map(({ rule, years, action, mode }) => ({ rule, years, action, mode }));

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

describe('the preset files', () => {
  it('are one per seed notice, and every file validates', () => {
    const { presets, problems } = listPresets();
    expect(problems).toEqual([]);
    expect(presets.map((p) => p.id)).toEqual(['hehku-business', 'kehobalanssi', 'wellflix']);
    expect(presets.map((p) => p.name.fi)).toEqual([
      'Hehku Business – B2B-asiakasrekisteri',
      'Kehobalanssi – asiakasrekisteri',
      'Wellflix – asiakasrekisteri',
    ]);
  });

  it('refuse a retention rule for a kind the preset does not have, and duplicate keys', () => {
    const hehku = JSON.parse(readFileSync(join(presetsDirectory(), 'hehku-business.json'), 'utf8')) as {
      retention: Array<{ kindKeys: string[] }>;
      kinds: unknown[];
    };
    hehku.retention[0]!.kindKeys = ['supplier'];
    expect(presetSchema.safeParse(hehku).error?.issues[0]?.message).toBe("unknown kind 'supplier'");
    hehku.retention[0]!.kindKeys = [];
    hehku.kinds.push(hehku.kinds[0]);
    expect(presetSchema.safeParse(hehku).error?.issues[0]?.message).toBe('duplicate key');
  });
});

describe('applying a preset', () => {
  it('sets up Hehku Business as seed 000 describes: three kinds, its five sources, its event registrations, 5-year rules', async () => {
    const { register } = await freshRegister();
    applyPreset(register, 'hehku-business', loadPreset('hehku-business'));
    expect(active(register, 'kinds')).toEqual(['customer', 'prospect', 'partner']);
    expect(active(register, 'sources')).toEqual([
      'newsletter',
      'booking',
      'online_course',
      'signup_form',
      'company_website',
    ]);
    expect(listCustomFields(register.db).map((f) => f.key)).toEqual(['events']);
    expect(activePolicies(register)).toEqual([
      { rule: 'inactive', years: 5, action: 'delete', mode: 'review' },
      { rule: 'passive_not_moved', years: 5, action: 'delete', mode: 'review' },
    ]);
    const profile = readRegisterProfile(register);
    expect(profile.controller).toMatchObject({ name: 'Hehku Wellness', businessId: '2900263-2', city: 'Jyväskylä' });
    expect(profile.notice.processors.map((p) => p.name)).toEqual(['Mailchimp', 'Google Forms', 'Google Drive']);
    const entry = listAudit(register.db, 1)[0];
    expect(entry).toMatchObject({ action: 'preset.applied', targetType: 'preset', targetId: 'hehku-business' });
    expect(JSON.parse(entry!.details)).toEqual({
      kindsAdded: 0,
      kindsSwitchedOff: 0,
      sourcesAdded: 0,
      sourcesSwitchedOff: 3,
      customFieldsAdded: 1,
    });
  });

  it('switches another business’s setup over: Wellflix keeps customers only, 10 years after the end, and its own controller', async () => {
    const { register } = await freshRegister();
    applyPreset(register, 'hehku-business', loadPreset('hehku-business'));
    applyPreset(register, 'wellflix', loadPreset('wellflix'));
    expect(active(register, 'kinds')).toEqual(['customer']);
    expect(active(register, 'sources')).toEqual([
      'registration',
      'customer_notice',
      'update_service',
      'subcontractor',
      'partner_digital',
    ]);
    expect(activePolicies(register)).toEqual([{ rule: 'after_end', years: 10, action: 'delete', mode: 'review' }]);
    // Nothing of Hehku's controller is carried over to Wellflix (it gives no business ID).
    expect(readRegisterProfile(register).controller).toEqual({
      name: 'Wellflix Oy',
      businessId: '',
      street: 'Tekniikantie 14',
      postalCode: '02150',
      city: 'Espoo',
      phone: '0407375479',
      email: 'info@wellflix.fi',
    });
    // The custom field stays (it may hold data); the notice still names it.
    expect(listCustomFields(register.db).map((f) => f.key)).toEqual(['events']);
    expect(resolveNotice(register).categories.map((c) => c.key)).toContain('custom:events');
  });

  it('keeps details the owner added when the same business’s preset is applied again', async () => {
    const { register } = await freshRegister();
    applyPreset(register, 'hehku-business', loadPreset('hehku-business'));
    const profile = readRegisterProfile(register);
    updateRegisterProfile(register, {
      ...profile,
      controller: { ...profile.controller, email: 'info@hehkuwellness.fi' },
      authority: { ...profile.authority, address: 'PL 800, 00531 Helsinki' },
    });
    applyPreset(register, 'hehku-business', loadPreset('hehku-business'));
    const again = readRegisterProfile(register);
    expect(again.controller.email).toBe('info@hehkuwellness.fi');
    expect(again.authority.address).toBe('PL 800, 00531 Helsinki');
  });

  it('is all or nothing: a clash half-way leaves every table and the audit log as they were', async () => {
    const { register } = await freshRegister();
    // A field with the preset's key but another type: the preset cannot add its own.
    addCustomField(register, { key: 'events', labelFi: 'Tapahtuma', labelEn: 'Event', type: 'date', choices: [] });
    const before = snapshot(register);
    expect(() => applyPreset(register, 'hehku-business', loadPreset('hehku-business'))).toThrow('KEY_TAKEN');
    expect(snapshot(register)).toBe(before);

    // Kinds and sources are set before the custom fields, so the failure came half-way: the same
    // preset with its field under another key does switch sources off.
    const preset = loadPreset('hehku-business');
    applyPreset(register, 'hehku-business', {
      ...preset,
      customFields: preset.customFields.map((field) => ({ ...field, key: 'event_registrations' })),
    });
    expect(active(register, 'sources')).toHaveLength(5);
    expect(snapshot(register)).not.toBe(before);
  });

  it('is the owner’s to do', async () => {
    const { register, path, deps } = await freshRegister();
    await addUser(register, {
      username: 'eero',
      displayName: 'Eero Jääskeläinen',
      role: 'staff',
      password: 'Jooga-Aamu-Sali-42',
      confidentialitySignedOn: '2026-02-01',
    });
    const staff = await unlockRegister(path, { username: 'eero', password: 'Jooga-Aamu-Sali-42' }, deps);
    cleanups.push(() => staff.close());
    expect(() => applyPreset(staff, 'wellflix', loadPreset('wellflix'))).toThrow('FORBIDDEN');
  });

  it('picks up a new business’s notice from a new file, with no code change; a broken file is reported, not fatal', async () => {
    const { dir, cleanup } = tempDir('kaappi-presets-');
    cleanups.push(cleanup);
    const wellflix = JSON.parse(readFileSync(join(presetsDirectory(), 'wellflix.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const hieronta = {
      ...wellflix,
      name: { fi: 'Hieronta Mäkinen – asiakasrekisteri', en: 'Hieronta Mäkinen – customer register' },
      kinds: [
        { key: 'customer', labelFi: 'Asiakas', labelEn: 'Customer' },
        { key: 'provider', labelFi: 'Palveluntarjoaja', labelEn: 'Service provider' },
      ],
      customFields: [
        {
          key: 'pressure',
          labelFi: 'Hieronnan voimakkuus',
          labelEn: 'Massage pressure',
          type: 'choice',
          choices: ['kevyt', 'keskivahva', 'vahva'],
        },
      ],
      controller: { name: 'Hieronta Mäkinen', businessId: '1572860-0', city: 'Jyväskylä' },
    };
    writeFileSync(join(dir, 'hieronta-makinen.json'), JSON.stringify(hieronta));
    writeFileSync(join(dir, 'rikki.json'), '{"format": "kaappi-preset", "version": 1}');
    copyFileSync(join(presetsDirectory(), 'kehobalanssi.json'), join(dir, 'Not A Valid Id.json'));
    const { presets, problems } = listPresets(dir);
    expect(presets.map((p) => p.id)).toEqual(['hieronta-makinen']);
    expect(problems.map((p) => p.file).sort()).toEqual(['Not A Valid Id.json', 'rikki.json']);

    const { register: reg } = await freshRegister();
    applyPreset(reg, 'hieronta-makinen', loadPreset('hieronta-makinen', dir));
    expect(active(reg, 'kinds')).toEqual(['customer', 'provider']);
    expect(listCustomFields(reg.db)).toEqual([
      {
        key: 'pressure',
        labelFi: 'Hieronnan voimakkuus',
        labelEn: 'Massage pressure',
        type: 'choice',
        choices: ['kevyt', 'keskivahva', 'vahva'],
      },
    ]);
    const notice = privacyNotice(resolveNotice(reg), 'fi', '2026-11-23');
    const text = JSON.stringify(notice.blocks);
    expect(text).toContain('• Palveluntarjoaja');
    expect(text).toContain('• Hieronnan voimakkuus');
    expect(text).toContain('Y-tunnus 1572860-0');
    expect(() => loadPreset('rikki', dir)).toThrow('INVALID_INPUT');
    expect(() => loadPreset('../wellflix', dir)).toThrow('INVALID_INPUT');
  });
});
