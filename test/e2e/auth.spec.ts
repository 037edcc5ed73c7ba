import { expect, expectAccessible, OWNER, screenshot, test } from './fixtures';
import { logIn } from './register-fixtures';

test('first run: the owner creates the register, sees the recovery key once and lands in it', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Luo asiakasrekisteri' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Nimi', { exact: true }).fill(OWNER.displayName);
  await page.getByLabel('Käyttäjätunnus').fill(OWNER.username);
  await page.getByLabel('Salasana', { exact: true }).fill('salasana123');
  await page.getByLabel('Salasana uudelleen').fill('salasana124');
  await expect(page.getByText(/^Salasanan vahvuus: (Erittäin heikko|Heikko)$/)).toBeVisible();
  await page.getByRole('button', { name: 'Luo rekisteri' }).click();
  await expect(page.getByText(/Salasana on liian heikko/)).toBeVisible();
  await expect(page.getByText('Salasanat eivät täsmää.')).toBeVisible();
  await screenshot(page, '01-first-run-errors');
  expect(await host.registry.invoke('app.status', {})).toMatchObject({ ok: true, value: { registerExists: false } });

  // Each error goes as its field is fixed, before the form is sent again.
  await page.getByLabel('Salasana', { exact: true }).fill(OWNER.password);
  await expect(page.getByText(/Salasanan vahvuus: (Vahva|Erittäin vahva)/)).toBeVisible();
  await expect(page.getByText(/Salasana on liian heikko/)).toHaveCount(0);
  await expect(page.getByText('Salasanat eivät täsmää.')).toBeVisible();
  await page.getByLabel('Salasana uudelleen').fill(OWNER.password);
  await expect(page.getByText('Salasanat eivät täsmää.')).toHaveCount(0);
  // The date is typed as every other date in the app, not picked from the system's mm/dd/yyyy.
  await page.getByLabel('Salassapitositoumuksen päiväys (valinnainen)').fill('15.1.2026');
  await page.getByRole('button', { name: 'Luo rekisteri' }).click();

  const key = page.getByTestId('recovery-key');
  await expect(key).toHaveText(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
  const continueButton = page.getByRole('button', { name: 'Jatka rekisteriin' });
  await expect(continueButton).toBeDisabled();
  // The sheet says whose key it is and what to do with it.
  await expect(page.getByText(`${OWNER.displayName}, käyttäjätunnus ${OWNER.username}`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Jos salasana unohtuu' })).toBeVisible();
  await expect(page.getByText(`Kirjoita yllä oleva avain ja käyttäjätunnus ${OWNER.username}.`)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '02-recovery-key');
  await page.getByLabel('Olen tulostanut tai kirjoittanut palautusavaimen talteen.').check();
  await continueButton.click();
  await page.getByRole('button', { name: 'Ohita, täytän myöhemmin' }).click();

  await expect(page.getByRole('heading', { name: `Tervetuloa, ${OWNER.displayName}` })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Rekisteri luotiin' })).toBeVisible();
  expect(await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)).toBe(0);
  expect(await host.registry.invoke('users.list', {})).toMatchObject({
    ok: true,
    value: [{ username: OWNER.username, confidentialitySignedOn: '2026-01-15' }],
  });
  await expectAccessible(page);
  await screenshot(page, '03-home-owner');
});

test('login refuses a wrong password, in the chosen language, and opens with the right one', async ({
  page,
  host,
  existingRegister,
}) => {
  void existingRegister;
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Kirjaudu rekisteriin' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Käyttäjätunnus').fill(OWNER.username);
  await page.getByLabel('Salasana', { exact: true }).fill('väärä-salasana-123');
  await page.getByRole('button', { name: 'Kirjaudu' }).click();
  await expect(page.getByRole('alert')).toHaveText('Käyttäjätunnus tai salasana on väärin.');
  await expect(page.getByLabel('Salasana', { exact: true })).toHaveValue('');
  await screenshot(page, '04-login-wrong-password');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Password').fill('still-wrong-456');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
  await expectAccessible(page);
  await screenshot(page, '05-login-english');

  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${OWNER.displayName}` })).toBeVisible();
});

test('lock and unlock from the keyboard; the next login offers the remembered user', async ({
  page,
  host,
  existingRegister,
}) => {
  void existingRegister;
  await page.goto(host.url);
  await page.getByLabel('Käyttäjätunnus').focus();
  await page.keyboard.type(OWNER.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(OWNER.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Tervetuloa/ })).toBeVisible();

  const lock = page.getByRole('button', { name: 'Lukitse' });
  await lock.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Kirjaudu rekisteriin' })).toBeVisible();
  expect(host.registry.session.current).toBeNull();
  await expect(page.getByLabel('Käyttäjä', { exact: true })).toHaveValue(OWNER.username);
  await expect(page.getByLabel('Salasana', { exact: true })).toBeFocused();
  await screenshot(page, '06-login-user-picker');
  await page.keyboard.type(OWNER.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Tervetuloa/ })).toBeVisible();
});

test('when main locks on its own (OS lock, idle), the window returns to login and says why', async ({
  page,
  host,
  existingRegister,
}) => {
  void existingRegister;
  await logIn(page, host);

  await host.registry.lock('os-lock');
  await expect(page.getByText('Rekisteri lukittiin, koska tietokone lukittiin. Kirjaudu uudelleen.')).toBeVisible();
  expect(host.registry.session.current).toBeNull();
  await expectAccessible(page);
  await screenshot(page, '07-locked-by-os');
});

test('the recovery key opens the register and sets a new owner password', async ({ page, host, existingRegister }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: /Käytä palautusavainta/ }).click();
  await expect(page.getByRole('heading', { name: 'Avaa palautusavaimella' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Palautusavain').fill(existingRegister.recoveryKey.toLowerCase());
  await page.getByLabel('Omistajan käyttäjätunnus').fill(OWNER.username);
  await page.getByLabel('Uusi salasana', { exact: true }).fill('Talvi-Aamun-Hieronta-7');
  await page.getByLabel('Uusi salasana uudelleen').fill('Talvi-Aamun-Hieronta-7');
  await screenshot(page, '08-recover');
  await page.getByRole('button', { name: 'Avaa ja vaihda salasana' }).click();
  await expect(page.getByRole('heading', { name: /Tervetuloa/ })).toBeVisible();

  await page.getByRole('button', { name: 'Lukitse' }).click();
  await expect(page.getByRole('heading', { name: 'Kirjaudu rekisteriin' })).toBeVisible();
  await page.getByLabel('Salasana', { exact: true }).fill(OWNER.password);
  await page.getByRole('button', { name: 'Kirjaudu' }).click();
  await expect(page.getByRole('alert')).toHaveText('Käyttäjätunnus tai salasana on väärin.');
  await page.getByLabel('Salasana', { exact: true }).fill('Talvi-Aamun-Hieronta-7');
  await page.getByRole('button', { name: 'Kirjaudu' }).click();
  await expect(page.getByRole('heading', { name: /Tervetuloa/ })).toBeVisible();
});
