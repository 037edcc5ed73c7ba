// Issue 23's "Done when": a first-time owner (a massage therapist, Finnish UI, her 1366×768 laptop)
// goes from first run to a ready, saved privacy notice, a first customer and a first backup without
// reading any help. The test only clicks what the screens offer as the next thing (the setup
// card's "Jatka", the step list and "Seuraava" buttons, the home cards' buttons) and fills in what
// she would; nothing is set up through the handlers and nothing is opened by URL.
import { readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, OWNER, screenshot, test } from './fixtures';

test.use({ actionTimeout: 15_000, viewport: { width: 1366, height: 768 } });

/** A backup is real work (a worker copies the register and opens the copy to verify it). */
const BACKUP_DONE = { timeout: 30_000 };

const stepHeading = (page: Page) => page.locator('#settings-step-title');
const stepState = (page: Page) => page.getByTestId('step-state');

async function nextStep(page: Page, name: string) {
  await page.getByRole('button', { name: `Seuraava: ${name} →` }).click();
  await expect(stepHeading(page)).toHaveText(name);
  await expect(stepHeading(page)).toBeFocused();
}

test('first run to a ready notice, a first customer and a first backup, by what the screens offer', async ({
  page,
  host,
  usbDir,
}) => {
  // A journey through a dozen screens, each checked with axe, on a shared two-core machine.
  test.setTimeout(180_000);
  const menu = page.getByRole('navigation', { name: 'Päävalikko' });
  const steps = page.getByRole('navigation', { name: 'Asetusten vaiheet' });

  // First run: no register yet, so the app offers to create one.
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Luo asiakasrekisteri' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'journey-01-first-run');
  await page.getByLabel('Nimi', { exact: true }).fill(OWNER.displayName);
  await page.getByLabel('Käyttäjätunnus').fill(OWNER.username);
  await page.getByLabel('Salasana', { exact: true }).fill(OWNER.password);
  await page.getByLabel('Salasana uudelleen').fill(OWNER.password);
  await page.getByRole('button', { name: 'Luo rekisteri' }).click();

  // The recovery key, once: she ticks that she has stored it before she may go on.
  await expect(page.getByTestId('recovery-key')).toHaveText(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
  await expectAccessible(page);
  await screenshot(page, 'journey-02-recovery-key');
  await page.getByLabel('Olen tulostanut tai kirjoittanut palautusavaimen talteen.').check();
  await page.getByRole('button', { name: 'Jatka rekisteriin' }).click();

  // The basics and a template for her trade, which fills in most of the notice.
  await expect(page.getByRole('heading', { name: 'Rekisterin perustiedot' })).toBeVisible();
  await page.getByLabel('Yrityksen tai toiminimen nimi').fill('Hieronta Mäkinen');
  await page.getByLabel('Sähköposti').fill('aino@hierontamakinen.fi');
  await page.getByLabel('Puhelin').fill('040 123 4567');
  await page.getByRole('radio', { name: 'Hieroja / hyvinvointipalvelu – yksityisasiakkaat' }).check();
  await expect(page.getByText('Pohja muuttaa nämä asetukset:')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'journey-03-setup-preset');
  await page.getByRole('button', { name: 'Tallenna ja jatka' }).click();

  // Home: the setup card says how far she is and offers the first step not done.
  await expect(page.getByRole('heading', { name: `Tervetuloa, ${OWNER.displayName}` })).toBeVisible();
  const setupCard = page.getByRole('region', { name: 'Asetukset' });
  await expect(setupCard.getByTestId('setup-progress')).toHaveText('Asetukset 6/8 valmis.');
  await expect(setupCard).toContainText('Kesken: Tietojen vastaanottajat, Seloste valmiiksi.');
  await expectAccessible(page);
  await screenshot(page, 'journey-04-home-setup-6-of-8');
  await setupCard.getByRole('button', { name: 'Jatka: Tietojen vastaanottajat' }).click();

  // Recipients: she has no booking or newsletter service, so nothing leaves the EU.
  await expect(stepHeading(page)).toHaveText('Tietojen vastaanottajat');
  await expect(stepState(page)).toContainText('valinta, siirretäänkö tietoja EU/ETA-alueen ulkopuolelle');
  await expectAccessible(page);
  await screenshot(page, 'journey-05-recipients');
  const processors = page.getByRole('form', { name: 'Käsittelijät ja siirrot' });
  await processors.getByRole('radio', { name: 'Tietoja ei siirretä EU/ETA-alueen ulkopuolelle' }).check();
  await processors.getByRole('button', { name: 'Tallenna' }).click();
  await expect(processors.getByRole('status')).toHaveText('Tallennettu.');
  await expect(stepState(page)).toHaveText('✓ Tämä vaihe on valmis.');
  await expect(steps.getByRole('button', { name: /^Tietojen vastaanottajat/ })).toContainText('Valmis');

  // The template's retention and security steps are done; she looks and moves on.
  await nextStep(page, 'Säilytys');
  await expect(stepState(page)).toHaveText('✓ Tämä vaihe on valmis.');
  await expectAccessible(page);
  await screenshot(page, 'journey-06-retention');
  await nextStep(page, 'Tietoturva');
  await expect(stepState(page)).toHaveText('✓ Tämä vaihe on valmis.');
  await expectAccessible(page);
  await screenshot(page, 'journey-07-security');
  await nextStep(page, 'Seloste valmiiksi');
  await expect(stepState(page)).toHaveText('Tämä vaihe on kesken.');
  await expectAccessible(page);
  await screenshot(page, 'journey-08-notice-step');

  // The checklist's first item asks for her business ID and address, which the first run did not:
  // she goes back to her business details in the step list and adds them.
  const checklist = page.getByRole('region', { name: 'Tarkistuslista' });
  await expect(checklist.getByTestId('checklist-progress')).toHaveText('0/9 kohtaa tarkistettu.');
  await expect(checklist.getByRole('checkbox').first()).toHaveAccessibleName(/Y-tunnus, osoite/);
  await steps.getByRole('button', { name: /^Yrityksesi tiedot/ }).click();
  await expect(stepHeading(page)).toHaveText('Yrityksesi tiedot');
  const controller = page.getByRole('form', { name: 'Rekisterinpitäjän tiedot' });
  await expect(controller.getByLabel('Nimi tai toiminimi')).toHaveValue('Hieronta Mäkinen');
  await controller.getByLabel('Y-tunnus').fill('2345678-0');
  await controller.getByLabel('Katuosoite').fill('Kauppakatu 12 B');
  await controller.getByLabel('Postinumero').fill('40100');
  await controller.getByLabel('Postitoimipaikka').fill('Jyväskylä');
  await expectAccessible(page);
  await screenshot(page, 'journey-09-business-details');
  await controller.getByRole('button', { name: 'Tallenna' }).click();
  await expect(controller.getByRole('status')).toHaveText('Tallennettu.');
  await steps.getByRole('button', { name: /^Seloste valmiiksi/ }).click();
  await expect(stepHeading(page)).toHaveText('Seloste valmiiksi');

  // She checks each item of the checklist, then saves the notice to the folder she picks.
  for (const item of await checklist.getByRole('checkbox').all()) {
    // Each tick is saved at once; the box shows as ticked when main has it.
    await item.click();
    await expect(item).toBeChecked();
    await expect(item).toBeEnabled();
  }
  await expect(checklist.getByTestId('checklist-progress')).toHaveText('Kaikki kohdat on tarkistettu.');
  const notice = page.getByRole('region', { name: 'Tietosuojaseloste' });
  await notice.getByRole('button', { name: 'Tallenna tietosuojaseloste (HTML ja PDF)' }).click();
  await expect(notice.getByRole('status')).toContainText(`Tallennettu kansioon ${usbDir}`);
  await expect(stepState(page)).toHaveText('✓ Tämä vaihe on valmis.');
  await expect(page.getByTestId('settings-progress')).toHaveText('8/8 valmiina');
  // The last step says what comes next instead of ending at "previous".
  const done = page.getByTestId('setup-done');
  await expect(done).toContainText('Asetukset ovat valmiit');
  await expect(done.getByRole('button', { name: 'Lisää ensimmäinen asiakas' })).toBeVisible();
  expect(readdirSync(usbDir).filter((name) => /\.(html|pdf)$/.test(name)).length).toBeGreaterThanOrEqual(4);
  await expectAccessible(page);
  await screenshot(page, 'journey-10-notice-saved');

  // Home: setup is done and the notice card says the notice is current.
  await menu.getByRole('link', { name: 'Etusivu' }).click();
  await expect(setupCard.getByTestId('setup-progress')).toHaveText('Asetukset 8/8 valmis.');
  await expect(setupCard.getByRole('button', { name: 'Avaa asetukset' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Tietosuojaseloste' })).toContainText(
    'Tietosuojaseloste on ajan tasalla',
  );
  await expectAccessible(page);
  await screenshot(page, 'journey-11-home-ready');

  // The first customer, from the home screen's way to the contacts.
  await page.getByRole('button', { name: 'Avaa asiakkaat' }).click();
  await expect(page.getByRole('heading', { name: 'Asiakkaat', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'journey-12-contacts-empty');
  await page.getByRole('button', { name: 'Uusi henkilö' }).click();
  await expect(page.getByRole('heading', { name: 'Uusi henkilö' })).toBeVisible();
  await page.getByLabel('Etunimi').fill('Helmi');
  await page.getByLabel('Sukunimi').fill('Laine');
  await page.getByLabel('Puhelin').fill('040 765 4321');
  await page.getByLabel('Sähköposti').fill('helmi.laine@example.fi');
  // The template switched "entered by hand" off: no source the notice does not list is preset, and
  // fields the notice does not list are not asked.
  const source = page.getByLabel('Tietolähde');
  await expect(source).toHaveValue('');
  await expect(source.locator('option', { hasText: 'Käsin syötetty' })).toHaveCount(0);
  await source.selectOption({ label: 'Asiakkaan itse antamat tiedot' });
  for (const field of ['IP-osoite', 'Verkkosivut', 'Syntymäaika', 'Organisaatio']) {
    await expect(page.getByLabel(field, { exact: true })).toHaveCount(0);
  }
  await expectAccessible(page);
  await screenshot(page, 'journey-13-new-customer');
  await page.getByRole('button', { name: 'Lisää henkilö' }).click();
  await expect(page.getByRole('heading', { name: 'Helmi Laine', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'journey-14-customer');
  await menu.getByRole('link', { name: 'Asiakkaat' }).click();
  await expect(page.getByRole('row', { name: /Laine/ })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'helmi.laine@example.fi' })).toBeVisible();

  // The first backup, from the home screen's reminder.
  await menu.getByRole('link', { name: 'Etusivu' }).click();
  const backupCard = page.getByRole('region', { name: /^Varmuuskopiot/ });
  await expect(backupCard.getByTestId('backup-reminder')).toHaveText(/^Ota varmuuskopio nyt\./);
  await backupCard.getByRole('button', { name: 'Varmuuskopioi nyt' }).click();
  await expect(backupCard.getByTestId('backup-result')).toContainText(
    'Varmuuskopio on tehty ja tarkistettu.',
    BACKUP_DONE,
  );
  const manifests = readdirSync(usbDir).filter((name) => name.endsWith('.manifest.json'));
  expect(manifests).toHaveLength(1);
  await expect(backupCard.getByTestId('backup-age')).toHaveText(/^Viimeisin tarkistettu varmuuskopio tänään \(/);
  await expect(backupCard.getByTestId('backup-reminder')).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'journey-15-home-backup-done');
  await backupCard.getByRole('button', { name: 'Avaa varmuuskopiot' }).click();
  await expect(page.getByRole('heading', { name: 'Varmuuskopiot', level: 1 })).toBeVisible();
  // The list loads after the heading: a locator waits for it, a snapshot of .all() would not.
  const attempt = page.getByTestId('backup-attempt').first();
  await expect(attempt).toContainText('Tarkistettu');
  await expect(attempt).toContainText(manifests[0]!);
  await expectAccessible(page);
  await screenshot(page, 'journey-16-backup-screen');

  // Where she ends: settings ready, the notice saved and current, a customer, a backup.
  await menu.getByRole('link', { name: 'Etusivu' }).click();
  await expect(setupCard.getByTestId('setup-progress')).toHaveText('Asetukset 8/8 valmis.');
  await expect(page.getByRole('region', { name: 'Tietosuojaseloste' })).toContainText(
    'Tietosuojaseloste on ajan tasalla',
  );
  await expect(backupCard.getByTestId('backup-age')).toHaveText(/^Viimeisin tarkistettu varmuuskopio tänään/);
  // Her recent events are in words: the template and the ticked checklist, not their audit keys.
  const events = page.getByRole('region', { name: 'Viimeisimmät tapahtumat' });
  await expect(
    events.getByRole('cell', { name: 'Tarkistuslistan kohta merkittiin tarkistetuksi' }).first(),
  ).toBeVisible();
  await expect(events.getByRole('cell', { name: /^[a-z_]+\.[a-z_]+$/ })).toHaveCount(0);
});
