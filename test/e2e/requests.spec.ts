// The request inbox: an access request from receipt to the data package on the "USB stick", an
// erasure refused in part because of an open invoice (with its certificate), deadline highlighting
// in the inbox and on the dashboard, and keyboard use.
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { call, createPerson, isoDaysAgo, logIn, receiveRequest } from './register-fixtures';

test('an access request is recorded, verified by keyboard, started, and cannot be closed before the package', async ({
  page,
  host,
  existingRegister,
}) => {
  void existingRegister;
  await logIn(page, host);
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
  await page.getByLabel('Pyyntö on allekirjoitettu').check();
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
  await expect(dialog.getByLabel('Miten henkilöllisyys vahvistettiin')).toBeFocused();
  await page.keyboard.type('Allekirjoitus verrattu asiakaskorttiin');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Henkilöllisyys vahvistettu.' })).toBeVisible();
  await expect(page.getByText(/Vahvistettu .* \(Aino Mäkinen\): Allekirjoitus verrattu asiakaskorttiin/)).toBeVisible();

  await page.getByRole('button', { name: 'Aloita käsittely' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Käsittely aloitettu.' })).toBeVisible();
  await expect(page.getByText('Kirjoita tietopaketti, lähetä se henkilölle')).toBeVisible();

  // Marking it done before the package is written is refused, with a message that says why.
  await page.getByRole('button', { name: 'Merkitse valmiiksi' }).click();
  const complete = page.getByRole('dialog', { name: 'Merkitäänkö pyyntö valmiiksi?' });
  await complete.getByRole('button', { name: 'Merkitse valmiiksi' }).click();
  await expect(complete.getByRole('alert')).toContainText('Kirjoita ensin henkilön tiedot tiedostoon');
  await complete.getByRole('button', { name: 'Peruuta' }).click();
  await screenshot(page, '32-request-in-progress');
});

test('an erasure for a person with an open invoice is refused in part, with the reason', async ({
  page,
  host,
  existingRegister,
}) => {
  void existingRegister;
  await logIn(page, host);
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
  await page.getByRole('button', { name: 'Kirjaa pyyntö' }).click();

  await expect(page.getByRole('heading', { name: 'Poisto: Väinö Järvinen', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Vahvista henkilöllisyys' }).click();
  const verify = page.getByRole('dialog', { name: 'Vahvista henkilöllisyys' });
  await verify.getByLabel('Miten henkilöllisyys vahvistettiin').fill('Soitettu asiakkaan tunnettuun numeroon');
  await verify.getByRole('button', { name: 'Vahvista' }).click();
  await page.getByRole('button', { name: 'Aloita käsittely' }).click();
  await page.getByRole('button', { name: 'Merkitse valmiiksi' }).click();
  const complete = page.getByRole('dialog', { name: 'Merkitäänkö pyyntö valmiiksi?' });
  await expect(complete).toContainText('Henkilön tiedot poistetaan pysyvästi, ellei laillinen este estä.');
  await expectAccessible(page);
  await screenshot(page, '33-request-erasure-confirm');
  await complete.getByRole('button', { name: 'Poista tiedot' }).click();

  const outcome = page.getByRole('region', { name: 'Lopputulos' });
  await expect(page.locator('.request-head')).toContainText('Hylätty osittain');
  await expect(outcome).toContainText('Henkilöllä on avoin lasku');
  await expect(outcome).toContainText('Osa pyynnöstä toteutettiin');
  await expectAccessible(page);
  await screenshot(page, '34-request-erasure-refused');

  // What billing does not need is gone and the rest is restricted; the restriction can be lifted.
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

test('overdue and nearly due requests stand out in the inbox and on the dashboard', async ({
  page,
  host,
  existingRegister,
}) => {
  void existingRegister;
  await logIn(page, host);
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
  await screenshot(page, '35-home-requests');
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
  await screenshot(page, '36-requests-inbox');

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
