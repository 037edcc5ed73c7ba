// The kaappi command never lets register data drive the terminal: a name with a title escape
// sequence or a bidi override, written into a register before the contract refused them (here
// straight through core, past the contract), is printed with those characters written out.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrganization } from '../../src-main/core/organizations';
import { createPerson } from '../../src-main/core/persons';
import { users } from '../../src-main/db/schema';
import { organization, person } from '../fixtures/people';
import { OWNER } from '../fixtures/register';
import { commandAs, foldersForThisFile, okStdout, registerOnDisk } from './cli-register';
import { writableDb } from '../fixtures/writable';

const TITLE = '\u001b]0;Kaappi: kaikki poistettu\u0007';
const FIRST = `Aino${TITLE}`;
const LAST = 'Mäki\u202enen\u009b2J';
const NOTES = 'Soita iltaisin\nklo 17\u001b[31m';

const newFolder = foldersForThisFile('kaappi-cli-terminal-');

async function registerWithUnsafeNames() {
  let id = 0;
  const path = await registerOnDisk(newFolder(), {
    fill: (register) => {
      const org = createOrganization(register, organization({ name: 'Hehku\u2066 Oy\u2069' }));
      id = createPerson(register, person({ firstName: FIRST, lastName: LAST, notes: NOTES }), {
        organizationId: org.id,
      }).id;
      writableDb(register)
        .update(users)
        .set({ displayName: 'Aino\r\nroot  owner' })
        .where(eq(users.username, OWNER.username))
        .run();
    },
  });
  return { owner: commandAs(path, OWNER), id: String(id) };
}

/** No C0 control but line feed, no DEL, C1 control or bidi embedding, override or isolate. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

describe.concurrent('what kaappi prints', () => {
  it('a table shows the characters written out, each person on one line', async () => {
    const { owner } = await registerWithUnsafeNames();
    const table = okStdout(await owner('contacts', 'list'));
    expect(table).not.toMatch(UNSAFE);
    expect(table).toContain('Aino\\u{1b}]0;Kaappi: kaikki poistettu\\u{7} Mäki\\u{202e}nen\\u{9b}2J');
    expect(table).toContain('Hehku\\u{2066} Oy\\u{2069}');
    expect(table.trimEnd().split('\n')).toHaveLength(2);

    const usersTable = okStdout(await owner('users', 'list'));
    expect(usersTable).toContain('Aino\\u{d}\\u{a}root  owner');
    expect(usersTable.trimEnd().split('\n')).toHaveLength(2);
  });

  it('one person shown as lines has them written out in the heading and every value', async () => {
    const { owner, id } = await registerWithUnsafeNames();
    const shown = okStdout(await owner('contacts', 'show', id));
    expect(shown).not.toMatch(UNSAFE);
    expect(shown.split('\n')[0]).toBe(
      `Aino\\u{1b}]0;Kaappi: kaikki poistettu\\u{7} Mäki\\u{202e}nen\\u{9b}2J (id ${id})`,
    );
  });

  it('JSON for scripts stays valid and parses back to exactly what the register holds', async () => {
    const { owner, id } = await registerWithUnsafeNames();
    const text = okStdout(await owner('contacts', 'show', id, '--json'));
    expect(text).not.toMatch(UNSAFE);
    expect(JSON.parse(text)).toMatchObject({ firstName: FIRST, lastName: LAST, notes: NOTES });
    const list = okStdout(await owner('contacts', 'list', '--json'));
    expect(list).not.toMatch(UNSAFE);
    expect(JSON.parse(list)).toMatchObject([
      { firstName: FIRST, lastName: LAST, organization: 'Hehku\u2066 Oy\u2069' },
    ]);
  });

  it('a name given on the command line with such a character is refused, the reason in the user’s language', async () => {
    const { owner } = await registerWithUnsafeNames();
    const run = await owner('contacts', 'add', '--first-name', FIRST, '--last-name', 'Mäkinen');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^kaappi: --first-name: The field contains a line break, tab, other control character/);
    expect(run.stderr).not.toMatch(UNSAFE);
  });
});
