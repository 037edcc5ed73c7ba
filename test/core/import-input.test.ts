// What an import refuses at the door, against real encrypted registers: cells with control or
// bidi characters (as the contract refuses them in a form), and spreadsheets that unpack too large.
import { BlobWriter, Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { previewImport, runImport, type ImportDecisions, type ImportFile } from '../../src-main/core/imports';
import { MAX_XLSX_UNPACKED_BYTES } from '../../src-main/core/imports/vocabulary';
import { checkXlsxSize } from '../../src-main/core/imports/xlsx-size';
import { organizations, persons } from '../../src-main/db/schema-register';
import { registerForThisTest } from '../fixtures/for-this-test';
import { customerXlsx } from '../fixtures/xlsx';

const STOP: ImportDecisions = { badRows: 'stop', conflicts: 'choose' };
const SKIP: ImportDecisions = { badRows: 'skip', conflicts: 'choose' };

async function register() {
  return (await registerForThisTest()).register;
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

describe('a phone number with an extension in an import', () => {
  it('makes a bad row naming the column, rather than a number stored without its extension', async () => {
    const r = await register();
    const file = csv('asiakkaat.csv', [
      'Nimi;Puhelin',
      'Aino Mäkinen;040 123 4567 ext 99',
      'Eino Lahtinen;040 765 4321',
    ]);
    const outcome = await runImport(r, { format: 'csv', files: [file] }, SKIP, 'fi');
    expect(outcome).toMatchObject({ status: 'imported', counts: { created: 1, badRows: 1 } });
    expect(outcome.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [2, 'Puhelin', expect.stringMatching(/^Puhelin: Puhelinnumeroon ei voi tallentaa alanumeroa/)],
    ]);
    expect(r.db.select({ phone: persons.phone }).from(persons).all()).toEqual([{ phone: '+358407654321' }]);
  });
});

describe('a spreadsheet that unpacks too large', () => {
  const MB = 1024 * 1024;
  // 80 MB of notes in one cell, 0.2 MB on disk. Read as it was, it took read-excel-file about a
  // minute and half a gigabyte before its parser ran out of stack.
  let bomb: ImportFile;
  beforeAll(async () => {
    bomb = { fileName: 'asiakkaat.xlsx', bytes: await customerXlsx(80 * MB) };
  });

  it('is refused in a moment and with little memory, said in Finnish and English, changing nothing', async () => {
    expect(bomb.bytes.byteLength).toBeLessThan(MB);
    const r = await register();
    const peakBefore = process.resourceUsage().maxRSS;
    const started = performance.now();
    const fi = await previewImport(r, { format: 'csv', files: [bomb] }, 'fi');
    expect(performance.now() - started).toBeLessThan(2000);
    expect((process.resourceUsage().maxRSS - peakBefore) / 1024).toBeLessThan(40);
    expect(fi.problems).toEqual([
      expect.objectContaining({
        fileName: 'asiakkaat.xlsx',
        code: 'unreadable_file',
        message:
          'Tiedostoa ei voi lukea: Excel-tiedosto purkautuisi yli 64 Mt:n kokoiseksi. Tallenna se CSV-muodossa tai jaa se pienempiin osiin.',
      }),
    ]);
    const en = await runImport(r, { format: 'csv', files: [bomb] }, STOP, 'en');
    expect(en).toMatchObject({ status: 'stopped', stoppedBecause: 'file_problems' });
    expect(en.problems[0]!.message).toBe(
      'The file cannot be read: the Excel file would unpack to more than 64 MB. Save it as CSV or split it into smaller files.',
    );
    expect(r.db.select().from(persons).all()).toHaveLength(0);
  });

  it('is refused inside a zip too, though the zip itself is within its own limit', async () => {
    const writer = new ZipWriter(new BlobWriter('application/zip'), { useWebWorkers: false });
    await writer.add('vienti/asiakkaat.xlsx', new Uint8ArrayReader(bomb.bytes));
    const zipped = new Uint8Array(await (await writer.close()).arrayBuffer());
    const r = await register();
    const preview = await previewImport(r, { format: 'csv', files: [{ fileName: 'vienti.zip', bytes: zipped }] }, 'en');
    expect(preview.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^The file cannot be read: the Excel file would unpack to more than 64 MB/),
    ]);
  });

  it('refuses a sheet that inflates to more than the zip declares for it, before read-excel-file sees it', async () => {
    const lying = await customerXlsx(8 * MB, { sheetDeclares: 4096 });
    await expect(checkXlsxSize('asiakkaat.xlsx', lying)).rejects.toMatchObject({
      name: 'UnreadableFileError',
      reason: 'damaged_xlsx',
    });
  });

  it('lets through a sheet that declares its size truly, however near the limit, and reads it', async () => {
    const r = await register();
    const near = { fileName: 'asiakkaat.xlsx', bytes: await customerXlsx(MAX_XLSX_UNPACKED_BYTES - 2 * MB) };
    await expect(checkXlsxSize(near.fileName, near.bytes)).resolves.toBeUndefined();
    const small = { fileName: 'asiakkaat.xlsx', bytes: await customerXlsx(40) };
    const outcome = await runImport(r, { format: 'csv', files: [small] }, STOP, 'fi');
    expect(outcome).toMatchObject({ status: 'imported', counts: { created: 1 } });
    expect(r.db.select().from(persons).get()).toMatchObject({
      firstName: 'Aino',
      notes: expect.stringMatching(/^Soittaa/),
    });
  });
});
