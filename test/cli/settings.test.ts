// `kaappi settings` as a script sets a register up: the real command in a child process on real
// encrypted registers, from `kaappi init` to a notice that is ready and printed, with no app.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src-main/core/audit';
import { ManualClock } from '../../src-main/core/clock';
import { addCustomField, addListEntry, setKindGroup } from '../../src-main/core/lists';
import { readChecklist } from '../../src-main/core/presets';
import { readRegisterProfile } from '../../src-main/core/settings';
import { OWNER, STAFF } from '../fixtures/register';
import { commandAs, foldersForThisFile, okStdout, openAsOwner, registerOnDisk } from './cli-register';
import { runCli } from './run-cli';

const PRESET = 'hieroja-yksityisasiakkaat';

const folder = foldersForThisFile('kaappi-cli-settings-');

/** A register made by core (faster than `kaappi init`), with a staff user when asked. */
async function newRegister(options: { staff?: boolean } = {}) {
  const dir = folder();
  const path = await registerOnDisk(dir, { clock: new ManualClock(new Date()), users: options.staff ? [STAFF] : [] });
  return { dir, path, ...commandsOn(path) };
}

function commandsOn(path: string) {
  return {
    owner: commandAs(path, OWNER),
    ownerInFinnish: commandAs(path, OWNER, { KAAPPI_LANG: 'fi' }),
    staff: commandAs(path, STAFF),
  };
}

/**
 * Every table's rows. Each opening of the register (this one, and the command's own) appends its
 * session.login entry; those, and the audit log's id counter they move, are left out: every other
 * audit entry is compared.
 */
async function contents(path: string): Promise<string> {
  const register = await openAsOwner(path);
  try {
    const tables: Record<string, string[]> = {};
    const names = register.db.all<{ name: string }>(
      sql`SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`,
    );
    for (const { name } of names) {
      tables[name] = register.db
        .all<Record<string, unknown>>(sql.raw(`SELECT * FROM "${name}"`))
        .filter((row) => !(name === 'audit_log' && row.action === 'session.login'))
        .filter((row) => !(name === 'sqlite_sequence' && row.name === 'audit_log'))
        .map((row) => JSON.stringify(row))
        .sort();
    }
    return JSON.stringify(tables);
  } finally {
    register.close();
  }
}

describe('kaappi settings', () => {
  it('sets a register up headless, from init to a ready notice that names the controller', async () => {
    const dir = folder();
    const path = join(dir, 'asiakasrekisteri.kaappi');
    okStdout(
      await runCli(['init', '--register', path, '--owner', OWNER.username], { KAAPPI_PASSWORD: OWNER.password }),
    );
    const { owner } = commandsOn(path);

    const applied = okStdout(await owner('settings', 'apply-preset', '--preset', PRESET));
    expect(applied).toContain(`Template ${PRESET} applied.`);
    expect(applied).toContain('Relationship kinds switched off (persons keep theirs): Potential customer (prospect)');
    expect(applied).toContain('Data sources switched on: Given by the customer (customer_notice)');
    expect(applied).toContain('  inactive (inactive): 3 years, delete, owner reviews (was 5 years,');
    expect(applied).toContain('  [ ] preset.booking_system: If you use a booking, till or newsletter service');
    expect(applied).toContain("The notice still lacks:\n  the controller's name\n");

    expect(okStdout(await owner('settings', 'set', 'controller.name', 'Hieronta Mäkinen'))).toContain(
      'Saved controller.name: Hieronta Mäkinen',
    );
    const lastGap = okStdout(await owner('settings', 'set', 'controller.email', ' aino@hieronta-makinen.fi '));
    expect(lastGap).toContain('Saved controller.email: aino@hieronta-makinen.fi');
    // The template leaves it to her whether data leaves the EU/EEA.
    expect(lastGap).toContain('whether data is transferred outside the EU/EEA (not chosen yet)');
    expect(await owner('settings', 'set', 'notice.transferChoice', 'somewhere')).toMatchObject({ code: 2 });
    const chosen = okStdout(await owner('settings', 'set', 'notice.transferChoice', 'notTransferred'));
    expect(chosen).toContain('Saved notice.transferChoice: notTransferred');
    expect(chosen).not.toContain('The notice still lacks');

    const before = JSON.parse(okStdout(await owner('settings', 'show', '--json')));
    expect(before.controller).toMatchObject({ name: 'Hieronta Mäkinen', email: 'aino@hieronta-makinen.fi' });
    expect(before.gaps).toEqual([]);
    expect(before.ready).toBe(false);
    const items: string[] = before.checklist.items.map((item: { key: string }) => item.key);
    expect(items).toHaveLength(9);
    expect(items).toContain('preset.health_data');
    okStdout(await owner('settings', 'confirm', items.join(',')));

    const after = JSON.parse(okStdout(await owner('settings', 'show', '--json')));
    expect(after.ready).toBe(true);
    expect(after.checklist.items.every((item: { done: boolean }) => item.done)).toBe(true);
    expect(okStdout(await owner('settings', 'show'))).toContain(
      'Ready: the notice lacks nothing and every checklist item is confirmed.',
    );

    const out = join(dir, 'tietosuojaseloste.html');
    okStdout(await owner('notice', '--out', out, '--lang', 'fi'));
    expect(readFileSync(out, 'utf8')).toContain('Hieronta Mäkinen');

    // Taking one item back makes the notice not ready again.
    expect(okStdout(await owner('settings', 'confirm', 'preset.health_data', '--undo'))).toContain(
      'Not ready: gaps in the notice 0, checklist items to confirm 1.',
    );
    // Sixteen runs of the command: on the shared 2-core machine beside another CLI file, near 3 minutes.
  }, 180_000);

  it('apply-preset --dry-run prints the changes and leaves every table and audit entry as it was', async () => {
    const { path, owner } = await newRegister();
    const untouched = await contents(path);
    const dryRun = okStdout(await owner('settings', 'apply-preset', '--preset', PRESET, '--dry-run'));
    expect(dryRun).toMatch(new RegExp(`^Dry run: applying template ${PRESET} would change the following\\.\\n`));
    expect(dryRun).toMatch(/Nothing was changed \(dry run\)\.\n$/);
    expect(await contents(path)).toBe(untouched);

    // The same changes, made this time: the comparison above would have seen them.
    const applied = okStdout(await owner('settings', 'apply-preset', '--preset', PRESET));
    const firstLine = /^.*\n/;
    expect(applied.replace(firstLine, '')).toBe(dryRun.replace(firstLine, '').replace(/Nothing was changed.*\n$/, ''));
    expect(await contents(path)).not.toBe(untouched);
  });

  it('refuses a bad template file with its problem and key path, exit 1, and changes nothing', async () => {
    const { dir, path, owner, ownerInFinnish } = await newRegister();
    const template = JSON.parse(readFileSync(join('resources', 'presets', `${PRESET}.json`), 'utf8'));
    template.notice.transfer = template.notice.transfers;
    delete template.notice.transfers;
    const misspelt = join(dir, 'oma-pohja.json');
    writeFileSync(misspelt, JSON.stringify(template));

    const refused = await owner('settings', 'apply-preset', '--preset', misspelt);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'kaappi: oma-pohja.json: unknown field notice.transfer. Check how the field name is spelt.\n',
    );
    expect((await ownerInFinnish('settings', 'apply-preset', '--preset', misspelt)).stderr).toContain(
      'tuntematon kenttä notice.transfer',
    );

    template.notice.transfers = template.notice.transfer;
    delete template.notice.transfer;
    template.kinds[0].key = 'Asiakas';
    writeFileSync(misspelt, JSON.stringify(template));
    const invalid = await owner('settings', 'apply-preset', '--preset', misspelt, '--dry-run');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('oma-pohja.json: the value of kinds.0.key is missing or not valid.');

    const unknown = await owner('settings', 'apply-preset', '--preset', 'hieroja');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      "--preset: there is no template 'hieroja'. The templates: hieroja-yksityisasiakkaat,",
    );

    const register = await openAsOwner(path);
    try {
      expect(readChecklist(register)).toBeNull();
    } finally {
      register.close();
    }
  });

  it('refuses a bad email or business ID naming the field, in the user’s language, and keeps the old value', async () => {
    const { path, owner, ownerInFinnish } = await newRegister();
    okStdout(await owner('settings', 'set', 'contactPerson.email', 'aino@hieronta-makinen.fi'));

    const email = await owner('settings', 'set', 'contactPerson.email', 'aino@');
    expect(email.code).toBe(1);
    expect(email.stderr).toBe(
      'kaappi: contactPerson.email: Not a valid email address. For example name@example.com.\n',
    );
    const businessId = await ownerInFinnish('settings', 'set', 'controller.businessId', '2900263-3');
    expect(businessId.code).toBe(1);
    expect(businessId.stderr).toBe(
      'kaappi: controller.businessId: Y-tunnus ei kelpaa: muoto 1234567-8 ja tarkistusmerkin pitää täsmätä.\n',
    );
    const phone = await owner('settings', 'set', 'controller.phone', '040 123 4567 ext 12');
    expect(phone.code).toBe(1);
    expect(phone.stderr).toContain('controller.phone: A phone number cannot be stored with an extension.');
    const unknownKey = await owner('settings', 'set', 'controller.ytunnus', '2900263-2');
    expect(unknownKey.code).toBe(2);
    expect(unknownKey.stderr).toContain(
      "unknown KEY 'controller.ytunnus'; the keys: controller.name, controller.businessId,",
    );

    okStdout(await owner('settings', 'set', 'controller.businessId', '2900263-2'));
    const register = await openAsOwner(path);
    try {
      const { controller, contactPerson } = readRegisterProfile(register);
      expect(contactPerson.email).toBe('aino@hieronta-makinen.fi');
      expect(controller).toMatchObject({ businessId: '2900263-2', phone: '' });
      // Two saves, audited as the settings screen's are; the refused ones left no entry.
      const saves = listAudit(register.db, 50).filter((entry) => entry.action === 'settings.updated');
      expect(saves.map((entry) => JSON.parse(entry.details))).toEqual([
        { keys: 'registerProfile' },
        { keys: 'registerProfile' },
      ]);
    } finally {
      register.close();
    }
  });

  it('lets staff read the settings but not change them', async () => {
    const { path, owner, staff } = await newRegister({ staff: true });
    okStdout(await owner('settings', 'apply-preset', '--preset', PRESET));
    const untouched = await contents(path);
    for (const args of [
      ['apply-preset', '--preset', PRESET],
      ['apply-preset', '--preset', PRESET, '--dry-run'],
      ['set', 'controller.name', 'Eeron Firma'],
      ['confirm', 'kaappi.controller'],
    ]) {
      const refused = await staff('settings', ...args);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe('kaappi: You are not allowed to do this.\n');
    }
    expect(await contents(path)).toBe(untouched);
    expect(okStdout(await staff('settings', 'show'))).toContain(
      'Checklist of template hieroja-yksityisasiakkaat, 0 of 9',
    );
    const unknownItem = await owner('settings', 'confirm', 'kaappi.kontrolleri');
    expect(unknownItem.code).toBe(1);
    expect(unknownItem.stderr).toContain(
      "ITEM: the checklist has no item 'kaappi.kontrolleri'. Its items: kaappi.controller,",
    );
  });

  it('show names the groups with their own data list and channels, and fields kept for one group', async () => {
    const { path, owner, ownerInFinnish } = await newRegister();
    const register = await openAsOwner(path);
    try {
      addListEntry(register, 'kinds', {
        key: 'service_provider',
        labelFi: 'Palveluntarjoaja',
        labelEn: 'Service provider',
      });
      setKindGroup(register, 'service_provider', {
        dataCategories: [
          { key: 'name', label: { fi: '', en: '' } },
          { key: 'organization', label: { fi: '', en: '' } },
        ],
        marketingChannels: { email: 'optIn', sms: 'optIn', phone: 'optIn', post: 'optOut' },
      });
      addCustomField(register, {
        key: 'commission',
        labelFi: 'Provisio',
        labelEn: 'Commission',
        type: 'text',
        choices: [],
        kindKeys: ['service_provider'],
      });
    } finally {
      register.close();
    }
    const text = okStdout(await owner('settings', 'show'));
    expect(text).toContain(
      '  Service provider (service_provider): data: name, organization; channels: email consent, sms consent, phone consent, post until objection',
    );
    expect(text).toContain('  Commission (commission): service_provider');
    expect(okStdout(await ownerInFinnish('settings', 'show'))).toContain('post kunnes kieltää');
    const json = JSON.parse(okStdout(await owner('settings', 'show', '--json'))) as {
      groups: Array<{ key: string; marketingChannels: { post: string } | null }>;
    };
    expect(json.groups.find((group) => group.key === 'service_provider')?.marketingChannels?.post).toBe('optOut');
  });
});
