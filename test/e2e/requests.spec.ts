// The request inbox: an access request from receipt to the data package on the "USB stick", an
// erasure refused in part because of an open invoice (with its certificate), deadline highlighting
// in the inbox and on the dashboard, and keyboard use.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { expect, expectAccessible, screenshot } from './fixtures';
import { test } from './owner-fixtures';
import {
  addUserWithOwnPassword,
  BOOKKEEPER,
  call,
  createPerson,
  isoDaysAgo,
  logInAsOtherUser,
  receiveRequest,
} from './register-fixtures';

test('an access request goes from receipt to a data package on the USB stick, then done with a reply letter', async ({
  page,
  host,
  usbDir,
}) => {
  await createPerson(host, { firstName: 'Helmi', lastName: 'Hämäläinen', email: 'helmi@example.fi' });
  await createPerson(host, { firstName: 'Helmi', lastName: 'Korhonen', email: 'helmi.korhonen@example.fi' });

  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Pyynnöt' }).click();
  await expect(page.getByRole('heading', { name: 'Rekisteröityjen pyynnöt', level: 1 })).toBeVisible();
  await expect(page.getByText('Ei avoimia pyyntöjä.')).toBeVisible();
  await page.getByRole('button', { name: 'Uusi pyyntö' }).click();

  const form = page.getByRole('form', { name: 'Uusi pyyntö' });
  await expect(form).toBeVisible();
  await page.getByLabel('Mitä henkilö pyytää').selectOption({ label: 'Tarkastus' });
  // A future date is refused before anything is sent.
  await page.getByLabel('Saapumispäivä').fill('1.1.2099');
  await page.getByLabel('Pyytäjän nimi').fill('Helmi Hämäläinen');
  await page.getByLabel('Pyytäjän yhteystieto').fill('helmi@example.fi');
  await page.getByLabel('Pyynnön sisältö').fill('Haluan nähdä, mitä tietoja minusta on asiakasrekisterissänne.');
  await page.getByLabel('Liitteet (esim. skannattu kirje)').setInputFiles({
    name: 'tarkastuspyynto.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% allekirjoitettu pyyntö\n'),
  });
  await expect(form.getByText('tarkastuspyynto.pdf')).toBeVisible();

  // Suggestions: the email and the name match Helmi Hämäläinen; only the name matches the other Helmi.
  const hamalainen = page.getByRole('listitem').filter({ hasText: 'Helmi Hämäläinen' });
  await expect(hamalainen).toContainText('Täsmää: sähköposti, nimi');
  await hamalainen.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Kirjaa pyyntö' }).click();
  await expect(page.getByText('Päivämäärä ei voi olla tulevaisuudessa.')).toBeVisible();
  await page.getByLabel('Saapumispäivä').fill(
    (() => {
      const [y, m, d] = isoDaysAgo(2).split('-');
      return `${Number(d)}.${Number(m)}.${y}`;
    })(),
  );
  // Identity can be confirmed on receipt; an emailed request is usually confirmed later.
  const identity = form.getByRole('group', { name: 'Miten henkilöllisyys vahvistettiin' });
  await expect(identity.getByRole('radio', { name: 'Vahvistan myöhemmin' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: /allekirjoitettu/i })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, '30-request-new');
  await page.getByRole('button', { name: 'Kirjaa pyyntö' }).click();

  // The request view: deadline, facts, the attachment, and the next step.
  await expect(page.getByRole('heading', { name: 'Tarkastus: Helmi Hämäläinen', level: 1 })).toBeVisible();
  await expect(page.getByText(/Vastattava viimeistään/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Käsittelyn vaiheet' })).toContainText('Vastaanotettu');
  await expect(page.getByRole('button', { name: 'Lataa liite tarkastuspyynto.pdf' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Helmi Hämäläinen' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '31-request-received');

  // Keyboard: the main action is the first Tab stop after the title; Enter opens it and submits.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const verify = page.getByRole('button', { name: 'Vahvista henkilöllisyys' });
  await page.keyboard.press('Tab');
  await expect(verify).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Vahvista henkilöllisyys' });
  await expect(dialog).toBeVisible();
  // An emailed access request: the email from the registered address is enough, no signature.
  const means = dialog.getByRole('group', { name: 'Miten henkilöllisyys vahvistettiin' });
  await expect(means.getByRole('radio', { name: 'Tavattiin, henkilöllisyystodistus tarkistettu' })).toBeFocused();
  await expect(dialog.getByText(/allekirjoitettu pyyntö|on oltava allekirjoitettu/i)).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('Valitse, miten henkilöllisyys vahvistettiin.');
  await page.keyboard.press('ArrowDown');
  await expect(means.getByRole('radio', { name: 'Sähköposti rekisterissä olevasta osoitteesta' })).toBeChecked();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, '31b-request-verify-dialog');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Henkilöllisyys vahvistettu.' })).toBeVisible();
  await expect(
    page.getByText(/Vahvistettu .* \(Aino Mäkinen\): Sähköposti rekisterissä olevasta osoitteesta/),
  ).toBeVisible();

  // The scanned letter comes back as it was sent.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Lataa liite tarkastuspyynto.pdf' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('tarkastuspyynto.pdf');
  expect(readFileSync((await download.path())!).toString()).toContain('allekirjoitettu pyyntö');
  await page.getByRole('button', { name: 'Aloita käsittely' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Käsittely aloitettu.' })).toBeVisible();
  // The order of the steps is spelt out, and the letter is named for what it is while open.
  await expect(
    page.getByText('1. Kirjoita tietopaketti (alla). 2. Merkitse pyyntö valmiiksi. 3. Tallenna'),
  ).toBeVisible();
  const letters = page.getByRole('region', { name: 'Kirjeet' });
  await expect(letters.getByRole('heading', { name: 'Vastaanottoilmoitus' })).toBeVisible();
  await expect(letters.getByRole('heading', { name: 'Vastauskirje' })).toHaveCount(0);
  await expect(letters.getByTestId('reply-letter-note')).toContainText(
    'Vastauskirje tulee tähän, kun pyyntö on merkitty',
  );

  // Marking it done before the package is written is refused, with a message that says why.
  await page.getByRole('button', { name: 'Merkitse valmiiksi' }).click();
  const complete = page.getByRole('dialog', { name: 'Merkitäänkö pyyntö valmiiksi?' });
  await complete.getByRole('button', { name: 'Merkitse valmiiksi' }).click();
  await expect(complete.getByRole('alert')).toContainText('Kirjoita ensin henkilön tiedot tiedostoon');
  await complete.getByRole('button', { name: 'Peruuta' }).click();

  // The package: a weak password is refused before main is asked; without one, plain files.
  const pkg = page.getByRole('region', { name: 'Tietopaketti' });
  await pkg.getByLabel('Salasana (valinnainen)').fill('helmi1234');
  await pkg.getByRole('button', { name: 'Kirjoita tietopaketti' }).click();
  await expect(pkg.getByText(/Salasana on liian heikko/)).toBeVisible();
  expect(readdirSync(usbDir)).toEqual([]);
  await pkg.getByLabel('Salasana (valinnainen)').fill('');
  await pkg.getByRole('button', { name: 'Kirjoita tietopaketti' }).click();
  await expect(pkg.getByRole('status')).toContainText('Kirjoitettu kansioon');
  const [folder, ...others] = readdirSync(usbDir);
  expect(others).toEqual([]);
  expect(folder).toMatch(/^kaappi-subject-/);
  const files = readdirSync(join(usbDir, folder!));
  expect(files).toEqual(expect.arrayContaining(['data.json', 'raportti.pdf', 'raportti.html', 'SHA256SUMS']));
  const data: unknown = JSON.parse(readFileSync(join(usbDir, folder!, 'data.json'), 'utf8'));
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(
    JSON.parse(readFileSync('resources/subject-package.schema.json', 'utf8')),
  );
  expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  // The PDF opens (pdftoppm renders its first page) and names the person.
  const pdf = join(usbDir, folder!, 'raportti.pdf');
  const pages = mkdtempSync(join(tmpdir(), 'kaappi-pages-'));
  execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', pdf, join(pages, 'page')]);
  expect(readdirSync(pages).some((f) => f.endsWith('.png'))).toBe(true);
  rmSync(pages, { recursive: true });
  expect(execFileSync('pdftotext', [pdf, '-']).toString()).toContain('Helmi Hämäläinen');
  await expect(pkg.getByRole('status')).toContainText(folder!);
  await expect(pkg.getByRole('cell', { name: 'data.json' })).toBeVisible();
  await expect(pkg.getByRole('cell', { name: 'raportti.pdf' })).toBeVisible();
  await screenshot(page, '32-request-package-written');

  await page.getByRole('button', { name: 'Merkitse valmiiksi' }).click();
  await complete.getByRole('button', { name: 'Merkitse valmiiksi' }).click();
  await expect(page.getByRole('region', { name: 'Lopputulos' })).toContainText('Pyyntö on toteutettu.');
  await expect(page.locator('.request-head')).toContainText('Valmis');

  // The reply letter: previewed, then saved as HTML and PDF. (axe runs before the preview: it
  // cannot inject into a frame sandboxed without scripts, which is what keeps the letter inert.)
  await expectAccessible(page);
  await expect(letters.getByRole('heading', { name: 'Vastauskirje' })).toBeVisible();
  await expect(letters.getByTestId('reply-letter-note')).toHaveText(
    'Lähetä tämä henkilölle vastauksena yhdessä tietopaketin kanssa.',
  );
  await letters.getByRole('button', { name: 'Näytä kirje' }).click();
  const preview = page.getByRole('dialog', { name: 'Vastauskirje' });
  await expect(preview.frameLocator('iframe[title="Esikatselu: Vastauskirje"]').locator('body')).toContainText(
    'Olemme käsitelleet tarkastuspyyntönne',
  );
  await screenshot(page, '33-request-reply-letter');
  await preview.getByRole('button', { name: 'Tallenna kirje' }).click();
  await expect(preview.getByRole('status')).toContainText('kaappi-pyynto-1-vastaus.pdf');
  expect(readdirSync(usbDir)).toEqual(
    expect.arrayContaining(['kaappi-pyynto-1-vastaus.html', 'kaappi-pyynto-1-vastaus.pdf']),
  );
  await preview.getByRole('button', { name: 'Sulje' }).click();
  await expect(preview).toBeHidden();
});

test('an erasure for a person with an open invoice is refused in part, with the reason', async ({ page, host }) => {
  const id = await createPerson(host, {
    firstName: 'Väinö',
    lastName: 'Järvinen',
    email: 'vaino@example.fi',
    phone: '+358401234567',
    notes: 'Niska jumissa',
  });
  await call(host, 'orders.add', {
    personId: id,
    orderedOn: isoDaysAgo(20),
    description: 'Hieronta 60 min',
    amountCents: 6500,
    invoiceStatus: 'open',
  });

  // From the person's view: the person is already chosen and the requester filled in.
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Asiakkaat' }).click();
  await page.getByRole('button', { name: 'Avaa henkilön Järvinen, Väinö tiedot' }).click();
  await page.locator('#requests').getByRole('button', { name: 'Uusi pyyntö' }).click();
  await expect(page.getByLabel('Pyytäjän nimi')).toHaveValue('Väinö Järvinen');
  await expect(page.getByRole('checkbox', { name: /Väinö Järvinen/ })).toBeChecked();
  await page.getByLabel('Mitä henkilö pyytää').selectOption({ label: 'Poisto' });
  // Asked in person: identity confirmed on receipt, so the request starts out verified.
  await page.getByLabel('Miten pyyntö saapui').selectOption({ label: 'Henkilökohtaisesti' });
  await page.getByRole('radio', { name: 'Tavattiin, henkilöllisyystodistus tarkistettu' }).check();
  await page.getByRole('button', { name: 'Kirjaa pyyntö' }).click();

  await expect(page.getByRole('heading', { name: 'Poisto: Väinö Järvinen', level: 1 })).toBeVisible();
  await expect(page.getByText(/Vahvistettu .*: Tavattiin, henkilöllisyystodistus tarkistettu/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Vahvista henkilöllisyys' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Aloita käsittely' }).click();
  await page.getByRole('button', { name: 'Merkitse valmiiksi' }).click();
  const complete = page.getByRole('dialog', { name: 'Merkitäänkö pyyntö valmiiksi?' });
  await expect(complete).toContainText('Henkilön tiedot poistetaan pysyvästi, ellei laillinen este estä.');
  await expectAccessible(page);
  await screenshot(page, '34-request-erasure-confirm');
  await complete.getByRole('button', { name: 'Poista tiedot' }).click();

  const outcome = page.getByRole('region', { name: 'Lopputulos' });
  await expect(page.locator('.request-head')).toContainText('Hylätty osittain');
  await expect(outcome).toContainText('Henkilöllä on avoin lasku');
  await expect(outcome).toContainText('Osa pyynnöstä toteutettiin');
  await expectAccessible(page);
  await screenshot(page, '35-request-erasure-refused');

  // The written certificate names the reason and the Data Protection Ombudsman.
  await page.getByRole('region', { name: 'Kirjeet' }).getByRole('button', { name: 'Näytä todistus' }).click();
  const certificate = page
    .getByRole('dialog', { name: 'Kirjallinen todistus' })
    .frameLocator('iframe[title="Esikatselu: Kirjallinen todistus"]')
    .locator('body');
  await expect(certificate).toContainText('Kirjallinen todistus pyynnön epäämisestä');
  await expect(certificate).toContainText('Henkilöllä on avoin lasku');
  await expect(certificate).toContainText('Tietosuojavaltuutetun toimisto');
  await expect(certificate).toContainText('tietosuoja@om.fi');
  await screenshot(page, '36-request-certificate');
  await page.getByRole('dialog').getByRole('button', { name: 'Sulje' }).click();

  // What billing does not need is gone and the rest is restricted (marked beside the name on the
  // request too); the restriction can be lifted.
  await expect(page.getByRole('region', { name: 'Ketä pyyntö koskee' }).getByRole('listitem')).toContainText(
    'Rajoitettu',
  );
  await page.getByRole('link', { name: 'Väinö Järvinen' }).click();
  await expect(page.getByRole('heading', { name: 'Väinö Järvinen', level: 1 })).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: 'Käsittely on rajoitettu' })).toBeVisible();
  await expect(page.locator('#facts')).not.toContainText('Niska jumissa');
  await expect(page.locator('#requests')).toContainText('Poisto');
  await page.getByRole('button', { name: 'Poista rajoitus' }).click();
  await page
    .getByRole('dialog', { name: 'Poistetaanko käsittelyn rajoitus?' })
    .getByRole('button', { name: 'Poista rajoitus' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Rajoitus poistettu.' })).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: 'Käsittely on rajoitettu' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Muokkaa tietoja' })).toBeEnabled();
});

test('overdue and nearly due requests stand out in the inbox and on the dashboard', async ({ page, host }) => {
  const eero = await createPerson(host, { firstName: 'Eero', lastName: 'Laine', email: 'eero@example.fi' });
  const kaisa = await createPerson(host, { firstName: 'Kaisa', lastName: 'Nieminen', email: 'kaisa@example.fi' });
  const olli = await createPerson(host, { firstName: 'Olli', lastName: 'Koskinen', email: 'olli@example.fi' });
  await receiveRequest(host, { personIds: [eero], requesterName: 'Eero Laine', receivedOn: isoDaysAgo(40) });
  await receiveRequest(host, {
    personIds: [kaisa],
    type: 'rectification',
    requesterName: 'Kaisa Nieminen',
    receivedOn: isoDaysAgo(26),
  });
  await receiveRequest(host, {
    personIds: [olli],
    type: 'ban_direct_marketing',
    requesterName: 'Olli Koskinen',
    receivedOn: isoDaysAgo(1),
  });

  // The dashboard loaded before the seeding: go away and back so it counts again.
  const menu = page.getByRole('navigation', { name: 'Päävalikko' });
  await menu.getByRole('link', { name: 'Asiakkaat' }).click();
  await menu.getByRole('link', { name: 'Etusivu' }).click();
  await expect(page.getByTestId('request-counts')).toHaveText(
    '3 avointa pyyntöä, 1 myöhässä, 1 erääntyy 7 päivän sisällä',
  );
  await expect(page.getByRole('region', { name: /Pyynnöt/ })).toContainText('Myöhässä');
  await screenshot(page, '37-home-requests');
  await page.getByRole('button', { name: 'Avaa pyynnöt' }).click();

  const rows = page.getByRole('table', { name: 'Rekisteröityjen pyynnöt' }).getByRole('row');
  await expect(rows).toHaveCount(4);
  // Most urgent first, each marked in words as well as colour.
  await expect(rows.nth(1)).toContainText('Eero Laine');
  await expect(rows.nth(1)).toContainText('Myöhässä');
  await expect(rows.nth(1)).toContainText(/päivää myöhässä/);
  await expect(rows.nth(2)).toContainText('Kaisa Nieminen');
  await expect(rows.nth(2)).toContainText('Erääntyy pian');
  await expect(rows.nth(3)).toContainText('Olli Koskinen');
  await expect(rows.nth(3)).not.toContainText(/Myöhässä|Erääntyy pian/);
  await expectAccessible(page);
  await screenshot(page, '38-requests-inbox');

  await page.getByRole('radio', { name: 'Myöhässä' }).check();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Eero Laine');
  await page.getByRole('radio', { name: 'Avoimet' }).check();

  // Extending the nearly due one (the person was told today) takes it off the urgent list.
  await page.getByRole('button', { name: 'Avaa pyyntö: Oikaisu, Kaisa Nieminen' }).click();
  await expect(page.getByText('Erääntyy pian', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Jatka määräaikaa' }).click();
  const extend = page.getByRole('dialog', { name: 'Jatka määräaikaa' });
  await extend.getByLabel('Syy jatkoon').fill('Muutokset on tarkistettava kirjanpitotoimistolta.');
  await extend.getByRole('button', { name: 'Jatka määräaikaa' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Määräaikaa jatkettu .* asti\./ })).toBeVisible();
  await expect(page.getByText('Erääntyy pian', { exact: true })).toHaveCount(0);
  await expect(page.getByText(/Määräaikaa jatkettu \(alun perin/)).toContainText('kirjanpitotoimistolta');
});

test('a rectification is entered as a diff, applied on completion, and its source marked told', async ({
  page,
  host,
}) => {
  const kaisa = await createPerson(host, {
    firstName: 'Kaisa',
    lastName: 'Nieminen',
    email: 'kaisa@example.fi',
    phone: '+358401112233',
    city: 'Oulu',
  });
  const id = await receiveRequest(host, {
    personIds: [kaisa],
    type: 'rectification',
    requesterName: 'Kaisa Heikkinen',
    requesterContact: 'kaisa@example.fi',
    body: 'Sukunimeni on nykyään Heikkinen ja asun Tampereella.',
  });
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Pyynnöt' }).click();
  await page.getByRole('button', { name: 'Avaa pyyntö: Oikaisu, Kaisa Heikkinen' }).click();
  await expect(page.getByRole('heading', { name: 'Oikaisu: Kaisa Heikkinen', level: 1 })).toBeVisible();

  // The requested values go in beside the current ones; a bad one is caught on the field.
  const changes = page.getByRole('region', { name: 'Pyydetyt muutokset' });
  await changes.getByRole('textbox', { name: 'Pyydetty uusi arvo Sukunimi' }).fill('Heikkinen');
  await changes.getByRole('textbox', { name: 'Pyydetty uusi arvo Postitoimipaikka' }).fill('Tampere');
  await changes.getByRole('textbox', { name: 'Pyydetty uusi arvo Sähköposti' }).fill('kaisa@');
  await changes.getByRole('button', { name: 'Tallenna muutokset' }).click();
  await expect(changes.getByRole('alert').filter({ hasText: 'Tarkista merkityt kentät.' })).toBeVisible();
  await changes.getByRole('textbox', { name: 'Pyydetty uusi arvo Sähköposti' }).fill('kaisa@example.fi');
  await changes.getByRole('button', { name: 'Tallenna muutokset' }).click();
  await expect(changes.getByRole('status')).toHaveText('Muutokset tallennettu.');
  const diff = changes.getByRole('table', { name: 'Muutokset' });
  await expect(diff.getByRole('row')).toHaveCount(3);
  await expect(diff.getByRole('row', { name: /Sukunimi/ })).toContainText('Nieminen');
  await expect(diff.getByRole('row', { name: /Sukunimi/ })).toContainText('Heikkinen');
  await expect(diff.getByRole('row', { name: /Postitoimipaikka/ })).toContainText('Tampere');
  await expectAccessible(page);
  await screenshot(page, '39-request-rectification');

  await page.getByRole('button', { name: 'Vahvista henkilöllisyys' }).click();
  const verify = page.getByRole('dialog', { name: 'Vahvista henkilöllisyys' });
  // Another way needs a note saying what was done; without one nothing changes.
  await verify.getByRole('radio', { name: 'Muu tapa' }).check();
  await verify.getByRole('button', { name: 'Vahvista' }).click();
  await expect(verify.getByRole('alert')).toHaveText('Kirjoita, miten henkilöllisyys vahvistettiin.');
  await expect(verify.getByLabel('Lisätiedot')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await screenshot(page, '39b-request-verify-other');
  await verify.getByLabel('Lisätiedot').fill('Tuttu asiakas, tunnistettu vastaanotolla');
  await verify.getByRole('button', { name: 'Vahvista' }).click();
  await expect(page.getByText(/: Muu tapa – Tuttu asiakas, tunnistettu vastaanotolla/)).toBeVisible();
  await page.getByRole('button', { name: 'Aloita käsittely' }).click();
  await page.getByRole('button', { name: 'Merkitse valmiiksi' }).click();
  const complete = page.getByRole('dialog', { name: 'Merkitäänkö pyyntö valmiiksi?' });
  await expect(complete.getByRole('table', { name: 'Muutokset' })).toContainText('Heikkinen');
  await complete.getByRole('button', { name: 'Merkitse valmiiksi' }).click();
  await expect(page.getByRole('region', { name: 'Lopputulos' })).toContainText('Pyyntö on toteutettu.');
  await expect(page.getByRole('table', { name: 'Tehdyt muutokset' })).toContainText('Heikkinen');

  const person = await call<{ person: { lastName: string; city: string } }>(host, 'persons.get', { id: kaisa });
  expect(person.person).toMatchObject({ lastName: 'Heikkinen', city: 'Tampere' });

  // The source the data came from is to be told (Art. 19); marking it told records the day.
  const recipients = page.getByRole('region', { name: 'Kenelle on kerrottava' });
  await expect(recipients).toContainText('Ajanvarausjärjestelmä');
  await recipients.getByRole('button', { name: 'Merkitse kerrotuksi: Ajanvarausjärjestelmä' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Merkitse kerrotuksi' }).click();
  await expect(recipients).toContainText(/Kerrottu \d+\.\d+\.\d{4}/);
  await screenshot(page, '40-request-rectification-done');
  void id;
});

test('an objection records the chosen bans; the owner fills in the controller details', async ({ page, host }) => {
  const olli = await createPerson(host, { firstName: 'Olli', lastName: 'Koskinen', email: 'olli@example.fi' });
  await receiveRequest(host, { personIds: [olli], type: 'objection', requesterName: 'Olli Koskinen' });

  // The controller details the letters are filled from, on the dashboard.
  const menu = page.getByRole('navigation', { name: 'Päävalikko' });
  await menu.getByRole('link', { name: 'Asiakkaat' }).click();
  await menu.getByRole('link', { name: 'Etusivu' }).click();
  await expect(page.getByRole('region', { name: 'Rekisterinpitäjän tiedot' })).toContainText('Tiedot puuttuvat');
  await page.getByRole('button', { name: 'Muokkaa rekisterinpitäjän tietoja' }).click();
  const profile = page.getByRole('form', { name: 'Rekisterinpitäjän tiedot' });
  await profile.getByLabel('Nimi tai toiminimi').fill('Hieronta Mäkinen');
  await profile.getByLabel('Y-tunnus').fill('1234567-8');
  await profile.getByRole('button', { name: 'Tallenna' }).click();
  await expect(profile.getByText('Tarkista Y-tunnus (muodossa 1234567-8).')).toBeVisible();
  await profile.getByLabel('Y-tunnus').fill('1572860-0');
  await profile.getByLabel('Postitoimipaikka').first().fill('Jyväskylä');
  await profile.getByRole('button', { name: 'Tallenna' }).click();
  await expect(profile.getByRole('status')).toHaveText('Tallennettu.');
  await expectAccessible(page);
  await screenshot(page, '41-register-profile');
  // The supervisory authority, prefilled, is the next setup step.
  await page.getByRole('button', { name: 'Seuraava: Yhteyshenkilö →' }).click();
  await expect(page.getByLabel('Nimi suomeksi', { exact: true })).toHaveValue('Tietosuojavaltuutetun toimisto');
  await menu.getByRole('link', { name: 'Etusivu' }).click();
  await expect(page.getByRole('region', { name: 'Rekisterinpitäjän tiedot' })).toContainText(
    'Hieronta Mäkinen · 1572860-0 · Jyväskylä',
  );

  await menu.getByRole('link', { name: 'Pyynnöt' }).click();
  await page.getByRole('button', { name: 'Avaa pyyntö: Vastustaminen, Olli Koskinen' }).click();
  const bans = page.getByRole('form', { name: 'Mitä henkilö vastustaa' });
  await expect(bans.getByRole('checkbox', { name: 'Suoramarkkinointikielto' })).toBeChecked();
  await expect(bans.getByRole('checkbox', { name: 'Profilointikielto' })).toBeChecked();
  await bans.getByRole('checkbox', { name: 'Markkina- ja mielipidetutkimuskielto' }).check();
  await bans.getByRole('button', { name: 'Tallenna valinta' }).click();
  await expect(bans.getByRole('status')).toHaveText('Valinta tallennettu.');
  await page.getByRole('button', { name: 'Vahvista henkilöllisyys' }).click();
  const verify = page.getByRole('dialog', { name: 'Vahvista henkilöllisyys' });
  await verify.getByRole('radio', { name: 'Sähköposti rekisterissä olevasta osoitteesta' }).check();
  await verify.getByRole('button', { name: 'Vahvista' }).click();
  await page.getByRole('button', { name: 'Aloita käsittely' }).click();
  await page.getByRole('button', { name: 'Merkitse valmiiksi' }).click();
  await expect(page.getByRole('dialog')).toContainText(
    'Henkilölle kirjataan kiellot: Suoramarkkinointikielto, Profilointikielto, Markkina- ja mielipidetutkimuskielto.',
  );
  await page.getByRole('dialog').getByRole('button', { name: 'Merkitse valmiiksi' }).click();
  await expect(page.getByRole('region', { name: 'Lopputulos' })).toContainText(
    'Kirjatut kiellot: Suoramarkkinointikielto, Profilointikielto, Markkina- ja mielipidetutkimuskielto',
  );
  await page.getByRole('link', { name: 'Olli Koskinen' }).click();
  await expect(page.locator('#consents')).toContainText('Markkina- ja mielipidetutkimuskielto');
  await expect(page.locator('#requests')).toContainText('Vastustaminen');
  await screenshot(page, '42-person-with-requests');
});

test('a request without a person gets one chosen later; the inbox works by keyboard and in English', async ({
  page,
  host,
}) => {
  await createPerson(host, { firstName: 'Päivi', lastName: 'Hämäläinen', phone: '+358405556677' });
  // Asked by phone by someone whose name the register does not know (a guardian, say).
  await receiveRequest(host, {
    personIds: [],
    type: 'restriction',
    channel: 'phone',
    requesterName: 'Tiina Laine',
    requesterContact: '040 999 8888',
  });
  const menu = page.getByRole('navigation', { name: 'Päävalikko' });
  await menu.getByRole('link', { name: 'Pyynnöt' }).click();
  await expect(page.getByRole('row', { name: /Tiina Laine/ })).toContainText('ei valittu');

  // Keyboard: from "New request" past the filter to the first row, and Enter opens it.
  await page.getByRole('button', { name: 'Uusi pyyntö' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'Avoimet' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Myöhässä' })).toBeChecked();
  await expect(page.getByText('Ei myöhässä olevia pyyntöjä.')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: 'Avoimet' })).toBeChecked();
  // The open requests load after the filter changes: Tab once the row is there (a race otherwise).
  const firstRow = page.getByRole('button', { name: 'Avaa pyyntö: Käsittelyn rajoittaminen, Tiina Laine' });
  await expect(firstRow).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(firstRow).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Käsittelyn rajoittaminen: Tiina Laine', level: 1 })).toBeVisible();
  await expect(page.getByText(/^Valitse ensin, ketä rekisterissä pyyntö koskee, ja vahvista/)).toBeVisible();
  await page.getByRole('button', { name: 'Valitse henkilöt' }).click();
  const choose = page.getByRole('dialog', { name: 'Ketä pyyntö koskee' });
  await choose.getByLabel('Etsi rekisteristä').fill('040 555 6677');
  const suggestion = choose.getByRole('listitem').filter({ hasText: 'Päivi Hämäläinen' });
  await expect(suggestion).toContainText('Täsmää: puhelin');
  await suggestion.getByRole('checkbox').check();
  await expectAccessible(page);
  await choose.getByRole('button', { name: 'Tallenna' }).click();
  await expect(choose).toBeHidden();
  await expect(page.getByRole('region', { name: 'Ketä pyyntö koskee' }).getByRole('link')).toHaveText(
    'Päivi Hämäläinen',
  );

  // The same view in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Restriction of processing: Tiina Laine', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Confirm identity' })).toBeVisible();
  await expect(page.getByText(/Answer by .* days left/)).toBeVisible();
  await screenshot(page, '43-request-english');
  await page.getByRole('button', { name: 'Suomi' }).click();
});

test('a read-only user sees the inbox and a request but is offered no steps', async ({ page, host }) => {
  const eero = await createPerson(host, { firstName: 'Eero', lastName: 'Laine', email: 'eero@example.fi' });
  await receiveRequest(host, { personIds: [eero], requesterName: 'Eero Laine', receivedOn: isoDaysAgo(40) });
  await addUserWithOwnPassword(host, BOOKKEEPER);
  await page.getByRole('button', { name: 'Lukitse' }).click();
  await logInAsOtherUser(page, BOOKKEEPER);

  await expect(page.getByTestId('request-counts')).toHaveText(
    '1 avoin pyyntö, 1 myöhässä, 0 erääntyy 7 päivän sisällä',
  );
  await page.getByRole('button', { name: 'Avaa pyynnöt' }).click();
  await expect(page.getByRole('button', { name: 'Uusi pyyntö' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Avaa pyyntö: Tarkastus, Eero Laine' }).click();
  await expect(page.getByText('Sinulla on lukuoikeus: voit katsoa pyyntöä mutta et käsitellä sitä.')).toBeVisible();
  for (const name of ['Vahvista henkilöllisyys', 'Jatka määräaikaa', 'Hylkää', 'Muuta henkilöitä', 'Näytä kirje']) {
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  }
  await expectAccessible(page);
});
