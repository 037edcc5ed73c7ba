// The person view beyond the main path: orders and invoice status, the contact log, interests,
// custom fields, the restricted banner, and the form in English.
import type { Locator } from '@playwright/test';
import { expect, expectAccessible, screenshot } from './fixtures';
import { test } from './owner-fixtures';
import {
  addUserWithOwnPassword,
  BOOKKEEPER,
  call,
  createPerson,
  declareData,
  logInAsOtherUser,
  openContacts,
  restrict,
} from './register-fixtures';

test('orders, contacts, interests and custom fields are recorded from the person view', async ({ page, host }) => {
  await call(host, 'customFields.add', {
    key: 'favourite_treatment',
    labelFi: 'Mieluisin hoito',
    labelEn: 'Favourite treatment',
    type: 'choice',
    choices: ['Hieronta', 'Kasvohoito'],
  });
  const id = await createPerson(host, { firstName: 'Eero', lastName: 'Järvinen', phone: '+358501234567' });
  await openContacts(page);
  await page.getByRole('button', { name: 'Avaa henkilön Järvinen, Eero tiedot' }).click();
  await expect(page.getByRole('heading', { name: 'Eero Järvinen', level: 1 })).toBeVisible();

  // End the relationship on a given day, then activate it again.
  const relationship = page.locator('#relationship');
  await relationship.getByRole('button', { name: 'Päätä asiakkuus' }).click();
  const end = page.getByRole('dialog', { name: 'Päätä asiakkuus' });
  await end.getByLabel('Päivä').fill('31.1.2026');
  await end.getByRole('button', { name: 'Päätä asiakkuus' }).click();
  await expect(relationship).toContainText('päättyi 31.1.2026');
  await relationship.getByRole('button', { name: 'Aktivoi' }).click();
  await page.getByRole('dialog', { name: 'Aktivoi asiakkuus' }).getByRole('button', { name: 'Aktivoi' }).click();
  await expect(relationship.getByText('Aktiivinen', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Tapahtumaloki' })).toContainText('Asiakkuus päätettiin');

  // An order: the amount in euros, with a comma; a bad amount first.
  await page.getByRole('button', { name: 'Lisää tilaus' }).click();
  const order = page.getByRole('dialog', { name: 'Lisää tilaus' });
  await order.getByLabel('Palvelu tai tuote').fill('Hieronta 60 min');
  await order.getByLabel('Summa (€)').fill('kuusikymmentä');
  await order.getByRole('button', { name: 'Lisää tilaus' }).click();
  await expect(order.getByText('Anna summa euroina, esim. 49,90.')).toBeVisible();
  await order.getByLabel('Summa (€)').fill('69,50');
  await order.getByRole('button', { name: 'Lisää tilaus' }).click();
  await expect(order).toBeHidden();
  const orders = page.locator('#orders');
  await expect(orders.getByRole('cell', { name: /69,50\s€/ })).toBeVisible();
  await orders.getByLabel('Laskun tila: Hieronta 60 min').selectOption({ label: 'Maksettu' });
  await expect(orders.getByLabel('Laskun tila: Hieronta 60 min')).toHaveValue('paid');
  const detail = await call<{ orders: Array<{ amountCents: number; invoiceStatus: string }> }>(host, 'persons.get', {
    id,
  });
  expect(detail.orders).toEqual([expect.objectContaining({ amountCents: 6950, invoiceStatus: 'paid' })]);

  // Feedback in the contact log.
  await page.getByRole('button', { name: 'Lisää merkintä' }).click();
  const entry = page.getByRole('dialog', { name: 'Lisää merkintä' });
  await entry.getByLabel('Laji').selectOption({ label: 'Palaute' });
  await entry.getByLabel('Päivä').fill('3.2.2026');
  await entry.getByLabel('Yhteenveto').fill('Kiitti hyvästä hieronnasta, toivoo iltapäiväaikoja.');
  await entry.getByRole('button', { name: 'Lisää merkintä' }).click();
  await expect(entry).toBeHidden();
  await expect(page.locator('#contact-log')).toContainText('3.2.2026');
  await expect(page.locator('#contact-log')).toContainText('toivoo iltapäiväaikoja');

  // Interests: add and remove.
  await page.getByLabel('Uusi kiinnostus').fill('jooga');
  await page.locator('#interests').getByRole('button', { name: 'Lisää' }).click();
  await expect(page.locator('#interests').getByText('jooga')).toBeVisible();
  await page.getByRole('button', { name: 'Poista kiinnostus jooga' }).click();
  await expect(page.locator('#interests').getByText('Ei kiinnostuksia.')).toBeVisible();

  // A custom field the owner defined.
  await page.getByLabel('Mieluisin hoito').selectOption('Kasvohoito');
  await page.locator('#custom-fields').getByRole('button', { name: 'Tallenna' }).click();
  await expect(page.locator('#custom-fields').getByRole('status')).toHaveText('Tallennettu.');
  const trail = page.getByRole('table', { name: 'Tapahtumaloki' });
  await expect(trail.getByText('Lisäkenttää muutettiin')).toBeVisible();
  await expect(trail.getByText('Tilaus lisättiin')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '15-person-orders-log');
});

test('a restricted person shows a banner and cannot be edited, but a ban can still be recorded', async ({
  page,
  host,
}) => {
  const id = await createPerson(host, { firstName: 'Päivi', lastName: 'Koskinen' });
  restrict(host, id);
  await openContacts(page);
  await page.getByRole('button', { name: 'Avaa henkilön Koskinen, Päivi tiedot' }).click();
  await expect(page.getByRole('heading', { name: 'Päivi Koskinen', level: 1 })).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: 'Käsittely on rajoitettu' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Muokkaa tietoja' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Passivoi' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lisää tilaus' })).toHaveCount(0);
  await expect(page.getByRole('switch', { name: 'Sähköposti' })).toBeDisabled();
  await page.getByRole('switch', { name: 'Markkina- ja mielipidetutkimuskielto' }).click();
  const ban = page.getByRole('dialog', { name: /Markkina- ja mielipidetutkimuskielto: kirjaa kielto/ });
  await ban.getByLabel('Miten henkilö ilmoitti').selectOption({ label: 'Rekisteröidyn pyynnöstä' });
  await ban.getByLabel('Peruste tai todiste').fill('Kirjallinen pyyntö 2.3.2026.');
  await ban.getByRole('button', { name: 'Tallenna' }).click();
  await expect(page.getByRole('switch', { name: 'Markkina- ja mielipidetutkimuskielto' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expectAccessible(page);
  await screenshot(page, '16-person-restricted');
});

test('the person form speaks English when the UI does, errors included', async ({ page, host }) => {
  await declareData(host, 'birthDate');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'New person' }).click();
  await page.getByLabel('Last name').fill('Nieminen');
  await page.getByLabel('Phone').fill('12');
  await page.getByLabel('Date of birth').fill('31.2.1980');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByText('Please check the marked fields.')).toBeVisible();
  await expect(page.getByLabel('First name')).toHaveAccessibleDescription('Required.');
  await expect(page.getByText('Not a valid phone number.', { exact: false })).toBeVisible();
  await expect(page.getByText('Enter a date as d/m/yyyy, e.g. 15/3/2026.')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '17-person-form-english');
  await page.getByLabel('First name').fill('Helmi');
  await page.getByLabel('Phone').fill('+46 70 123 45 67');
  await page.getByLabel('Date of birth').fill('28/2/1980');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { name: 'Helmi Nieminen', level: 1 })).toBeVisible();
  await expect(page.getByText('+46 70 123 45 67')).toBeVisible();
  await expect(page.locator('#facts')).toContainText('28 Feb 1980');
});

test('a read-only user can look but is offered no changes', async ({ page, host }) => {
  await createPerson(host, { firstName: 'Olli', lastName: 'Heikkinen' });
  await addUserWithOwnPassword(host, BOOKKEEPER);
  await page.getByRole('button', { name: 'Lukitse' }).click();
  await logInAsOtherUser(page, BOOKKEEPER);
  await openContacts(page);
  await expect(page.getByRole('button', { name: 'Uusi henkilö' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Tallenna näkymä' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Avaa henkilön Heikkinen, Olli tiedot' }).click();
  await expect(page.getByText('Sinulla on lukuoikeus', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Muokkaa tietoja' })).toHaveCount(0);
  await expect(page.getByRole('switch', { name: 'Sähköposti' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Lisää tilaus' })).toHaveCount(0);
  await expectAccessible(page);
});

test('a long data source name shows whole in the person form and in the table filter', async ({ page, host }) => {
  const name = 'Yrityksen verkkosivut tai muu julkinen lähde';
  await call(host, 'lists.add', { list: 'sources', key: 'public_web', labelFi: name, labelEn: 'A public website' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await openContacts(page);
  const filter = page.getByLabel('Tietolähde');
  await filter.selectOption({ label: name });
  expect(await selectedTextFits(filter)).toBe(true);
  await page.getByRole('button', { name: 'Uusi henkilö' }).click();
  const source = page.getByLabel('Tietolähde');
  await source.selectOption({ label: name });
  expect(await selectedTextFits(source)).toBe(true);
  await screenshot(page, '14-person-form-long-source');
});

/** Whether a select is wide enough for its chosen option's text (measured in its own font). */
function selectedTextFits(select: Locator): Promise<boolean> {
  return select.evaluate((element) => {
    const box = element as unknown as {
      options: ArrayLike<{ text: string }>;
      selectedIndex: number;
      clientWidth: number;
      ownerDocument: { createElement(tag: 'canvas'): { getContext(kind: '2d'): CanvasMeasure } };
    };
    type CanvasMeasure = { font: string; measureText(text: string): { width: number } };
    const style = (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(
      element,
    );
    const context = box.ownerDocument.createElement('canvas').getContext('2d');
    context.font = `${style['fontWeight']} ${style['fontSize']} ${style['fontFamily']}`;
    const text = context.measureText(box.options[box.selectedIndex]!.text).width;
    // Padding on both sides and the drop-down arrow take about 2.5rem of the box.
    return text + 40 <= box.clientWidth;
  });
}

test('the form offers only the data the notice lists; the owner declares more and finds her draft waiting', async ({
  page,
}) => {
  await openContacts(page);
  await page.getByRole('button', { name: 'Uusi henkilö' }).click();
  await page.getByLabel('Etunimi').fill('Ville');
  await page.getByLabel('Sukunimi').fill('Verkkonen');
  // The notice lists name, phone, email and address: no IP address, web site or birth date asked.
  for (const field of ['IP-osoite', 'Verkkosivut', 'Syntymäaika']) {
    await expect(page.getByLabel(field, { exact: true })).toHaveCount(0);
  }
  await expect(page.getByRole('group', { name: 'Muut tiedot' })).toHaveCount(0);
  const hint = page.locator('#group-fields-hint');
  await expect(hint).toContainText('tietosuojaseloste ei mainitse niitä tietoja');
  await expectAccessible(page);
  await screenshot(page, '15-person-form-declared-only');

  await hint.getByRole('button', { name: 'Avaa asetukset' }).click();
  await expect(page.locator('#settings-step-title')).toHaveText('Tallennettavat tiedot');
  const categories = page.getByRole('form', { name: 'Rekisterin tietosisältö' });
  await categories.getByRole('group', { name: 'Www-osoite' }).getByRole('checkbox').check();
  await categories.getByRole('button', { name: 'Tallenna' }).click();
  await expect(categories.getByRole('status')).toHaveText('Tallennettu.');

  await openContacts(page);
  await page.getByRole('button', { name: 'Uusi henkilö' }).click();
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByLabel('Sukunimi')).toHaveValue('Verkkonen');
  await page.getByLabel('Verkkosivut').fill('www.verkkonen.fi');
  await expect(page.getByLabel('IP-osoite')).toHaveCount(0);
  await page.getByRole('button', { name: 'Lisää henkilö' }).click();
  await expect(page.getByRole('heading', { name: 'Ville Verkkonen', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'www.verkkonen.fi' })).toBeVisible();
});
