// Staff, roles and the audit view: the owner adds a user, who chooses their own password at the
// first login; the staff user sees no owner screens and main refuses owner channels to them; a
// reset password must be replaced too; the audit view finds one person's history and not
// another's, and informing a person shows on their card.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, expectAccessible, OWNER, screenshot, test } from './fixtures';
import { addUserWithOwnPassword, call, createPerson, logIn } from './register-fixtures';

const STAFF = { displayName: 'Eero Jääskeläinen', username: 'eero', password: 'Kehonhuolto-Syksy-2026!' };
/** The password Eero chooses at his first login, in place of the one the owner typed. */
const FIRST_OWN_PASSWORD = 'Eeron-Eka-Oma-Iltajooga-37';
const RESET_PASSWORD = 'Uusi-Salasana-Eerolle-42';
const OWN_PASSWORD = 'Eeron-Oma-Aamujooga-58';

async function lock(page: Page) {
  await page.getByRole('button', { name: 'Lukitse' }).click();
  await expect(page.getByRole('heading', { name: 'Kirjaudu rekisteriin' })).toBeVisible();
}

/** Logs in from the login screen, which remembers earlier users in a picker. */
async function logInAs(page: Page, username: string, password: string) {
  const picker = page.getByLabel('Käyttäjä', { exact: true });
  if (await picker.isVisible()) {
    const known = await picker.locator('option').allTextContents();
    if (known.includes(username)) await picker.selectOption(username);
    else await picker.selectOption({ label: 'Muu käyttäjä…' });
  }
  const typed = page.getByLabel('Käyttäjätunnus');
  if (await typed.isVisible()) await typed.fill(username);
  await page.getByLabel('Salasana', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Kirjaudu' }).click();
}

/** The audit table's target cell for a person: their number, with their name when filtered to them. */
const about = (personId: number) => new RegExp(`henkilö nro ${personId}\\)?$`, 'i');

const nav = (page: Page) => page.getByRole('navigation', { name: 'Päävalikko' });

test('the owner adds a staff user, who sees no owner screens and is refused owner channels by main; a reset password works and a deactivated user cannot log in', async ({
  page,
  host,
  existingRegister,
}) => {
  void existingRegister;
  await logIn(page, host);
  await nav(page).getByRole('link', { name: 'Käyttäjät' }).click();
  await expect(page.getByRole('heading', { name: 'Käyttäjät', level: 1 })).toBeVisible();
  await expect(page.getByRole('row', { name: /Aino Mäkinen/ })).toContainText('Omistaja');

  // Keyboard: the add button opens the dialog with Enter, Escape closes it and focus comes back.
  const addButton = page.getByRole('button', { name: 'Lisää käyttäjä' });
  await addButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Lisää käyttäjä' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(addButton).toBeFocused();

  await addButton.click();
  await expect(dialog.getByText('Ilman sitä hän ei voi kirjautua')).toBeVisible();
  await dialog.getByLabel('Nimi').fill(STAFF.displayName);
  await dialog.getByLabel('Käyttäjätunnus').fill(STAFF.username);
  await expect(dialog.getByLabel('Rooli')).toHaveValue('staff');
  await dialog.getByLabel('Alkusalasana', { exact: true }).fill(STAFF.password);
  await dialog.getByLabel('Alkusalasana uudelleen').fill(STAFF.password);
  await dialog.getByLabel('Salassapitositoumuksen päiväys').fill('1.2.2026');
  await expectAccessible(page);
  await screenshot(page, 'staff-01-add-user');
  await dialog.getByRole('button', { name: 'Lisää käyttäjä' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Käyttäjä Eero Jääskeläinen lisättiin.' })).toBeVisible({
    timeout: 15_000,
  });
  const eeroRow = page.getByRole('row', { name: /Eero Jääskeläinen/ });
  await expect(eeroRow).toContainText('Henkilökunta');
  await expect(eeroRow).toContainText('1.2.2026');
  await expectAccessible(page);
  await screenshot(page, 'staff-02-users');

  // The owner typed Eero's first password, so at his first login he chooses his own.
  await lock(page);
  await logInAs(page, STAFF.username, STAFF.password);
  const first = page.getByRole('heading', { name: 'Tervetuloa, Eero Jääskeläinen: valitse oma salasana', level: 1 });
  await expect(first).toBeFocused({ timeout: 15_000 });
  await expect(page.getByText('Salasanasi on omistajan antama')).toBeVisible();
  await expect(nav(page)).toHaveCount(0);
  await page.getByLabel('Nykyinen salasana').fill(STAFF.password);
  await page.getByLabel('Uusi salasana', { exact: true }).fill(FIRST_OWN_PASSWORD);
  await page.getByLabel('Uusi salasana uudelleen').fill(FIRST_OWN_PASSWORD);
  await page.getByRole('button', { name: 'Vaihda salasana' }).click();

  // The staff user sees neither the owner's screens nor their links.
  await expect(page.getByRole('heading', { name: /Tervetuloa, Eero/, level: 1 })).toBeVisible({ timeout: 15_000 });
  await expect(nav(page).getByRole('link', { name: 'Asiakkaat' })).toBeVisible();
  for (const name of ['Käyttäjät', 'Lokitiedot', 'Asetukset']) {
    await expect(nav(page).getByRole('link', { name })).toHaveCount(0);
  }
  // Main itself refuses owner channels to staff, whatever the page does.
  const refused = await page.evaluate(async () => {
    // Runs in the page; the node tsconfig has no DOM types, so the bridge is typed here.
    const bridge = (globalThis as { kaappi?: { invoke(channel: string, input: unknown): Promise<unknown> } }).kaappi;
    if (!bridge) throw new Error('no bridge');
    return {
      users: await bridge.invoke('users.list', {}),
      audit: await bridge.invoke('audit.query', { offset: 0, limit: 10 }),
      add: await bridge.invoke('users.add', {
        username: 'mallory',
        displayName: 'Mallory',
        role: 'owner',
        password: 'Mallory-Haluaa-Omistajaksi-1',
        confidentialitySignedOn: '2026-01-01',
      }),
    };
  });
  for (const result of Object.values(refused)) {
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }
  await expectAccessible(page);
  await screenshot(page, 'staff-03-staff-home');

  // The owner resets the staff password: the old one stops working, the new one opens.
  await lock(page);
  await logInAs(page, OWNER.username, OWNER.password);
  await expect(page.getByRole('heading', { name: /Tervetuloa, Aino/ })).toBeVisible();
  await nav(page).getByRole('link', { name: 'Käyttäjät' }).click();
  await page.getByRole('button', { name: 'Vaihda salasana: Eero Jääskeläinen' }).click();
  const reset = page.getByRole('dialog', { name: 'Uusi salasana käyttäjälle Eero Jääskeläinen' });
  await expect(reset.getByText('salausavain vaihdetaan')).toBeVisible();
  await reset.getByLabel('Uusi salasana', { exact: true }).fill(RESET_PASSWORD);
  await reset.getByLabel('Uusi salasana uudelleen').fill(RESET_PASSWORD);
  await expectAccessible(page);
  await screenshot(page, 'staff-04-reset-password');
  await reset.getByRole('button', { name: 'Aseta uusi salasana' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'salasana vaihdettiin' })).toBeVisible({ timeout: 15_000 });

  // Deactivation explains what happens to the key and to old backups before anything is done.
  await page.getByRole('button', { name: 'Poista käytöstä: Eero Jääskeläinen' }).click();
  const deactivate = page.getByRole('dialog', { name: 'Poistetaanko Eero Jääskeläinen käytöstä?' });
  await expect(deactivate.getByText('Vanhat varmuuskopiot aukeavat kuitenkin yhä')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'staff-05-deactivate');
  await deactivate.getByRole('button', { name: 'Peruuta' }).click();

  await lock(page);
  await logInAs(page, STAFF.username, FIRST_OWN_PASSWORD);
  await expect(page.getByRole('alert')).toBeVisible();
  await logInAs(page, STAFF.username, RESET_PASSWORD);
  // The owner knows the password they set: Eero chooses his own before the register opens.
  const own = page.getByRole('heading', { name: 'Tervetuloa, Eero Jääskeläinen: valitse oma salasana', level: 1 });
  await expect(own).toBeFocused({ timeout: 15_000 });
  await expect(nav(page)).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'staff-06-own-password-required');
  await page.getByLabel('Nykyinen salasana').fill(RESET_PASSWORD);
  await page.getByLabel('Uusi salasana', { exact: true }).fill(RESET_PASSWORD);
  await page.getByLabel('Uusi salasana uudelleen').fill(RESET_PASSWORD);
  await page.getByLabel('Uusi salasana uudelleen').press('Enter');
  await expect(page.getByRole('alert')).toContainText('Uusi salasana on sama kuin nykyinen');
  await page.getByLabel('Uusi salasana', { exact: true }).fill(OWN_PASSWORD);
  await page.getByLabel('Uusi salasana uudelleen').fill(OWN_PASSWORD);
  await page.getByRole('button', { name: 'Vaihda salasana' }).click();
  await expect(page.getByRole('heading', { name: /Tervetuloa, Eero/, level: 1 })).toBeVisible({ timeout: 15_000 });
  await expect(nav(page).getByRole('link', { name: 'Asiakkaat' })).toBeVisible();

  // Deactivated, the user can no longer log in; the owner's list says so.
  await lock(page);
  await logInAs(page, OWNER.username, OWNER.password);
  await nav(page).getByRole('link', { name: 'Käyttäjät' }).click();
  await page.getByRole('button', { name: 'Poista käytöstä: Eero Jääskeläinen' }).click();
  await page
    .getByRole('dialog', { name: 'Poistetaanko Eero Jääskeläinen käytöstä?' })
    .getByRole('button', { name: 'Poista käytöstä' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'poistettiin käytöstä' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Näytä myös käytöstä poistetut (1)' }).click();
  await expect(page.getByRole('row', { name: /Eero Jääskeläinen/ })).toContainText('Poistettu käytöstä');
  await lock(page);
  await logInAs(page, STAFF.username, OWN_PASSWORD);
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kirjaudu rekisteriin' })).toBeVisible();
});

test('staff make mailing lists only once the owner allows it; the role text says so', async ({
  page,
  host,
  existingRegister,
}) => {
  void existingRegister;
  const staff = { displayName: 'Eero Jääskeläinen', username: 'eero', password: OWN_PASSWORD };
  await logIn(page, host);
  await addUserWithOwnPassword(host, { ...staff, role: 'staff', confidentialitySignedOn: '2026-01-20' });
  await createPerson(host, { firstName: 'Helmi', lastName: 'Hämäläinen' });
  const mailingList = () =>
    page.evaluate(async () => {
      const bridge = (globalThis as { kaappi?: { invoke(channel: string, input: unknown): Promise<unknown> } }).kaappi;
      if (!bridge) throw new Error('no bridge');
      return bridge.invoke('exports.labels', {});
    });

  await page.reload();
  await lock(page);
  await logInAs(page, staff.username, staff.password);
  await nav(page).getByRole('link', { name: 'Asiakkaat' }).click();
  await expect(page.getByRole('button', { name: 'Tuo tietoja' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Postituslista' })).toHaveCount(0);
  expect(await mailingList()).toMatchObject({ ok: false, error: { code: 'STAFF_EXPORT_NOT_ALLOWED' } });

  await lock(page);
  await logInAs(page, OWNER.username, OWNER.password);
  await nav(page).getByRole('link', { name: 'Käyttäjät' }).click();
  await page.getByText('Mitä kukin rooli saa tehdä').click();
  await expect(page.getByText(/Postituslistat ja osoitetarrat vain, jos omistaja sallii/)).toBeVisible();
  const allow = page.getByLabel('Henkilökunta saa tehdä postituslistoja ja osoitetarroja');
  await expect(allow).not.toBeChecked();
  await allow.check();
  await expect(page.getByText('Henkilökunta saa nyt tehdä postituslistoja ja osoitetarroja.')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'staff-07-exports-allowed');

  await lock(page);
  await logInAs(page, staff.username, staff.password);
  await nav(page).getByRole('link', { name: 'Asiakkaat' }).click();
  await expect(page.getByRole('button', { name: 'Postituslista' })).toBeVisible();
  expect(await mailingList()).toMatchObject({ ok: true });
});

test("the audit view finds one person's history and not another's; informing a person shows on their card", async ({
  page,
  host,
  existingRegister,
}) => {
  void existingRegister;
  await logIn(page, host);
  const helmi = await createPerson(host, {
    firstName: 'Helmi',
    lastName: 'Hämäläinen',
    email: 'helmi.hamalainen@example.fi',
    informedOn: null,
  });
  const vaino = await createPerson(host, { firstName: 'Väinö', lastName: 'Järvinen' });
  await call(host, 'persons.get', { id: vaino });
  await call(host, 'persons.update', { id: helmi, changes: { city: 'Jyväskylä' } });

  // Inform Helmi from her person view.
  await nav(page).getByRole('link', { name: 'Asiakkaat' }).click();
  await page.getByRole('button', { name: 'Avaa henkilön Hämäläinen, Helmi tiedot' }).click();
  await expect(page.getByRole('heading', { name: 'Helmi Hämäläinen', level: 1 })).toBeVisible();
  const card = page.getByRole('region', { name: 'Rekisteröinnistä kertominen' });
  await expect(card).toContainText('Henkilöä ei ole vielä informoitu.');
  await card.getByRole('button', { name: 'Informoi' }).click();
  const inform = page.getByRole('dialog', { name: 'Informoi henkilöä rekisteröinnistä' });
  const text = inform.getByLabel('Viesti henkilölle (suomeksi)');
  await expect(text).toHaveValue(/Helmi/);
  // A new register has no controller details yet: the dialog says the text has gaps and why.
  await expect(inform.getByRole('note')).toContainText('Asetuksista puuttuu rekisterinpitäjän nimi');
  await inform.getByRole('button', { name: 'Kopioi teksti' }).click();
  await expect(inform.getByText(/Teksti (kopioitu|on valittu)/)).toBeVisible();
  await expect(inform.getByLabel('Miten kerroit')).toHaveValue('email');
  await expectAccessible(page);
  await screenshot(page, 'staff-06-inform-dialog');
  await inform.getByRole('button', { name: 'Tallenna informointi' }).click();
  await expect(inform).toBeHidden();
  await expect(card).toContainText(/Informoitu \d+\.\d+\.\d{4}: Sähköpostilla/);
  await expectAccessible(page);
  await screenshot(page, 'staff-07-person-informed');

  // From the person view to her history in the audit log.
  await card.getByRole('link', { name: 'Näytä henkilön lokitiedot' }).click();
  await expect(page.getByRole('heading', { name: 'Lokitiedot', level: 1 })).toBeVisible();
  await expect(page.getByText('Vain henkilöä Helmi Hämäläinen koskevat tapahtumat')).toBeVisible();
  await expect(page.getByText(/Loki on muuttamaton/)).toBeVisible();
  const table = page.getByRole('table');
  await expect(table).toContainText('Henkilön tiedot avattiin');
  await expect(table).toContainText('Henkilön tietoja muutettiin');
  await expect(table).toContainText('Informointi kirjattiin');
  await expect(table.getByRole('cell', { name: about(helmi) }).first()).toBeVisible();
  await expect(table.getByRole('cell', { name: about(vaino) })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'staff-08-audit-person');
  // The CSV holds the same entries, by id (never the person's name).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Vie CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^kaappi-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('person.informed');
  expect(csv).not.toContain('Hämäläinen');
  await expect(page.getByRole('status').filter({ hasText: /6 tapahtumaa vietiin tiedostoon/ })).toBeVisible();

  // Without the person filter Väinö's view shows too; filtering by action narrows it down.
  await page.getByRole('button', { name: 'Näytä kaikki henkilöt' }).click();
  await expect(table.getByRole('cell', { name: about(vaino) }).first()).toBeVisible();
  await page.getByLabel('Tapahtuma', { exact: true }).selectOption({ label: 'Henkilön tietoja muutettiin' });
  await page.getByRole('button', { name: 'Näytä', exact: true }).click();
  await expect(page.getByRole('heading', { name: '1 tapahtuma' })).toBeVisible();

  // Choosing a person by searching works too.
  await page.getByRole('button', { name: 'Tyhjennä rajaukset' }).click();
  await page.getByLabel('Hae henkilöä nimellä tai sähköpostilla').fill('Järvinen');
  await page.getByRole('button', { name: 'Valitse: Väinö Järvinen' }).click();
  await expect(page.getByText('Vain henkilöä Väinö Järvinen koskevat tapahtumat')).toBeVisible();
  await expect(table.getByRole('cell', { name: about(vaino) }).first()).toBeVisible();
  await expect(table.getByRole('cell', { name: about(helmi) })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'staff-09-audit-search');
});
