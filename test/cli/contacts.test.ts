import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src-main/core/audit';
import { findOrganizations } from '../../src-main/core/organizations';
import type { UnlockedRegister } from '../../src-main/core/register';
import { OWNER, READER } from '../fixtures/register';
import { commandAs, foldersForThisFile, okStdout, readAsOwner, registerOnDisk } from './cli-register';
import type { CliRun } from './run-cli';

const newFolder = foldersForThisFile('kaappi-cli-contacts-');

/** A register with its owner (and a read-only user), made in-process; the CLI then opens it. */
async function newCliRegister() {
  const path = await registerOnDisk(newFolder(), { users: [READER] });
  return {
    owner: commandAs(path, OWNER),
    ownerInFinnish: commandAs(path, OWNER, { KAAPPI_LANG: 'fi' }),
    reader: commandAs(path, READER),
    inspect: <T>(look: (register: UnlockedRegister) => T) => readAsOwner(path, look),
  };
}

const newId = (run: CliRun) => {
  const stdout = okStdout(run);
  expect(stdout).toMatch(/^\d+\n$/);
  return stdout.trim();
};

interface ShownPerson {
  id: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  city: string | null;
  postalCode: string | null;
  jobTitle: string | null;
  kindKey: string;
  status: string;
  employments: Array<{ organizationId: number; organizationName: string; endedOn: string | null }>;
  consents: Record<string, unknown>;
}
const shown = (run: CliRun) => JSON.parse(okStdout(run)) as ShownPerson;
const listed = (run: CliRun) => JSON.parse(okStdout(run)) as Array<Record<string, unknown>>;

const actions = (register: Parameters<typeof listAudit>[0]) => listAudit(register, 1000).map((row) => row.action);

describe.concurrent('kaappi contacts', () => {
  it('adds a person typed the Finnish way, stores the phone in E.164, prints only the id, and audits like the app', async () => {
    const { owner, inspect } = await newCliRegister();
    const id = newId(
      await owner(
        'contacts',
        'add',
        '--first-name',
        'Aino',
        '--last-name',
        'Mäkinen',
        '--phone',
        '040 123 4567',
        '--email',
        'aino.makinen@example.fi',
        '--postal-code',
        '40100',
        '--city',
        'Jyväskylä',
        '--kind',
        'prospect',
      ),
    );

    const person = shown(await owner('contacts', 'show', id, '--json'));
    expect(person).toMatchObject({
      id: Number(id),
      firstName: 'Aino',
      lastName: 'Mäkinen',
      phone: '+358401234567',
      email: 'aino.makinen@example.fi',
      postalCode: '40100',
      kindKey: 'prospect',
      status: 'active',
      employments: [],
    });
    expect(person.consents).toMatchObject({ email: null, ban_direct_marketing: null });

    const text = okStdout(await owner('contacts', 'show', id));
    expect(text).toMatch(/^Aino Mäkinen \(id \d+\)\n/);
    expect(text).toMatch(/Phone:\s+040 1234567\n/);

    const trail = await inspect((register) =>
      listAudit(register.db, 100)
        .filter((row) => row.targetType === 'person' && row.targetId === id)
        .map((row) => row.action),
    );
    expect(trail).toEqual(['person.viewed', 'person.viewed', 'person.created']);
  });

  it('refuses a bad phone with exit 1 and one line naming the option and the reason, and adds nobody', async () => {
    const { owner, ownerInFinnish } = await newCliRegister();
    const add = ['contacts', 'add', '--first-name', 'Eero', '--last-name', 'Jääskeläinen', '--phone', '040 12'];
    const english = await owner(...add);
    expect(english).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'kaappi: --phone: Not a valid phone number. For example 040 123 4567 or +358 40 123 4567.\n',
    });
    const finnish = await ownerInFinnish(...add, '--postal-code', '4010');
    expect(finnish.code).toBe(1);
    expect(finnish.stderr).toMatch(/^kaappi: --phone: Puhelinnumero ei kelpaa\.[^\n]*\n$/);

    const postal = await owner('contacts', 'add', '--first-name', 'Eero', '--last-name', 'J', '--postal-code', '4010');
    expect(postal).toMatchObject({
      code: 1,
      stderr: 'kaappi: --postal-code: A Finnish postal code has five digits.\n',
    });
    expect(listed(await owner('contacts', 'list', '--json'))).toEqual([]);
  });

  it('updates a person found by email in any letter case, and refuses an email nobody has', async () => {
    const { owner, inspect } = await newCliRegister();
    const id = newId(
      await owner(
        'contacts',
        'add',
        '--first-name',
        'Aino',
        '--last-name',
        'Mäkinen',
        '--email',
        'Aino.Makinen@Example.fi',
      ),
    );
    const updated = await owner(
      'contacts',
      'update',
      'AINO.MAKINEN@EXAMPLE.FI',
      '--city',
      'Oulu',
      '--postal-code',
      '90100',
      '--phone',
      '+358 50 765 4321',
      '--job-title',
      'Henkilöstöpäällikkö',
    );
    expect(okStdout(updated)).toBe(`Saved person ${id}.\n`);
    expect(shown(await owner('contacts', 'show', 'aino.makinen@example.fi', '--json'))).toMatchObject({
      id: Number(id),
      city: 'Oulu',
      postalCode: '90100',
      phone: '+358507654321',
      jobTitle: 'Henkilöstöpäällikkö',
    });
    // An empty value clears a field, as an emptied form field does.
    okStdout(await owner('contacts', 'update', id, '--job-title', ''));
    expect(shown(await owner('contacts', 'show', id, '--json')).jobTitle).toBeNull();

    const nobody = await owner('contacts', 'update', 'aino@example.fi', '--city', 'Oulu');
    expect(nobody).toMatchObject({ code: 1, stderr: 'kaappi: That person is not in the register.\n' });
    const updates = await inspect((register) =>
      listAudit(register.db, 100).filter((row) => row.action === 'person.updated'),
    );
    expect(updates.map((row) => JSON.parse(row.details) as unknown)).toEqual([
      { fields: 'jobTitle', customerActivity: false },
      { fields: 'jobTitle,phone,postalCode,city', customerActivity: false },
    ]);
  });

  it('lists persons as JSON and as a table, and --search makinen finds Mäkinen', async () => {
    const { owner } = await newCliRegister();
    newId(await owner('contacts', 'add', '--first-name', 'Aino', '--last-name', 'Mäkinen', '--phone', '040 123 4567'));
    newId(await owner('contacts', 'add', '--first-name', 'Eero', '--last-name', 'Jääskeläinen', '--city', 'Oulu'));

    const found = listed(await owner('contacts', 'list', '--search', 'makinen', '--json'));
    expect(found).toEqual([
      expect.objectContaining({
        id: expect.any(Number),
        firstName: 'Aino',
        lastName: 'Mäkinen',
        email: null,
        phone: '+358401234567',
        status: 'active',
      }),
    ]);
    expect(listed(await owner('contacts', 'list', '--json')).map((p) => p.lastName)).toEqual([
      'Jääskeläinen',
      'Mäkinen',
    ]);

    const table = okStdout(await owner('contacts', 'list'));
    expect(table).toMatch(/^NAME\s+EMAIL\s+PHONE\s+ORGANIZATION\s+STATUS\n/);
    expect(table).toMatch(/\nAino Mäkinen\s+040 1234567\s+active\n/);
    const limited = okStdout(await owner('contacts', 'list', '--limit', '1'));
    expect(limited).toContain('Eero Jääskeläinen');
    expect(limited).not.toContain('Mäkinen');
    expect(limited).toMatch(/Showing 1 of 2\.\n$/);
    expect(okStdout(await owner('contacts', 'list', '--search', 'virtanen'))).toBe('No persons found.\n');
  });

  it('creates the --organization named once, then reuses it by name', async () => {
    const { owner, inspect } = await newCliRegister();
    const add = (first: string, ...more: string[]) =>
      owner('contacts', 'add', '--first-name', first, '--last-name', 'Virtanen', ...more);
    const aino = newId(await add('Aino', '--organization', 'Hehku Wellness Oy', '--email', 'aino@hehku.fi'));
    const eero = newId(await add('Eero', '--organization', 'Hehku Wellness Oy', '--job-title', 'Hieroja'));
    const ainoAt = shown(await owner('contacts', 'show', aino, '--json')).employments;
    const eeroAt = shown(await owner('contacts', 'show', eero, '--json')).employments;
    expect(ainoAt).toMatchObject([{ organizationName: 'Hehku Wellness Oy', endedOn: null }]);
    expect(eeroAt).toMatchObject([
      { organizationId: ainoAt[0]!.organizationId, organizationName: 'Hehku Wellness Oy' },
    ]);
    expect(okStdout(await owner('contacts', 'list'))).toMatch(/\nEero Virtanen\s+Hehku Wellness Oy\s+active\n/);

    // A person refused (the email is taken) leaves no new organization behind.
    const refused = await add('Toinen', '--organization', 'Kehobalanssi Oy', '--email', 'AINO@hehku.fi');
    expect(refused).toMatchObject({
      code: 1,
      stderr: 'kaappi: Another person in the register already has that email address.\n',
    });
    const { organizations, created } = await inspect((register) => ({
      organizations: findOrganizations(register, '', 100).map((o) => o.name),
      created: actions(register.db).filter((action) => action === 'organization.created').length,
    }));
    expect(organizations).toEqual(['Hehku Wellness Oy']);
    expect(created).toBe(1);
  });

  it('exits 2 for an unknown option or a missing person, and 1 when a read-only user tries to add', async () => {
    const { owner, reader } = await newCliRegister();
    const unknown = await owner('contacts', 'add', '--first-name', 'Aino', '--last-name', 'Mäkinen', '--hetu', 'x');
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/^kaappi: unknown option '--hetu'\nUsage: kaappi contacts add /);
    const missing = await owner('contacts', 'show');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^kaappi: missing argument ID\|EMAIL\n/);

    const refused = await reader('contacts', 'add', '--first-name', 'Aino', '--last-name', 'Mäkinen');
    expect(refused).toMatchObject({ code: 1, stdout: '', stderr: 'kaappi: You are not allowed to do this.\n' });
    expect(listed(await reader('contacts', 'list', '--json'))).toEqual([]);
  });
});
