// Settings as eight setup steps (issue 23 item 1): one step at a time with the step list in view,
// done or not as main computes it, progress on the dashboard with a way to the first step not
// done, and a question before unsaved changes are left behind (save / go on without / stay),
// whether by the step buttons or by the header menu. At 1366×768, the laptop the owner has.
import { expect, expectAccessible, screenshot } from './fixtures';
import { test } from './owner-fixtures';

test.use({ actionTimeout: 15_000, viewport: { width: 1366, height: 768 } });

test('a step done in settings shows as done in the step list and in the dashboard progress', async ({ page }) => {
  const menu = page.getByRole('navigation', { name: 'Päävalikko' });
  const card = page.getByRole('region', { name: 'Asetukset' });
  await expect(card.getByTestId('setup-progress')).toHaveText(/^Asetukset \d\/8 valmis\.$/);
  const before = Number(/(\d)\/8/.exec((await card.getByTestId('setup-progress').textContent()) ?? '')?.[1]);
  await expect(card).toContainText('Kesken: Yrityksesi tiedot, Yhteyshenkilö');
  await expectAccessible(page);
  await screenshot(page, 'steps-01-home-progress');

  // The card leads straight to the first step not done, its heading focused for the keyboard.
  await card.getByRole('button', { name: 'Jatka: Yrityksesi tiedot' }).click();
  await expect(page.getByRole('heading', { name: 'Yrityksesi tiedot', level: 2 })).toBeFocused();
  const steps = page.getByRole('navigation', { name: 'Asetusten vaiheet' });
  await expect(steps.getByRole('button', { name: /^Yrityksesi tiedot/ })).toHaveAttribute('aria-current', 'step');
  await expect(steps.getByRole('button', { name: /^Yrityksesi tiedot/ })).toContainText('Kesken');
  await expect(steps.getByRole('listitem')).toHaveCount(8);
  // One step at a time: the other steps' forms are not on the page.
  await expect(page.getByRole('form', { name: 'Tietoturva' })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'steps-02-settings-first-step');

  const controller = page.getByRole('form', { name: 'Rekisterinpitäjän tiedot' });
  await controller.getByLabel('Nimi tai toiminimi').fill('Hieronta Mäkelä');
  await controller.getByRole('button', { name: 'Tallenna' }).click();
  await expect(controller.getByRole('status')).toHaveText('Tallennettu.');
  await expect(page.getByTestId('step-state')).toHaveText('✓ Tämä vaihe on valmis.');
  await expect(steps.getByRole('button', { name: /^Yrityksesi tiedot/ })).toContainText('Valmis');

  // The header and the step list stay in view when the step is scrolled.
  await page.mouse.wheel(0, 2000);
  await expect(menu).toBeInViewport();
  await expect(steps).toBeInViewport();
  await page.screenshot({ path: 'test/e2e/screenshots/steps-03-settings-scrolled.png' });

  // Next by keyboard.
  await page.getByRole('button', { name: 'Seuraava: Yhteyshenkilö →' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Yhteyshenkilö', level: 2, exact: true })).toBeFocused();
  await expect(page.getByRole('form', { name: 'Yhteyshenkilö rekisteriä koskevissa asioissa' })).toBeVisible();

  await menu.getByRole('link', { name: 'Etusivu' }).click();
  await expect(card.getByTestId('setup-progress')).toHaveText(`Asetukset ${before + 1}/8 valmis.`);
  await expect(card.getByRole('button', { name: 'Jatka: Yhteyshenkilö' })).toBeVisible();
  await expect(card).not.toContainText('Yrityksesi tiedot');
});

test('unsaved changes: leaving a step or the screen asks, and stay, discard and save do what they say', async ({
  page,
}) => {
  const menu = page.getByRole('navigation', { name: 'Päävalikko' });
  await menu.getByRole('link', { name: 'Asetukset' }).click();
  await expect(page.getByRole('heading', { name: 'Asetukset', level: 1 })).toBeFocused();
  const controller = page.getByRole('form', { name: 'Rekisterinpitäjän tiedot' });
  const name = controller.getByLabel('Nimi tai toiminimi');
  const question = page.getByRole('dialog', { name: 'Tallennetaanko muutokset?' });

  // Stay: the step and the typed name are still there.
  await name.fill('Hieronta Mäkelä');
  await page.getByRole('button', { name: 'Seuraava: Yhteyshenkilö →' }).click();
  await expect(question).toBeVisible();
  await expect(question).toContainText('muutokset katoavat');
  await expectAccessible(page);
  // The viewport only: a full-page shot draws the modal's backdrop over the first screen alone.
  await page.screenshot({ path: 'test/e2e/screenshots/steps-04-unsaved-question.png' });
  await question.getByRole('button', { name: 'Jää tälle sivulle' }).click();
  await expect(question).toBeHidden();
  await expect(name).toHaveValue('Hieronta Mäkelä');
  // By keyboard, Escape stays too.
  await page.getByRole('button', { name: 'Seuraava: Yhteyshenkilö →' }).focus();
  await page.keyboard.press('Enter');
  await expect(question.getByRole('button', { name: 'Tallenna ja jatka' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(name).toHaveValue('Hieronta Mäkelä');

  // Discard, by the header menu: the contacts open and the name was not saved.
  await menu.getByRole('link', { name: 'Asiakkaat' }).click();
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Jatka tallentamatta' }).click();
  await expect(page.getByRole('heading', { name: 'Asiakkaat', level: 1 })).toBeVisible();
  await menu.getByRole('link', { name: 'Asetukset' }).click();
  await expect(name).toHaveValue('');

  // Save with a mistake: the question closes, the error shows and the step stays.
  await name.fill('Hieronta Mäkelä');
  await controller.getByLabel('Y-tunnus').fill('123');
  await page
    .getByRole('navigation', { name: 'Asetusten vaiheet' })
    .getByRole('button', { name: /^Tietoturva/ })
    .click();
  await question.getByRole('button', { name: 'Tallenna ja jatka' }).click();
  await expect(controller.getByText('Tarkista Y-tunnus (muodossa 1234567-8).')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Yrityksesi tiedot', level: 2 })).toBeVisible();

  // Save, by the header menu: saved, then home, whose card counts the step done.
  await controller.getByLabel('Y-tunnus').fill('2345678-0');
  await menu.getByRole('link', { name: 'Etusivu' }).click();
  await question.getByRole('button', { name: 'Tallenna ja jatka' }).click();
  await expect(page.getByRole('heading', { name: /Tervetuloa/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Asetukset' })).not.toContainText('Yrityksesi tiedot');
  await menu.getByRole('link', { name: 'Asetukset' }).click();
  await expect(name).toHaveValue('Hieronta Mäkelä');
  await expect(controller.getByLabel('Y-tunnus')).toHaveValue('2345678-0');

  // Nothing changed: moving on asks nothing.
  await page.getByRole('button', { name: 'Seuraava: Yhteyshenkilö →' }).click();
  await expect(question).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Yhteyshenkilö', level: 2, exact: true })).toBeFocused();
});
