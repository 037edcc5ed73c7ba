// The contacts table over a register larger than one page: virtualized rows fetched page by page,
// server-side sort and filters, the column picker, and keyboard use from search to a person.
import { expect, expectAccessible, screenshot } from './fixtures';
import { test } from './owner-fixtures';
import { call, createPerson, openContacts, restrict, seedPersons } from './register-fixtures';

test('the table scrolls 300 persons while holding only the rows in view', async ({ page, host }) => {
  await seedPersons(host, 300);
  const searches: Array<{ offset: number; limit: number }> = [];
  page.on('request', (request) => {
    const body = request.postDataJSON() as { channel?: string; input?: { offset: number; limit: number } } | null;
    if (body?.channel === 'persons.search' && body.input) searches.push(body.input);
  });
  await openContacts(page);
  await expect(page.getByRole('status').filter({ hasText: /^300 henkilöä$/ })).toBeVisible();
  const table = page.getByRole('table', { name: 'Asiakasluettelo' });
  await expect(table).toHaveAttribute('aria-rowcount', '301');
  await expect(table.getByRole('button', { name: /^Avaa henkilön Heikkinen-005/ })).toBeVisible();
  const rendered = await table.locator('tbody tr[data-index]').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);
  expect(searches.every((input) => input.limit <= 100)).toBe(true);
  await expectAccessible(page);
  await screenshot(page, '13-contacts-table');

  // Scroll to the end: the last page is fetched, and still only a window of rows is in the DOM.
  const scroller = page.locator('.contacts-table__scroll');
  await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expect(table.getByRole('button', { name: /^Avaa henkilön Virtanen-296/ })).toBeVisible();
  await expect(table.locator('tr[aria-rowindex="301"]')).toBeVisible();
  expect(searches.some((input) => input.offset === 200)).toBe(true);
  expect(await table.locator('tbody tr[data-index]').count()).toBeLessThan(60);

  // Sorting happens in main: descending by name puts the last surname first.
  await scroller.evaluate((element) => element.scrollTo(0, 0));
  await table.getByRole('button', { name: 'Nimi' }).click();
  await expect(table.getByRole('columnheader', { name: 'Nimi' })).toHaveAttribute('aria-sort', 'descending');
  await expect(table.locator('tbody tr[data-index="0"]')).toContainText('Virtanen-296');
  expect(searches.at(-1)).toMatchObject({ sort: { column: 'lastName', direction: 'desc' }, offset: 0 });

  // "Select all" takes every result, not only the rows on screen, and a bulk action runs on them.
  await table.getByRole('checkbox', { name: 'Valitse kaikki hakutulokset' }).check();
  const bulk = page.getByRole('region', { name: 'Toiminnot valituille' });
  await expect(bulk).toContainText('300 valittu');
  await bulk.getByRole('button', { name: 'Passivoi' }).click();
  const passivate = page.getByRole('dialog', { name: 'Passivoi 300 henkilöä' });
  await passivate.getByLabel('Päivä').fill('1.3.2020');
  await passivate.getByRole('button', { name: 'Passivoi' }).click();
  await expect(page.getByText('300 henkilöä passivoitu.')).toBeVisible();
  await page.getByLabel('Näkymä').selectOption({ label: 'Passiiviset yli 4 vuotta' });
  await expect(page.getByRole('status').filter({ hasText: /^300 henkilöä$/ })).toBeVisible();
  await expect(table.locator('tbody tr[data-index="0"]')).toContainText('Passiivinen');
});

test('status, kind, source and interest filters narrow the result in main; columns stay as chosen; restricted is marked', async ({
  page,
  host,
}) => {
  const ids = await seedPersons(host, 12);
  await call(host, 'persons.passivate', { ids: ids.slice(0, 3) });
  await call(host, 'lists.add', { list: 'kinds', key: 'provider', labelFi: 'Palveluntarjoaja', labelEn: 'Provider' });
  await createPerson(host, { firstName: 'Outi', lastName: 'Palvelija', kindKey: 'provider', sourceKey: 'manual' });
  await call(host, 'persons.addInterest', { ids: ids.slice(2, 4), tag: 'Jooga' });
  await call(host, 'persons.addInterest', { ids: ids.slice(3, 4), tag: 'äänimaljat' });
  await call(host, 'persons.addInterest', { ids: ids.slice(6, 7), tag: 'hieronta' });
  await openContacts(page);
  await expect(page.getByRole('status').filter({ hasText: /^13 henkilöä$/ })).toBeVisible();

  const filters = page.getByRole('group', { name: 'Suodattimet' });
  await filters.getByLabel('Tila').selectOption({ label: 'Passiivinen' });
  await expect(page.getByRole('status').filter({ hasText: /^3 henkilöä$/ })).toBeVisible();
  await expect(page.getByRole('table').getByText('Passiivinen')).toHaveCount(3);
  await filters.getByLabel('Tila').selectOption({ label: 'Kaikki' });
  await filters.getByLabel('Asiakkuuden laji').selectOption({ label: 'Palveluntarjoaja' });
  await expect(page.getByRole('status').filter({ hasText: /^1 henkilö$/ })).toBeVisible();
  await filters.getByLabel('Tietolähde').selectOption({ label: 'Ajanvarausjärjestelmä' });
  await expect(page.getByText('Ei hakua vastaavia henkilöitä.')).toBeVisible();
  await page.getByRole('button', { name: 'Tyhjennä rajaukset' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^13 henkilöä$/ })).toBeVisible();

  // The tags persons have, once each, in Finnish order (not the bytes', which put 'Jooga' first);
  // one of them narrows the list to its persons.
  const interest = filters.getByLabel('Kiinnostus');
  await expect(interest.locator('option')).toHaveText(['Kaikki', 'hieronta', 'Jooga', 'äänimaljat']);
  await interest.selectOption({ label: 'Jooga' });
  await expect(page.getByRole('status').filter({ hasText: /^2 henkilöä$/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Nieminen-002|Hämäläinen-003/ })).toHaveCount(2);
  await expectAccessible(page);
  await screenshot(page, '14-contacts-interest');
  await interest.selectOption({ label: 'Kaikki' });
  await expect(page.getByRole('status').filter({ hasText: /^13 henkilöä$/ })).toBeVisible();

  // Show the kind, hide the email; the choice survives a reload.
  await page.getByText('Sarakkeet', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Asiakkuuden laji' }).check();
  await page.getByRole('checkbox', { name: 'Sähköposti' }).uncheck();
  await expect(page.getByRole('columnheader', { name: 'Sähköposti' })).toHaveCount(0);
  await expect(page.getByRole('cell', { name: 'Palveluntarjoaja' })).toBeVisible();
  await page.reload();
  await openContacts(page);
  await expect(page.getByRole('columnheader', { name: 'Asiakkuuden laji' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Sähköposti' })).toHaveCount(0);

  // A restricted person is marked in the table.
  restrict(host, ids[5]!);
  await page.getByLabel('Hae', { exact: true }).fill(`asiakas005`);
  await expect(page.getByRole('row', { name: /Heikkinen-005/ }).getByText('Rajoitettu')).toBeVisible();
  await expect(page.getByText('Rajoitettu')).toHaveCount(1);
  await screenshot(page, '14-contacts-filtered');
});

test('keyboard: from the search box to the first row and into the person', async ({ page, host }) => {
  await seedPersons(host, 20);
  await openContacts(page);
  const search = page.getByLabel('Hae', { exact: true });
  await expect(search).toBeFocused();
  await page.keyboard.type('laine');
  await expect(page.getByRole('status').filter({ hasText: /^2 henkilöä$/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  const first = page.getByRole('button', { name: /^Avaa henkilön Laine-004/ });
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: /^Avaa henkilön Laine-012/ })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Kaisa Laine-004', level: 1 })).toBeFocused();

  // Back keeps the search.
  await page.getByRole('button', { name: '← Takaisin' }).click();
  await expect(page.getByLabel('Hae', { exact: true })).toHaveValue('laine');
  await expect(page.getByRole('status').filter({ hasText: /^2 henkilöä$/ })).toBeVisible();
});
