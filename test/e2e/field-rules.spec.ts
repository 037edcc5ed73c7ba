// The forms show the contract's input rules as field errors in Finnish: a control or bidi
// character in a name, a phone number with an extension, a country code that names no country, and
// a confidentiality date before 1900 or (told by main, by the register's clock) in the future.
import { expect } from './fixtures';
import { test } from './owner-fixtures';
import { call, openContacts } from './register-fixtures';

test('the person form refuses a bidi override in a name, a phone extension and country ZZ, and saves nothing', async ({
  page,
  host,
}) => {
  await openContacts(page);
  await page.getByRole('button', { name: 'Uusi henkilö' }).click();
  await page.getByLabel('Etunimi').fill('Aino\u202e');
  await page.getByLabel('Sukunimi').fill('Mäkinen');
  await page.getByLabel('Puhelin').fill('040 123 4567 ext 99');
  await page.getByLabel('Maa').fill('ZZ');
  await page.getByRole('button', { name: 'Lisää henkilö' }).click();

  await expect(page.getByText(/^Kentässä on rivinvaihto, sarkain, muu ohjausmerkki/)).toBeVisible();
  await expect(page.getByLabel('Etunimi')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/^Puhelinnumeroon ei voi tallentaa alanumeroa/)).toBeVisible();
  await expect(page.getByLabel('Puhelin')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/^Anna maa kaksikirjaimisena ISO-maakoodina/)).toBeVisible();
  await expect(page.getByLabel('Maa')).toHaveAttribute('aria-invalid', 'true');
  expect(await call<{ total: number }>(host, 'persons.search', { offset: 0, limit: 1 })).toMatchObject({ total: 0 });

  await page.getByLabel('Etunimi').fill('Aino');
  await page.getByLabel('Puhelin').fill('040 123 4567');
  await page.getByLabel('Maa').fill('se');
  await page.getByRole('button', { name: 'Lisää henkilö' }).click();
  await expect(page.getByRole('heading', { name: 'Aino Mäkinen', level: 1 })).toBeVisible();
});

test('the add-user dialog refuses a confidentiality date before 1900, and shows main’s refusal of one in the future at the field', async ({
  page,
  host,
}) => {
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Käyttäjät' }).click();
  await page.getByRole('button', { name: 'Lisää käyttäjä' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lisää käyttäjä' });
  await dialog.getByLabel('Nimi').fill('Eero Jääskeläinen');
  await dialog.getByLabel('Käyttäjätunnus').fill('eero');
  await dialog.getByLabel('Alkusalasana', { exact: true }).fill('Kehonhuolto-Syksy-2026!');
  await dialog.getByLabel('Alkusalasana uudelleen').fill('Kehonhuolto-Syksy-2026!');
  const date = dialog.getByLabel('Salassapitositoumuksen päiväys');

  await date.fill('31.12.1899');
  await dialog.getByRole('button', { name: 'Lisää käyttäjä' }).click();
  await expect(dialog.getByText('Päivämäärä ei voi olla ennen vuotta 1900.')).toBeVisible();
  await expect(date).toHaveAttribute('aria-invalid', 'true');

  await date.fill('31.12.9999');
  await dialog.getByRole('button', { name: 'Lisää käyttäjä' }).click();
  await expect(dialog.getByText('Päivämäärä ei voi olla tulevaisuudessa.')).toBeVisible();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  expect(await call<unknown[]>(host, 'users.list', {})).toHaveLength(1);
});
