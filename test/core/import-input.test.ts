// What an import refuses at the door, against real encrypted registers: cells with control or
// bidi characters (as the contract refuses them in a form), and spreadsheets that unpack too large.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { previewImport, runImport, type ImportDecisions, type ImportFile } from '../../src-main/core/imports';
import { organizations, persons } from '../../src-main/db/schema-register';
import { newRegister } from '../fixtures/register';

const STOP: ImportDecisions = { badRows: 'stop', conflicts: 'choose' };
const SKIP: ImportDecisions = { badRows: 'skip', conflicts: 'choose' };

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function register() {
  const created = await newRegister();
  cleanups.push(() => {
    created.register.close();
    created.cleanup();
  });
  return created.register;
}

const csv = (fileName: string, lines: string[]): ImportFile => ({
  fileName,
  bytes: new TextEncoder().encode(`${lines.join('\r\n')}\r\n`),
});

describe('control and bidi characters in an import', () => {
  // A terminal title sequence in a name, a right-to-left override in an organization, a bell in a
  // tag; the last row is clean and its notes keep their tab and line break.
  const file = csv('asiakkaat.csv', [
    'Etunimi;Sukunimi;Sähköposti;Organisaatio;Kiinnostukset;Lisätiedot',
    '"Aino\u001b]0;hacked\u0007";Mäkinen;aino@example.fi;;;',
    'Eino;Lahtinen;eino@example.fi;Kuntosali \u202eyO;;',
    'Helmi;Kärkkäinen;helmi@example.fi;;jooga\u0007;',
    'Väinö;Virtanen;vaino@example.fi;;;"Soita iltaisin\t(klo 17-20)\nei viikonloppuisin"',
  ]);

  it('a row with one is a bad row naming its column, in Finnish and English, and stopping changes nothing', async () => {
    const r = await register();
    const before = r.db.select().from(persons).all().length;
    const fi = await runImport(r, { format: 'csv', files: [file] }, STOP, 'fi');
    expect(fi).toMatchObject({ status: 'stopped', stoppedBecause: 'bad_rows', counts: { badRows: 3 } });
    expect(fi.problems.map((p) => [p.line, p.code, p.column])).toEqual([
      [2, 'invalid_value', 'Etunimi'],
      [3, 'invalid_value', 'Organisaatio'],
      [4, 'invalid_value', 'Kiinnostukset'],
    ]);
    expect(fi.problems[0]!.message).toMatch(/^Etunimi: Kentässä on rivinvaihto, sarkain, muu ohjausmerkki/);
    expect(r.db.select().from(persons).all()).toHaveLength(before);
    expect(r.db.select().from(organizations).all()).toHaveLength(0);

    const en = await previewImport(r, { format: 'csv', files: [file] }, 'en');
    expect(en.problems[1]!.message).toMatch(/^Organisaatio: The field contains a line break, tab, other control/);
  });

  it('skipping imports only the clean row, its notes with their tab and line break', async () => {
    const r = await register();
    const outcome = await runImport(r, { format: 'csv', files: [file] }, SKIP, 'en');
    expect(outcome).toMatchObject({ status: 'imported', counts: { created: 1, badRows: 3, interests: 0 } });
    const stored = r.db.select().from(persons).all();
    expect(stored.map((p) => [p.firstName, p.notes])).toEqual([
      ['Väinö', 'Soita iltaisin\t(klo 17-20)\nei viikonloppuisin'],
    ]);
    expect(r.db.select().from(organizations).all()).toHaveLength(0);
  });

  it('a header with one is shown with the character written out, and its column still maps', async () => {
    const r = await register();
    const headed = csv('lomake.csv', ['Etunimi;Sukunimi;Sähköposti;Huom\u001b[2J', 'Aino;Mäkinen;aino@example.fi;x']);
    const preview = await previewImport(r, { format: 'csv', files: [headed] }, 'fi');
    expect(preview.files[0]!.headers).toEqual(['Etunimi', 'Sukunimi', 'Sähköposti', 'Huom\\u{1b}[2J']);
    const outcome = await runImport(
      r,
      { format: 'csv', files: [headed], mapping: { 'Huom\\u{1b}[2J': 'notes' } },
      STOP,
      'fi',
    );
    expect(outcome.status).toBe('imported');
    expect(r.db.select().from(persons).where(eq(persons.firstName, 'Aino')).get()?.notes).toBe('x');
  });
});
