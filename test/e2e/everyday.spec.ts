// Small things a sole trader trips over (issue 23, item 9): the menu on one row at 1366 px, a skip
// link past it, and an organization that is not found yet offered right in the picker's list.
import { expect, expectAccessible, test } from './fixtures';
import { declareData, logIn, openContacts } from './register-fixtures';

test('the menu stays on one row at 1366 px, a skip link leads past it, and a new organization is offered where none matches', async ({
  page,
  host,
  existingRegister,
}) => {
  void existingRegister;
  await page.setViewportSize({ width: 1366, height: 768 });
  await logIn(page, host);
  const links = page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link');
  await expect(links).toHaveCount(8);
  const tops = await links.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().top));
  expect(new Set(tops).size).toBe(1);

  // The first Tab stop is the skip link; it takes the focus to the screen itself.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Siirry sisältöön' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  // The notice lists who a person represents, so the new-person form offers the organization.
  await declareData(host, 'organization');
  await openContacts(page);
  await page.getByRole('button', { name: 'Uusi henkilö' }).click();
  const picker = page.getByRole('combobox', { name: 'Organisaatio' });
  await picker.fill('Kehokeskus Lumo');
  const offer = page.getByRole('option', { name: 'Lisää uusi organisaatio ”Kehokeskus Lumo”' });
  await expect(offer).toBeVisible();
  await expect(offer).toHaveAttribute('aria-selected', 'true');
  await expectAccessible(page);
  await picker.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Uusi organisaatio' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Nimi', { exact: true })).toHaveValue('Kehokeskus Lumo');
});
