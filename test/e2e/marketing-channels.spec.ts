// Direct marketing per channel: the owner makes post opt-out in the settings (email and SMS stay by
// consent), the person view says "allowed unless the person objects" and records an objection, and
// the post mailing list and address labels then include a person without consent, leaving out the
// one who objected and the one with a direct marketing ban.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, expectAccessible, screenshot } from './fixtures';
import { test } from './owner-fixtures';
import { call, createPerson, openContacts, openSettingsStep } from './register-fixtures';

test.use({ actionTimeout: 15_000 });

const address = (street: string) => ({ street, postalCode: '40100', city: 'Jyväskylä' });

test('post until objection: the settings choice, an objection in the person view, and the labels follow', async ({
  page,
  host,
}) => {
  await createPerson(host, { firstName: 'Aino', lastName: 'Virtanen', ...address('Kauppakatu 1') });
  await createPerson(host, { firstName: 'Eero', lastName: 'Korhonen', ...address('Väinönkatu 2') });
  const banned = await createPerson(host, { firstName: 'Pirjo', lastName: 'Hämäläinen', ...address('Asemakatu 3') });
  await call(host, 'consents.record', {
    personId: banned,
    changes: [{ subject: 'ban_direct_marketing', granted: true, method: 'email', evidence: 'Kielsi sähköpostilla' }],
  });

  // The settings: email and SMS fixed by law, post chosen by keyboard, saved.
  await openSettingsStep(page, 'Käyttötarkoitus');
  const form = page.getByRole('form', { name: 'Suoramarkkinointi kanavittain' });
  await expect(form).toContainText('Sähköposti');
  await expect(form).toContainText('sähköisen viestinnän palvelulaki 200 §');
  await expect(form.getByRole('radio')).toHaveCount(4);
  const post = form.getByRole('group', { name: 'Posti' });
  await expect(post.getByRole('radio', { name: 'Vain suostumuksella' })).toBeChecked();
  await post.getByRole('radio', { name: 'Vain suostumuksella' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(post.getByRole('radio', { name: 'Sallittu, kunnes henkilö kieltää' })).toBeChecked();
  await form.getByRole('button', { name: 'Tallenna' }).focus();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('status')).toHaveText('Tallennettu.');
  await form.scrollIntoViewIfNeeded();
  await expectAccessible(page);
  await screenshot(page, 'marketing-settings');
  // The form alone too, to look at.
  await form.screenshot({ path: join(process.cwd(), 'test/e2e/screenshots/marketing-settings-form.png') });

  // The person view: post allowed unless they object; Eero says "no post".
  await openContacts(page);
  await page.getByRole('button', { name: 'Avaa henkilön Korhonen, Eero tiedot' }).click();
  await expect(page.getByRole('heading', { name: 'Eero Korhonen', level: 1 })).toBeVisible();
  const consents = page.getByRole('region', { name: 'Suostumukset ja kiellot' });
  await expect(consents.locator('#consent-post-state')).toHaveText('Sallittu, kunnes henkilö kieltää');
  await expect(consents.locator('#consent-email-state')).toHaveText('Ei annettu');
  const postSwitch = consents.getByRole('switch', { name: 'Posti', exact: true });
  await expect(postSwitch).toHaveAttribute('aria-checked', 'true');
  await postSwitch.click();
  const objection = page.getByRole('dialog', { name: 'Posti: kirjaa, että henkilö kieltää tämän markkinoinnin' });
  await objection.getByLabel('Miten henkilö ilmoitti').selectOption({ label: 'Puhelimessa' });
  await objection.getByLabel('Peruste tai todiste').fill('Soitti 3.3.2026: ei postia.');
  await objection.getByRole('button', { name: 'Tallenna' }).click();
  await expect(objection).toBeHidden();
  await expect(postSwitch).toHaveAttribute('aria-checked', 'false');
  await expect(consents.locator('#consent-post-state')).toContainText('Henkilö on kieltänyt');
  await expect(consents.getByText('Posti: henkilö kielsi')).toBeVisible();
  await consents.scrollIntoViewIfNeeded();
  await expectAccessible(page);
  await screenshot(page, 'marketing-person-objected');

  // The mailing list for post, and the labels: Aino only.
  await openContacts(page);
  await page.getByRole('button', { name: 'Postituslista' }).click();
  await page.getByLabel('Yhteystapa').selectOption({ label: 'Posti' });
  await expect(page.getByText('Tällä yhteystavalla saa markkinoida, kunnes henkilö kieltää')).toBeVisible();
  await page.getByRole('button', { name: 'Laske' }).click();
  const result = page.locator('.mailing-result');
  await expect(result).toContainText('Listalle pääsee 1 henkilö.');
  await expect(result).toContainText('Pois jäi 2:');
  await expect(result).toContainText('kieltänyt markkinoinnin tässä yhteystavassa: 1');
  await expect(result).toContainText('suoramarkkinointikielto: 1');
  await expectAccessible(page);
  await screenshot(page, 'marketing-post-list');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Lataa osoitetarrat (PDF, A4 3 × 8)' }).click(),
  ]);
  await expect(result).toContainText('Listalle pääsee 1 henkilö.');
  const text = execFileSync('pdftotext', ['-layout', await download.path(), '-'], { encoding: 'utf8' });
  expect(text).toContain('Aino Virtanen');
  expect(text).toContain('40100 JYVÄSKYLÄ');
  expect(text).not.toContain('Korhonen');
  expect(text).not.toContain('Hämäläinen');
});
