import { expect, expectAccessible, OWNER, screenshot, test } from './fixtures';
import { logIn } from './register-fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

test('on the account page reached from the header, a user changes their own password and the owner the auto-lock time', async ({
  page,
  host,
  existingRegister,
}) => {
  void existingRegister;
  await logIn(page, host);
  // The dashboard keeps to the register: the own password and the lock time are on "Oma tili".
  await expect(page.getByRole('heading', { name: 'Oma salasana' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Automaattinen lukitus' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Oma tili' }).click();
  await expect(page.getByRole('heading', { name: 'Oma tili', level: 1 })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Oma tili' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('region', { name: 'Oma salasana' })).toBeVisible();

  const lockMinutes = page.getByLabel('Lukitse, kun rekisteriä ei ole käytetty (minuuttia)');
  await lockMinutes.fill('0');
  await page.getByRole('button', { name: 'Tallenna' }).click();
  // In plain words, not the validator's, and gone once the value is fixed.
  await expect(page.getByText('Pienin sallittu luku on 1.')).toBeVisible();
  await lockMinutes.fill('5');
  await expect(page.getByText('Pienin sallittu luku on 1.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await expect(
    page.getByText('Rekisteri lukittuu 5 minuutin käyttämättömyyden jälkeen', { exact: false }),
  ).toBeVisible();

  await page.getByLabel('Nykyinen salasana').fill('tämä-ei-ole-oikea');
  await page.getByLabel('Uusi salasana', { exact: true }).fill('Syksyn-Uusi-Salasana-11');
  await page.getByLabel('Uusi salasana uudelleen').fill('Syksyn-Uusi-Salasana-11');
  await page.getByRole('button', { name: 'Vaihda salasana' }).click();
  await expect(page.getByRole('alert')).toHaveText('Nykyinen salasana on väärin.');

  await page.getByLabel('Nykyinen salasana').fill(OWNER.password);
  await page.getByRole('button', { name: 'Vaihda salasana' }).click();
  await expect(page.getByText('Salasana vaihdettu.', { exact: false })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '09-account-page');

  await page.getByRole('button', { name: 'Lukitse' }).click();
  await expect(page.getByRole('heading', { name: 'Kirjaudu rekisteriin' })).toBeVisible();
  await page.getByLabel('Salasana', { exact: true }).fill('Syksyn-Uusi-Salasana-11');
  await page.getByRole('button', { name: 'Kirjaudu' }).click();
  await expect(page.getByText('Rekisteri lukittuu 5 minuutin', { exact: false })).toBeVisible();
});

test('leaving the account page with a changed auto-lock time asks first: stay keeps it, save stores it', async ({
  page,
  host,
  existingRegister,
}) => {
  void existingRegister;
  await logIn(page, host);
  const menu = page.getByRole('navigation', { name: 'Päävalikko' });
  await page.getByRole('link', { name: 'Oma tili' }).click();
  const lockMinutes = page.getByLabel('Lukitse, kun rekisteriä ei ole käytetty (minuuttia)');
  await lockMinutes.fill('7');

  await menu.getByRole('link', { name: 'Etusivu' }).click();
  const question = page.getByRole('dialog', { name: 'Tallennetaanko muutokset?' });
  await expect(question).toBeVisible();
  await expectAccessible(page);
  await question.getByRole('button', { name: 'Jää tälle sivulle' }).click();
  await expect(question).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Oma tili', level: 1 })).toBeVisible();
  await expect(lockMinutes).toHaveValue('7');

  await menu.getByRole('link', { name: 'Etusivu' }).click();
  await question.getByRole('button', { name: 'Tallenna ja jatka' }).click();
  await expect(
    page.getByText('Rekisteri lukittuu 7 minuutin käyttämättömyyden jälkeen', { exact: false }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Oma tili', level: 1 })).toHaveCount(0);

  // Saved values are not "changed": going back and away again asks nothing.
  await page.getByRole('link', { name: 'Oma tili' }).click();
  await expect(lockMinutes).toHaveValue('7');
  await menu.getByRole('link', { name: 'Etusivu' }).click();
  await expect(question).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Oma tili', level: 1 })).toHaveCount(0);
});
