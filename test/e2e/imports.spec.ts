// Imports and exports through the UI: a Mailchimp subscribed file becomes persons with an email
// consent whose evidence names the opt-in; a Finnish Excel CSV (;, Windows-1252) with a broken
// row leaves the register unchanged when the user stops and imports the rest when they skip; the
// email mailing list is counted (a banned and a restricted person left out, the reasons counted)
// without making it, and downloads, audited, as CSV; the contacts table downloads as CSV.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { call, createPerson, logIn, openContacts, restrict } from './register-fixtures';
import type { TestHost } from './host/server';

const FIXTURES = join(process.cwd(), 'test/fixtures/imports');
const SUBSCRIBED = join(FIXTURES, 'mailchimp-2025/subscribed_email_audience_export_8c41d2e7f5.csv');

/** The broken Finnish Excel file as Excel writes it: ';', CRLF, Windows-1252 (no BOM). */
function brokenExcelCsv(): { name: string; mimeType: string; buffer: Buffer } {
  const text = readFileSync(join(FIXTURES, 'asiakkaat-rikki.csv'), 'utf8').replace(/^\uFEFF/, '');
  // Finnish letters (ä, ö, å) are the same bytes in Windows-1252 and Latin-1.
  return { name: 'asiakkaat-rikki.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'latin1') };
}

async function openImport(page: Page) {
  await openContacts(page);
  await page.getByRole('button', { name: 'Tuo tietoja' }).click();
  await expect(page.getByRole('heading', { name: 'Tuo tietoja', level: 1 })).toBeFocused();
}

async function personCount(host: TestHost): Promise<number> {
  return (await call<{ total: number }>(host, 'persons.search', { offset: 0, limit: 1 })).total;
}

test('a Mailchimp subscribed file imports through the UI as persons with an email consent whose evidence shows the opt-in', async ({
  page,
  host,
  existingRegister,
}) => {
  void existingRegister;
  await logIn(page, host);
  await openImport(page);
  await expectAccessible(page);
  await screenshot(page, 'import-empty');

  await page.locator('input[type=file]').setInputFiles(SUBSCRIBED);
  await expect(page.getByLabel('Tiedoston tyyppi')).toHaveValue('mailchimp');
  const preview = page.getByRole('region', { name: 'Esikatselu' });
  await expect(preview).toContainText('tilaajat (suostumus sähköpostiin)');
  await expect(preview.locator('.import-counts')).toContainText('Uusia henkilöitä2');
  await expect(page.getByRole('table', { name: 'Ensimmäiset rivit' })).toContainText('tiina.mustonen@hehkubusiness.fi');
  await expectAccessible(page);
  await screenshot(page, 'import-mailchimp-preview');

  await page.getByRole('button', { name: 'Tuo', exact: true }).click();
  const result = page.getByRole('region', { name: 'Tuonti valmis' });
  await expect(result).toContainText('Uusia henkilöitä 2');
  await expect(result).toContainText('suostumusmerkintöjä 2');
  await screenshot(page, 'import-mailchimp-done');
  expect(await personCount(host)).toBe(2);

  await result.getByRole('button', { name: 'Asiakkaisiin' }).click();
  await page.getByRole('searchbox', { name: 'Hae' }).fill('Mustonen');
  await page.getByRole('button', { name: 'Avaa henkilön Mustonen, Tiina tiedot' }).click();
  await expect(page.getByRole('heading', { name: 'Tiina Mustonen', level: 1 })).toBeVisible();
  await expect(page.getByText(/Mailchimp-uutiskirjeen tilaus: liittyi .*\(IP 85\.76\.34\.2\)/)).toBeVisible();

  // The import named the persons it created in one audit entry, found in her history too.
  await page.getByRole('link', { name: 'Näytä henkilön lokitiedot' }).click();
  await expect(page.getByRole('heading', { name: 'Lokitiedot', level: 1 })).toBeVisible();
  const created = page.getByRole('row').filter({ hasText: 'Henkilö lisättiin' });
  await expect(created).toHaveCount(1);
  await expect(created).toContainText('Henkilöt nro 1–2 (2 kpl)');
  await expectAccessible(page);
  await screenshot(page, 'import-audit-person');
});

test('a renamed Mailchimp file is told by its columns: the unsubscribe imports as a withdrawal and a ban', async ({
  page,
  host,
  existingRegister,
}) => {
  void existingRegister;
  await logIn(page, host);
  await openImport(page);
  const unsubscribed = join(FIXTURES, 'mailchimp-2025/unsubscribed_email_audience_export_8c41d2e7f5.csv');
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'peruneet.csv', mimeType: 'text/csv', buffer: readFileSync(unsubscribed) });
  await expect(page.getByLabel('Tiedoston tyyppi')).toHaveValue('mailchimp');
  const preview = page.getByRole('region', { name: 'Esikatselu' });
  await expect(preview).toContainText('peruneet.csv');
  await expect(preview).toContainText('tilauksen peruneet');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Tuo', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Tuonti valmis' })).toContainText('Uusia henkilöitä 1');
  const hanna = await call<{ rows: Array<{ id: number }> }>(host, 'persons.search', {
    text: 'Salo',
    offset: 0,
    limit: 1,
  });
  const detail = await call<{ consents: Record<string, { granted: boolean } | undefined> }>(host, 'persons.get', {
    id: hanna.rows[0]!.id,
  });
  expect(detail.consents.email?.granted).toBe(false);
  expect(detail.consents.ban_direct_marketing?.granted).toBe(true);
});

test('a Finnish Excel CSV with a broken row leaves the register unchanged when stopped, and imports the rest with the bad line reported when skipped', async ({
  page,
  host,
  existingRegister,
}) => {
  void existingRegister;
  await logIn(page, host);
  await openImport(page);
  await page.locator('input[type=file]').setInputFiles(brokenExcelCsv());
  const preview = page.getByRole('region', { name: 'Esikatselu' });
  await expect(preview).toContainText('erotin puolipiste (;)');
  await expect(page.getByLabel('Tiedoston tyyppi')).toHaveValue('csv');
  await expect(page.getByRole('combobox', { name: 'Sähköposti' })).toHaveValue('email');
  const problems = page.getByRole('region', { name: 'Ongelmat' });
  await expect(problems).toContainText('rivi 5');
  await expectAccessible(page);
  await screenshot(page, 'import-excel-preview');

  // Skipping bad rows is the default, with the counts on the button.
  await expect(page.getByLabel('Ohita virheelliset rivit ja tuo muut')).toBeChecked();
  await expect(page.getByRole('button', { name: /^Tuo \d+, ohita \d+$/ })).toBeVisible();

  // Keyboard: the bad-row choice and the import button are reachable and work without a mouse.
  await page.getByLabel('Keskeytä tuonti (rekisteri ei muutu)').check();
  await page.getByRole('button', { name: 'Tuo', exact: true }).focus();
  await page.keyboard.press('Enter');
  const stopped = page.getByRole('region', { name: 'Tuonti keskeytettiin' });
  await expect(stopped).toContainText('Rekisteriin ei tehty mitään muutoksia.');
  await expect(stopped).toContainText('Ohita virheelliset rivit');
  await expect(problems).toContainText('rivi 5');
  expect(await personCount(host)).toBe(0);
  await expectAccessible(page);
  await screenshot(page, 'import-excel-stopped');

  await page.getByLabel('Ohita virheelliset rivit ja tuo muut').check();
  await page.getByRole('button', { name: /^Tuo \d+, ohita \d+$/ }).click();
  const done = page.getByRole('region', { name: 'Tuonti valmis' });
  await expect(done).toContainText('Ohitetut rivit');
  await expect(done).toContainText('rivi 5');
  const created = await personCount(host);
  expect(created).toBeGreaterThan(0);
  await expect(done).toContainText(`Uusia henkilöitä ${created}`);

  // The new persons are told about the register as one batch, right on the result.
  const inform = page.getByRole('region', { name: 'Kerro uusille henkilöille rekisteröinnistä' });
  await expect(inform).toContainText(`${created} uutta henkilöä ei ole vielä informoitu`);
  await expectAccessible(page);
  await screenshot(page, 'import-excel-skipped');
  await inform.getByRole('button', { name: `Merkitse ${created} informoiduiksi` }).click();
  const dialog = page.getByRole('dialog', { name: 'Merkitse tuodut henkilöt informoiduiksi' });
  await expect(dialog.getByLabel('Miten kerroit')).toHaveValue('form');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Tallenna informointi' }).click();
  await expect(inform.getByRole('status')).toHaveText(`${created} henkilöä merkitty informoiduiksi.`);
  const notInformed = await call<{ total: number }>(host, 'persons.search', {
    filters: { notInformed: true },
    offset: 0,
    limit: 1,
  });
  expect(notInformed.total).toBe(0);
});

test('the email mailing list counts who is left out and why without making the list, and downloads (audited) as CSV; the contacts table downloads', async ({
  page,
  host,
  existingRegister,
}) => {
  void existingRegister;
  await logIn(page, host);
  const consenting = async (firstName: string, lastName: string) => {
    const email = `${lastName.toLowerCase().replace(/ä/g, 'a')}@example.fi`;
    const id = await createPerson(host, { firstName, lastName, email });
    await call(host, 'consents.record', {
      personId: id,
      changes: [{ subject: 'email', granted: true, method: 'form', evidence: 'Lomake 2025' }],
    });
    return id;
  };
  await consenting('Aino', 'Virtanen');
  await consenting('Helmi', 'Hämäläinen');
  const banned = await consenting('Eero', 'Korhonen');
  await call(host, 'consents.record', {
    personId: banned,
    changes: [{ subject: 'ban_direct_marketing', granted: true, method: 'email', evidence: 'Kielsi sähköpostilla' }],
  });
  const restricted = await consenting('Päivi', 'Laine');
  restrict(host, restricted);
  await createPerson(host, { firstName: 'Olli', lastName: 'Nieminen', email: 'olli@example.fi' });

  await openContacts(page);
  await page.getByRole('button', { name: 'Postituslista' }).click();
  await expect(page.getByRole('heading', { name: 'Postituslista', level: 1 })).toBeFocused();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Laske' }).click();
  const result = page.locator('.mailing-result');
  await expect(result).toContainText('Listalle pääsee 2.');
  await expect(result).toContainText('Pois jäi 3:');
  await expect(result).toContainText('suoramarkkinointikielto: 1');
  await expect(result).toContainText('käsittelyä rajoitettu: 1');
  await expect(result).toContainText('ei suostumusta tähän yhteystapaan: 1');
  await expectAccessible(page);
  await screenshot(page, 'mailing-list');
  // Counting makes no list: nothing is audited as an export until the file is downloaded.
  const exportsAudited = async () =>
    (await call<{ total: number }>(host, 'audit.query', { action: 'export.', offset: 0, limit: 1 })).total;
  expect(await exportsAudited()).toBe(0);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Lataa CSV (Mailchimp)' }).click(),
  ]);
  await expect(result).toContainText('Listalle pääsee 2.');
  expect(await exportsAudited()).toBe(1);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('virtanen@example.fi');
  expect(csv).toContain('hamalainen@example.fi');
  expect(csv).not.toContain('korhonen@example.fi');
  expect(csv).not.toContain('laine@example.fi');

  await openContacts(page);
  await page.getByRole('searchbox', { name: 'Hae' }).fill('Virtanen');
  await expect(page.getByText('1 henkilö', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'contacts-export');
  const [table] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
  const rows = readFileSync(await table.path(), 'utf8');
  expect(rows).toContain('Virtanen');
  expect(rows).not.toContain('Korhonen');
  // The columns shown by default, not the hidden ones (relationship kind, informed date).
  expect(rows.split('\r\n')[0]).toBe(
    '\uFEFFSukunimi;Etunimi;Sähköposti;Puhelin;Organisaatio;Paikkakunta;Tila;Viimeisin asiointi;Käsittely rajoitettu',
  );
  await expect(page.getByText(/Taulukko \(1 riviä\) ladattiin/)).toBeVisible();
});

test('a Google Forms file suggests consent questions in the mapping, and a conflict with the register is decided row by row', async ({
  page,
  host,
  existingRegister,
}) => {
  void existingRegister;
  await logIn(page, host);
  await createPerson(host, {
    firstName: 'Tiina',
    lastName: 'Mustonen',
    email: 'tiina.mustonen@hehkubusiness.fi',
    phone: '+358401112233',
  });

  await openImport(page);
  await page.locator('input[type=file]').setInputFiles(join(FIXTURES, 'ilmoittautuminen-kevatretriitti-2025.csv'));
  await expect(page.getByLabel('Tiedoston tyyppi')).toHaveValue('google-forms');
  const newsletter = page.getByRole('combobox', { name: 'Haluan vastaanottaa Hehkun uutiskirjeen sähköpostiini' });
  await expect(newsletter).toHaveValue('consent:email');
  // A checkbox question is recognised by its answers: each ticked channel gives its consent.
  const reminders = page.getByRole('combobox', { name: 'Miten saamme muistuttaa tulevista tapahtumista?' });
  await expect(reminders).toHaveValue('choices');
  await expect(reminders).toHaveAccessibleDescription(
    '”Sähköposti” rastittu → suostumus: Sähköposti; ”Tekstiviesti” rastittu → suostumus: Tekstiviesti',
  );
  await reminders.selectOption('ignore');
  await expect(reminders).toHaveValue('ignore');
  await reminders.selectOption('choices');
  await expect(reminders).toHaveValue('choices');
  await expect(page.getByRole('region', { name: 'Esikatselu' })).toContainText('Suostumusmerkintöjä');
  await expectAccessible(page);
  await screenshot(page, 'import-google-forms-preview');

  await page.getByRole('button', { name: 'Poista ilmoittautuminen-kevatretriitti-2025.csv' }).click();
  await page.locator('input[type=file]').setInputFiles(SUBSCRIBED);
  const conflicts = page.getByRole('region', { name: 'Ristiriidat' });
  await expect(conflicts).toContainText('Mustonen');
  await page.getByLabel('Valitsen jokaisen erikseen').check();
  const run = page.getByRole('button', { name: 'Tuo', exact: true });
  await expect(run).toBeDisabled();
  for (const choice of await conflicts.getByLabel('Tiedoston').all()) await choice.check();
  await expectAccessible(page);
  await screenshot(page, 'import-conflicts');
  await run.click();
  await expect(page.getByRole('region', { name: 'Tuonti valmis' })).toContainText('yhdistetty 1');
  const found = await call<{ rows: Array<{ phone: string | null }> }>(host, 'persons.search', {
    text: 'Mustonen',
    offset: 0,
    limit: 5,
  });
  expect(found.rows[0]?.phone).toBe('+3584578713579');
});

test('a large file shows how many rows are checked and saved while it imports', async ({
  page,
  host,
  existingRegister,
}) => {
  void existingRegister;
  const rows = 20_000;
  const lines = ['Etunimi;Sukunimi;Sähköposti;Paikkakunta'];
  for (let i = 1; i <= rows; i++) lines.push(`Asiakas${i};Suuri;asiakas${i}@example.fi;Tampere`);
  await logIn(page, host);
  await openImport(page);
  await page.locator('input[type=file]').setInputFiles({
    name: 'kaikki-asiakkaat.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}`, 'utf8'),
  });
  await expect(page.getByRole('region', { name: 'Esikatselu' })).toContainText(/20\s000 riviä/);

  await page.getByRole('button', { name: 'Tuo', exact: true }).click();
  const counts = page.locator('.import-progress-counts');
  await expect(counts).toHaveText(/^(Tarkistetaan rivejä|Tallennetaan rekisteriin): \d[\d\s]* \/ 20\s000 riviä$/);
  await expect(page.getByRole('progressbar', { name: 'Tuodaan… Älä sulje ikkunaa.' })).toBeVisible();
  await screenshot(page, 'import-progress');
  const done = page.getByRole('region', { name: 'Tuonti valmis' });
  await expect(done).toContainText(/Uusia henkilöitä 20\s000/, { timeout: 60_000 });
  await expect(counts).toBeHidden();
  expect(await personCount(host)).toBe(rows);
  await expectAccessible(page);
});

test('a file with hundreds of problems shows the first hundred and saves them all as a table', async ({
  page,
  host,
  existingRegister,
}) => {
  void existingRegister;
  const lines = ['Etunimi;Sukunimi;Sähköposti'];
  for (let i = 1; i <= 250; i++) lines.push(`Asiakas${i};Virheellinen;asiakas${i}@`);
  for (let i = 1; i <= 10; i++) lines.push(`Asiakas${i};Kunnossa;kunnossa${i}@example.fi`);
  await logIn(page, host);
  await openImport(page);
  await page.locator('input[type=file]').setInputFiles({
    name: 'rikki-250.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}`, 'utf8'),
  });
  const problems = page.getByRole('region', { name: 'Ongelmat' });
  await expect(problems).toContainText('Näytetään 100 ensimmäistä 250 ongelmasta.');
  await expect(problems.locator('.import-problem-kinds li')).toHaveText([
    'Sähköposti: Sähköpostiosoite ei kelpaa. Esimerkiksi nimi@esimerkki.fi. — 250 riviä, ensimmäinen rivillä 2 (rikki-250.csv)',
  ]);
  await expect(problems.locator('.import-problems li')).toHaveCount(100);
  await expectAccessible(page);
  await screenshot(page, 'import-many-problems');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    problems.getByRole('button', { name: 'Tallenna kaikki ongelmat (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('tuonnin-ongelmat.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  const rows = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(rows[0]).toBe('Tiedosto;Rivi;Sarake;Vakavuus;Ongelma');
  expect(rows).toHaveLength(251);
  expect(rows[250]).toMatch(/^rikki-250\.csv;251;Sähköposti;virhe;/);
  await expect(problems.getByRole('status')).toHaveText('Ongelmat tallennettiin tiedostoon tuonnin-ongelmat.csv.');
});

test('many conflicts are shown a page at a time, and a whole page can be decided at once', async ({
  page,
  host,
  existingRegister,
}) => {
  void existingRegister;
  const people = 30;
  const csv = (phone: (i: number) => string, city: string) => {
    const lines = ['Etunimi;Sukunimi;Sähköposti;Puhelin;Paikkakunta'];
    for (let i = 1; i <= people; i++) {
      lines.push(`Asiakas${i};Ristiriita;asiakas${i}@example.fi;${phone(i)};${city}`);
    }
    return Buffer.from(`\uFEFF${lines.join('\r\n')}`, 'utf8');
  };
  const four = (i: number) => String(i).padStart(4, '0');
  await logIn(page, host);
  await call(host, 'imports.run', {
    format: 'csv',
    files: [{ fileName: 'ensin.csv', base64: csv((i) => `040 100 ${four(i)}`, 'Tampere').toString('base64') }],
    badRows: 'stop',
    conflicts: 'keep_register',
  });
  await openImport(page);
  await page.locator('input[type=file]').setInputFiles({
    name: 'uudet-tiedot.csv',
    mimeType: 'text/csv',
    buffer: csv((i) => `050 200 ${four(i)}`, 'Turku'),
  });
  const conflicts = page.getByRole('region', { name: 'Ristiriidat' });
  const pager = conflicts.getByRole('navigation', { name: 'Ristiriitojen sivut' });
  await expect(pager).toContainText('Ristiriidat 1–25 / 60');
  await expect(conflicts.locator('tbody tr')).toHaveCount(25);
  // The rows are not "unchanged" while their conflicts wait for a choice.
  await expect(page.getByRole('region', { name: 'Esikatselu' }).locator('.import-counts')).toContainText(
    'Odottaa valintaasi ristiriidoissa30',
  );
  await expect(page.getByRole('table', { name: 'Ensimmäiset rivit' })).toContainText(
    'Ristiriita: valitse alla (sama sähköposti)',
  );

  await page.getByLabel('Valitsen jokaisen erikseen').check();
  const run = page.getByRole('button', { name: 'Tuo', exact: true });
  await expect(run).toBeDisabled();
  await expect(conflicts.getByRole('status')).toHaveText('Ratkaisematta 60');
  await conflicts.getByRole('button', { name: 'Ota tiedoston tiedot tällä sivulla' }).click();
  await expect(conflicts.getByRole('status')).toHaveText('Ratkaisematta 35');
  await expectAccessible(page);
  await screenshot(page, 'import-conflict-pages');

  // From the keyboard: the next page, and the register's values kept for all of it.
  await pager.getByRole('button', { name: 'Seuraavat →' }).focus();
  await page.keyboard.press('Enter');
  await expect(pager).toContainText('Ristiriidat 26–50 / 60');
  await conflicts.getByRole('button', { name: 'Pidä rekisterin tiedot tällä sivulla' }).focus();
  await page.keyboard.press('Enter');
  await expect(conflicts.getByRole('status')).toHaveText('Ratkaisematta 10');
  await pager.getByRole('button', { name: 'Seuraavat →' }).click();
  await expect(pager).toContainText('Ristiriidat 51–60 / 60');
  await expect(pager.getByRole('button', { name: 'Seuraavat →' })).toBeDisabled();
  for (const choice of await conflicts.getByLabel('Tiedoston').all()) await choice.check();
  await expect(conflicts.getByRole('status')).toHaveText('Kaikki ristiriidat on ratkaistu.');
  await run.click();
  // Two conflicts a person (phone, city): page 1 is persons 1-12 and person 13's phone, page 3
  // persons 26-30; those 18 change, the others keep what the register had.
  await expect(page.getByRole('region', { name: 'Tuonti valmis' })).toContainText('yhdistetty 18');

  // Page 1 took the file's values, page 2 kept the register's, page 3 took the file's.
  const phones = new Map(
    (
      await call<{ rows: Array<{ email: string | null; phone: string | null }> }>(host, 'persons.search', {
        text: 'Ristiriita',
        offset: 0,
        limit: 50,
      })
    ).rows.map((row) => [row.email, row.phone]),
  );
  expect(phones.get('asiakas1@example.fi')).toBe('+358502000001');
  expect(phones.get('asiakas13@example.fi')).toBe('+358502000013');
  expect(phones.get('asiakas20@example.fi')).toBe('+358401000020');
  expect(phones.get('asiakas30@example.fi')).toBe('+358502000030');
});
