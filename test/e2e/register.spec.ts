// The register's main path from the UI: create (after field errors), edit, create an organization
// and move the person there, passivate, consent then a direct-marketing ban, search, a saved
// view and a bulk action — all through the real handlers.
import { expect, expectAccessible, screenshot } from './fixtures';
import { test } from './owner-fixtures';
import { call, declareData, openContacts } from './register-fixtures';

const today = new Intl.DateTimeFormat('fi-FI').format(new Date());

test('a person is created, edited, moved, passivated, given consent and a ban, and found again', async ({
  page,
  host,
}) => {
  // The notice lists job titles, so the form offers the field (it keeps to what the notice lists).
  await declareData(host, 'jobTitle');
  await openContacts(page);
  await expect(page.getByText('Rekisterissä ei ole vielä henkilöitä.', { exact: false })).toBeVisible();

  // Create: bad phone and postal code first, with Finnish field errors from the contract's schema.
  await page.getByRole('button', { name: 'Uusi henkilö' }).click();
  await expect(page.getByRole('heading', { name: 'Uusi henkilö' })).toBeVisible();
  await page.getByLabel('Etunimi').fill('Aino');
  await page.getByLabel('Sukunimi').fill('Mäkinen');
  await page.getByLabel('Puhelin').fill('12');
  await page.getByLabel('Postinumero').fill('123');
  await page.getByRole('button', { name: 'Lisää henkilö' }).click();
  await expect(page.getByText('Puhelinnumero ei kelpaa. Esimerkiksi 040 123 4567 tai +358 40 123 4567.')).toBeVisible();
  await expect(page.getByText('Suomalainen postinumero on viisi numeroa.')).toBeVisible();
  await expect(page.getByLabel('Puhelin')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Puhelin')).toBeFocused();
  expect(await call<{ total: number }>(host, 'persons.search', { offset: 0, limit: 1 })).toMatchObject({ total: 0 });
  await expectAccessible(page);
  await screenshot(page, '10-person-form-errors');

  await page.getByLabel('Puhelin').fill('040 123 4567');
  await page.getByLabel('Postinumero').fill('40100');
  await page.getByLabel('Postitoimipaikka').fill('Jyväskylä');
  await page.getByLabel('Sähköposti').fill('aino.makinen@example.fi');
  await page.getByRole('button', { name: 'Lisää henkilö' }).click();

  await expect(page.getByRole('heading', { name: 'Aino Mäkinen', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: '040 1234567' })).toBeVisible();
  await expect(page.getByText('Aktiivinen', { exact: true }).first()).toBeVisible();

  // Edit, as a change the customer reported.
  await page.getByRole('button', { name: 'Muokkaa tietoja' }).click();
  await expect(page.getByRole('heading', { name: 'Muokkaa: Aino Mäkinen' })).toBeVisible();
  await expect(page.getByLabel('Puhelin')).toHaveValue('040 1234567');
  await page.getByLabel('Työnimike').fill('Henkilöstöpäällikkö');
  await page.getByLabel('Asiakkaan ilmoittama muutos').check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await expect(page.getByRole('heading', { name: 'Aino Mäkinen', level: 1 })).toBeVisible();
  await expect(page.locator('#facts').getByText('Henkilöstöpäällikkö')).toBeVisible();

  // Move to a new employer that does not exist yet: create it from the picker.
  await page.getByRole('button', { name: 'Siirrä uuteen työpaikkaan' }).click();
  const move = page.getByRole('dialog', { name: 'Siirrä uuteen työpaikkaan' });
  await move.getByRole('button', { name: 'Lisää uusi organisaatio' }).click();
  const newOrganization = page.getByRole('dialog', { name: 'Uusi organisaatio' });
  await newOrganization.getByLabel('Nimi').fill('Hehku Wellness Oy');
  await newOrganization.getByLabel('Y-tunnus').fill('2900263-3');
  await newOrganization.getByRole('button', { name: 'Lisää organisaatio' }).click();
  await expect(newOrganization.getByText('Y-tunnus ei kelpaa', { exact: false })).toBeVisible();
  await newOrganization.getByLabel('Y-tunnus').fill('2900263-2');
  await newOrganization.getByLabel('Postitoimipaikka').fill('Jyväskylä');
  await newOrganization.getByRole('button', { name: 'Lisää organisaatio' }).click();
  await expect(newOrganization).toBeHidden();
  await expect(move.getByRole('combobox', { name: 'Organisaatio' })).toHaveValue('Hehku Wellness Oy');
  await expect(move.getByLabel('Tehtävänimike')).toHaveValue('Henkilöstöpäällikkö');
  await expectAccessible(page);
  await screenshot(page, '18-move-dialog');
  await move.getByRole('button', { name: 'Siirrä uuteen työpaikkaan' }).click();
  await expect(move).toBeHidden();
  const employment = page.locator('#employment');
  await expect(employment.getByRole('link', { name: 'Hehku Wellness Oy' })).toBeVisible();
  await expect(employment.getByText('Nykyinen')).toBeVisible();

  // The organization view lists her; back to her from there.
  await employment.getByRole('link', { name: 'Hehku Wellness Oy' }).click();
  await expect(page.getByRole('heading', { name: 'Hehku Wellness Oy', level: 1 })).toBeVisible();
  await expect(page.getByText('2900263-2')).toBeVisible();
  await page.getByRole('button', { name: 'Muokkaa organisaatiota' }).click();
  await page.getByLabel('Puhelin').fill('014 123 4567');
  await page.getByLabel('Verkkosivut').fill('www.hehkuwellness.fi');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tallennettu.' })).toBeVisible();
  await expect(page.getByRole('link', { name: '014 1234567' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'www.hehkuwellness.fi' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '11-organization');
  await page.getByRole('link', { name: 'Mäkinen, Aino' }).click();
  await expect(page.getByRole('heading', { name: 'Aino Mäkinen', level: 1 })).toBeVisible();

  // Passivate: she left the client company.
  await page.locator('#relationship').getByRole('button', { name: 'Passivoi' }).click();
  const passivate = page.getByRole('dialog', { name: 'Passivoi henkilö' });
  await passivate.getByRole('button', { name: 'Passivoi' }).click();
  await expect(passivate).toBeHidden();
  await expect(page.locator('#relationship').getByText(`passivoitu ${today}`)).toBeVisible();
  await expect(employment.getByText('Päättynyt', { exact: true })).toBeVisible();

  // Email consent: how and on what evidence are required.
  const emailSwitch = page.getByRole('switch', { name: 'Sähköposti' });
  await expect(emailSwitch).toHaveAttribute('aria-checked', 'false');
  await emailSwitch.click();
  const consent = page.getByRole('dialog', { name: 'Sähköposti: kirjaa suostumus' });
  await consent.getByRole('button', { name: 'Tallenna' }).click();
  await expect(consent.getByText('Pakollinen tieto.')).toHaveCount(2);
  await consent.getByLabel('Miten suostumus annettiin').selectOption({ label: 'Lomakkeella' });
  await consent.getByLabel('Peruste tai todiste').fill('Uutiskirjeen tilauslomake: ”Haluan sähköpostia Hehkulta.”');
  await expectAccessible(page);
  await screenshot(page, '19-consent-dialog');
  await consent.getByRole('button', { name: 'Tallenna' }).click();
  await expect(consent).toBeHidden();
  await expect(emailSwitch).toHaveAttribute('aria-checked', 'true');

  // A direct-marketing ban overrides it, visibly.
  await page.getByRole('switch', { name: 'Suoramarkkinointikielto' }).click();
  const ban = page.getByRole('dialog', { name: 'Suoramarkkinointikielto: kirjaa kielto' });
  await ban.getByLabel('Miten henkilö ilmoitti').selectOption({ label: 'Puhelimessa' });
  await ban.getByLabel('Peruste tai todiste').fill('Soitti ja kielsi kaiken markkinoinnin.');
  await ban.getByRole('button', { name: 'Tallenna' }).click();
  await expect(ban).toBeHidden();
  await expect(page.getByText('Suoramarkkinointikielto on voimassa: kanavasuostumuksia ei käytetä.')).toBeVisible();
  await expect(page.locator('#consents').getByText('estetty kiellolla')).toBeVisible();
  const history = page.getByRole('list', { name: 'Suostumushistoria' }).getByRole('listitem');
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText('Suoramarkkinointikielto: kielto asetettu');
  await expect(history.nth(0)).toContainText('Puhelimessa');
  await expect(history.nth(1)).toContainText('Sähköposti: annettu');
  await expect(history.nth(1)).toContainText('Haluan sähköpostia Hehkulta.');
  await expect(history.nth(1)).toContainText('kirjasi Aino Mäkinen');
  const trail = page.getByRole('table', { name: 'Tapahtumaloki' });
  await expect(trail.getByText('Suostumus tai kielto kirjattiin')).toHaveCount(2);
  await expect(trail.getByText('Passivoitiin')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '12-person-view');

  // Search without the umlaut finds her.
  await openContacts(page);
  await page.getByLabel('Hae', { exact: true }).fill('makinen');
  await expect(page.getByRole('status').filter({ hasText: /^1 henkilö$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Avaa henkilön Mäkinen, Aino tiedot' })).toBeVisible();
  await page.getByLabel('Hae', { exact: true }).fill('');

  // Built-in views: she is passive only since today, and was never informed.
  const view = page.getByLabel('Näkymä');
  await view.selectOption({ label: 'Passiiviset yli 4 vuotta' });
  await expect(page.getByText('Ei hakua vastaavia henkilöitä.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Rajaukset:' })).toContainText('Passivoitu yli 4 vuotta sitten');
  await view.selectOption({ label: 'Ei informoitu' });
  await expect(page.getByRole('button', { name: 'Avaa henkilön Mäkinen, Aino tiedot' })).toBeVisible();

  // Save it as the user's own view; it is offered from the register afterwards.
  await page.getByRole('button', { name: 'Tallenna näkymä' }).click();
  const save = page.getByRole('dialog', { name: 'Tallenna nykyinen näkymä' });
  await save.getByLabel('Näkymän nimi').fill('Informoitavat');
  await save.getByRole('button', { name: 'Tallenna' }).click();
  await expect(page.getByText('Näkymä ”Informoitavat” tallennettu.')).toBeVisible();
  expect(await call<Array<{ name: string }>>(host, 'views.list', {})).toEqual([
    expect.objectContaining({ name: 'Informoitavat', filters: { notInformed: true } }),
  ]);
  await view.selectOption({ label: 'Kaikki henkilöt' });
  await view.selectOption({ label: 'Informoitavat' });
  await expect(page.getByRole('list', { name: 'Rajaukset:' })).toContainText('Ei informoitu');
  await page.getByRole('button', { name: 'Poista näkymä' }).click();
  await expect(page.getByText('Näkymä ”Informoitavat” poistettu.')).toBeVisible();
  expect(await call(host, 'views.list', {})).toEqual([]);
  await expect(page.getByRole('list', { name: 'Rajaukset:' })).toContainText('Ei informoitu');

  // Bulk action on the selected row.
  await page.getByRole('checkbox', { name: 'Valitse Mäkinen, Aino' }).check();
  const bulk = page.getByRole('region', { name: 'Toiminnot valituille' });
  await expect(bulk).toContainText('1 valittu');
  await expectAccessible(page);
  await screenshot(page, '20-contacts-bulk');
  await bulk.getByRole('button', { name: 'Lisää kiinnostus' }).click();
  const tag = page.getByRole('dialog', { name: 'Lisää kiinnostus 1 henkilölle' });
  await tag.getByLabel('Kiinnostus').fill('hieronta');
  await tag.getByRole('button', { name: 'Lisää kiinnostus' }).click();
  await expect(page.getByText('Kiinnostus lisätty 1 henkilölle.')).toBeVisible();
  await expect(bulk).toBeHidden();
  // The new tag is a choice in the table's filter at once.
  const interestFilter = page.getByRole('group', { name: 'Suodattimet' }).getByLabel('Kiinnostus');
  await expect(interestFilter.locator('option')).toHaveText(['Kaikki', 'hieronta']);
  await page.getByRole('button', { name: 'Avaa henkilön Mäkinen, Aino tiedot' }).click();
  await expect(page.locator('#interests').getByText('hieronta')).toBeVisible();
});
