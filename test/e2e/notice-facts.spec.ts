// The notice's facts on the settings screen for a business whose web shop a partner runs: the
// security measures as checkboxes (one that denies another clears it), the transfer choice as radio
// buttons (a gap until chosen), and a free introduction; the preview prints exactly those.
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { logIn, openSettingsStep, settingsStep } from './register-fixtures';

test.use({ actionTimeout: 15_000 });

test('a partner-run web shop: the owner checks the true security facts, chooses the transfer and writes an introduction', async ({
  page,
  host,
  existingRegister,
}) => {
  // Two previews and three axe runs over the long settings page: near 60 s on a loaded machine.
  test.slow();
  void existingRegister;
  await logIn(page, host);
  await openSettingsStep(page, 'Seloste valmiiksi');
  const notice = page.getByRole('region', { name: 'Tietosuojaseloste' });
  await expect(notice).toContainText('valinta, siirretäänkö tietoja EU/ETA-alueen ulkopuolelle');
  await settingsStep(page, 'Tietoturva');

  // Security: a new register says "never in a cloud"; checking the partner's servers clears it.
  const security = page.getByRole('form', { name: 'Tietoturva' });
  const notInCloud = security.getByRole('checkbox', { name: /^Ei pilvipalvelussa/ });
  const partner = security.getByRole('checkbox', { name: /^Tietoja on myös kumppanin palvelimilla/ });
  await expect(notInCloud).toBeChecked();
  await expect(security).toContainText('Selosteeseen: Rekisteri on tallennettu salattuna (AES-256)');
  await partner.focus();
  await page.keyboard.press('Space');
  await expect(partner).toBeChecked();
  await expect(notInCloud).not.toBeChecked();
  await security.getByRole('checkbox', { name: 'Työntekijät allekirjoittavat salassapitositoumuksen' }).uncheck();
  await security.getByRole('button', { name: 'Tallenna' }).click();
  await expect(security.getByRole('status')).toHaveText('Tallennettu.');
  await expectAccessible(page);
  await screenshot(page, '70-settings-security-measures');

  // Transfers: radio buttons, chosen by keyboard; the gap goes.
  await settingsStep(page, 'Tietojen vastaanottajat');
  const processors = page.getByRole('form', { name: 'Käsittelijät ja siirrot' });
  const inEea = processors.getByRole('radio', { name: 'Tietoja käsitellään kumppanien palvelimilla EU/ETA-alueella' });
  await expect(processors.getByRole('radio', { checked: true })).toHaveCount(0);
  await processors.getByRole('radio').first().focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(inEea).toBeChecked();
  await processors.getByRole('button', { name: 'Tallenna' }).click();
  await expect(processors.getByRole('status')).toHaveText('Tallennettu.');
  await expect(page.getByTestId('step-state')).toHaveText('✓ Tämä vaihe on valmis.');
  await expectAccessible(page);
  await screenshot(page, '71-settings-transfer-choice');

  // A free introduction in both languages.
  await settingsStep(page, 'Seloste valmiiksi');
  await expect(notice).not.toContainText('siirretäänkö tietoja');
  const texts = page.getByRole('form', { name: 'Selosteen johdanto ja missä se on luettavissa' });
  await texts
    .getByLabel('Johdanto suomeksi')
    .fill('Hieronta Mäkelä myy lahjakortteja verkkokaupassa, jota ylläpitää kumppani.');
  await texts
    .getByLabel('Johdanto englanniksi')
    .fill('Hieronta Mäkelä sells gift cards in a web shop run by a partner.');
  await texts.getByRole('button', { name: 'Tallenna' }).click();
  await expect(texts.getByRole('status')).toHaveText('Tallennettu.');

  // The preview prints what was chosen, and no claim that all stays on this computer.
  await notice.getByRole('button', { name: 'Esikatsele suomeksi' }).click();
  let body = page.getByRole('dialog', { name: 'Tietosuojaseloste suomeksi' }).frameLocator('iframe').locator('body');
  await expect(body).toContainText('Hieronta Mäkelä myy lahjakortteja verkkokaupassa');
  await expect(body).toContainText('Osa tiedoista on myös yhteistyökumppanien palvelimilla');
  await expect(body).toContainText('palvelimilla, jotka sijaitsevat EU:n tai ETA:n alueella');
  await expect(body).not.toContainText('pilvipalveluun');
  await expect(body).not.toContainText('ei siirretä');
  await expect(body).not.toContainText('salassapitositoumuksen');
  await screenshot(page, '72-settings-notice-facts-preview');
  await page.keyboard.press('Escape');
  await notice.getByRole('button', { name: 'Esikatsele englanniksi' }).click();
  body = page.getByRole('dialog', { name: 'Tietosuojaseloste englanniksi' }).frameLocator('iframe').locator('body');
  await expect(body).toContainText('sells gift cards in a web shop run by a partner');
  await expect(body).toContainText("Some of the data is also on partners' servers");
  await expect(body).not.toContainText('cloud');
  await page.keyboard.press('Escape');

  // In English, every new string from the catalog.
  await page.getByRole('button', { name: 'English' }).click();
  await page
    .getByRole('navigation', { name: 'Settings steps' })
    .getByRole('button', { name: /^Security/ })
    .click();
  const securityEn = page.getByRole('form', { name: 'Security' });
  await expect(securityEn.getByRole('checkbox', { name: /^Data is also on a partner’s servers/ })).toBeChecked();
  await expectAccessible(page);
  await page
    .getByRole('navigation', { name: 'Settings steps' })
    .getByRole('button', { name: /^Who receives data/ })
    .click();
  await expect(
    page.getByRole('form', { name: 'Processors and transfers' }).getByRole('radio', {
      name: 'Data is processed on partners’ servers inside the EU/EEA',
    }),
  ).toBeChecked();
  await expectAccessible(page);
});
