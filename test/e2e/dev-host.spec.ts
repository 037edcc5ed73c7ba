// `npm run dev:browser` without Electron: when the app asks for a folder or a backup, the dev host's
// page lists its sandbox folder, so saving a backup and restoring it can be done end to end there.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { startTestHost } from './host/server';
import { logIn } from './register-fixtures';

test('the dev host lets a backup be saved into its sandbox and chosen again for a restore', async ({
  page,
  registerPath,
  existingRegister,
}) => {
  void existingRegister;
  const sandbox = mkdtempSync(join(tmpdir(), 'kaappi-dev-sandbox-'));
  const host = await startTestHost({ registerPath, sandbox });
  try {
    await logIn(page, host);
    const card = page.getByRole('region', { name: 'Varmuuskopiot' });
    // Cancelling the chooser answers as a cancelled system dialog does: nothing is written.
    await card.getByRole('button', { name: 'Varmuuskopioi nyt' }).click();
    const chooser = page.getByRole('dialog', { name: 'Valitse kansio' });
    await expect(chooser.getByRole('button', { name: 'USB-muisti' })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'dev-host-choose-folder');
    await chooser.getByRole('button', { name: 'Peruuta' }).click();
    await expect(chooser).toHaveCount(0);
    expect(readdirSync(join(sandbox, 'USB-muisti'))).toEqual([]);

    // A cancelled save is said plainly, not in the green of a saved file.
    await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Asetukset' }).click();
    await page
      .getByRole('navigation', { name: 'Asetusten vaiheet' })
      .getByRole('button', { name: /^Seloste valmiiksi/ })
      .click();
    await page.getByRole('button', { name: 'Tallenna tietosuojaseloste (HTML ja PDF)' }).click();
    await chooser.getByRole('button', { name: 'Peruuta' }).click();
    const cancelled = page.getByRole('status').filter({ hasText: 'Tallennus peruttiin.' });
    await expect(cancelled).toHaveClass(/muted/);
    await expect(cancelled).not.toHaveClass(/\bok\b/);
    await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Etusivu' }).click();

    await card.getByRole('button', { name: 'Varmuuskopioi nyt' }).click();
    await chooser.getByRole('button', { name: 'USB-muisti' }).click();
    await expect(card.getByTestId('backup-result')).toContainText('Varmuuskopio on tehty ja tarkistettu.', {
      timeout: 60_000,
    });
    const manifest = readdirSync(join(sandbox, 'USB-muisti')).find((name) => name.endsWith('.manifest.json'));
    expect(manifest).toBeDefined();

    await page.getByRole('button', { name: 'Lukitse' }).click();
    await page.getByRole('button', { name: 'Palauta varmuuskopiosta' }).click();
    await page.getByRole('button', { name: 'Valitse varmuuskopio…' }).click();
    const backups = page.getByRole('dialog', { name: 'Valitse varmuuskopio' });
    await backups.getByRole('button', { name: `USB-muisti/${manifest}` }).click();
    await expect(page.getByRole('heading', { name: 'Varmuuskopion sisältö' })).toBeVisible();
    expect(existsSync(join(sandbox, 'USB-muisti', manifest!))).toBe(true);
  } finally {
    await host.close();
    rmSync(sandbox, { recursive: true, force: true });
  }
});
