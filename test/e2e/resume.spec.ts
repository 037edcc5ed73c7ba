import { persons } from '../../src-main/db/schema-register';
import { expect, expectAccessible, OWNER, screenshot } from './fixtures';
import { test } from './owner-fixtures';
import { addUserWithOwnPassword, openContacts } from './register-fixtures';

const STAFF = { username: 'sanna', displayName: 'Sanna Osa-aikainen', password: 'Kevät-Iltapäivän-Vuoro-4' };

async function logInAs(page: import('@playwright/test').Page, user: { username: string; password: string }) {
  await expect(page.getByRole('heading', { name: 'Kirjaudu rekisteriin' })).toBeVisible();
  const picker = page.getByLabel('Käyttäjä', { exact: true });
  if (await picker.isVisible()) await picker.selectOption({ label: 'Muu käyttäjä…' });
  await page.getByLabel('Käyttäjätunnus').fill(user.username);
  await page.getByLabel('Salasana', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Kirjaudu' }).click();
}

test('a half-typed new customer survives the idle lock for the same user, and no one else sees it', async ({
  page,
  host,
}) => {
  await addUserWithOwnPassword(host, { ...STAFF, role: 'staff', confidentialitySignedOn: '2026-01-20' });
  await openContacts(page);
  await page.getByRole('button', { name: 'Uusi henkilö' }).click();
  await page.getByLabel('Etunimi').fill('Linnea');
  await page.getByLabel('Sukunimi').fill('Luonnos');
  await page.getByLabel('Sähköposti').fill('linnea@example.fi');

  await host.registry.lock('idle');
  await expect(
    page.getByText('Rekisteri lukittiin, koska sitä ei käytetty hetkeen. Kirjaudu uudelleen.'),
  ).toBeVisible();
  // Held in this window's memory only: nothing of the form went to the browser's storage.
  const stored = await page.evaluate(() => {
    const window = globalThis as unknown as { localStorage: object; sessionStorage: object };
    return JSON.stringify({ ...window.localStorage, ...window.sessionStorage });
  });
  expect(stored).not.toContain('Luonnos');

  await page.getByLabel('Salasana', { exact: true }).fill(OWNER.password);
  await page.getByRole('button', { name: 'Kirjaudu' }).click();
  await expect(page.getByRole('heading', { name: 'Uusi henkilö', level: 1 })).toBeVisible();
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByLabel('Sukunimi')).toHaveValue('Luonnos');
  await expect(page.getByLabel('Sähköposti')).toHaveValue('linnea@example.fi');
  await expectAccessible(page);
  await screenshot(page, '08-draft-after-lock');
  await page.getByRole('button', { name: 'Lisää henkilö' }).click();
  await expect(page.getByRole('heading', { name: 'Linnea Luonnos', level: 1 })).toBeVisible();
  expect(
    host.registry.session
      .current!.db.select()
      .from(persons)
      .all()
      .map((p) => p.lastName),
  ).toContain('Luonnos');

  // Saved: the next new person starts empty.
  await openContacts(page);
  await page.getByRole('button', { name: 'Uusi henkilö' }).click();
  await expect(page.getByLabel('Sukunimi')).toHaveValue('');
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
  await page.getByLabel('Sukunimi').fill('Salainen');

  // Someone else unlocks: home, and the owner's draft is gone for good.
  await page.getByRole('button', { name: 'Lukitse' }).click();
  await logInAs(page, STAFF);
  await expect(page.getByRole('heading', { name: `Tervetuloa, ${STAFF.displayName}` })).toBeVisible();
  await openContacts(page);
  await page.getByRole('button', { name: 'Uusi henkilö' }).click();
  await expect(page.getByLabel('Sukunimi')).toHaveValue('');
  await page.getByRole('button', { name: 'Lukitse' }).click();
  await logInAs(page, OWNER);
  await expect(page.getByRole('heading', { name: /Tervetuloa/ })).toBeVisible();
  await openContacts(page);
  await page.getByRole('button', { name: 'Uusi henkilö' }).click();
  await expect(page.getByLabel('Sukunimi')).toHaveValue('');
});

test('starting over drops a kept draft, and a cancelled form keeps none', async ({ page }) => {
  await openContacts(page);
  await page.getByRole('button', { name: 'Uusi henkilö' }).click();
  await page.getByLabel('Etunimi').fill('Kalle');
  await page.getByLabel('Sukunimi').fill('Keskeneräinen');
  await page.getByRole('button', { name: 'Lukitse' }).click();
  await logInAs(page, OWNER);
  await expect(page.getByLabel('Sukunimi')).toHaveValue('Keskeneräinen');
  await page.getByRole('button', { name: 'Aloita alusta' }).click();
  await expect(page.getByLabel('Sukunimi')).toHaveValue('');
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
  await page.getByRole('button', { name: 'Peruuta' }).click();
  await page.getByRole('button', { name: 'Uusi henkilö' }).click();
  await expect(page.getByLabel('Etunimi')).toHaveValue('');
});
