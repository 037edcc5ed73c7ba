// Each test gets its own register in a temp dir and its own test host over the real registry.
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock, systemRandom } from '../../src-main/core/clock';
import { OWASP_SCRYPT } from '../../src-main/core/keyring';
import { createRegister } from '../../src-main/core/register';
import { startTestHost, type TestHost } from './host/server';

export const OWNER = {
  username: 'aino',
  displayName: 'Aino Mäkinen',
  password: 'Hieronta-Kevät-2026!',
  confidentialitySignedOn: '2026-01-15',
};

export interface Fixtures {
  registerPath: string;
  host: TestHost;
  /** The folder the fake system dialog picks: a stand-in for the USB stick. */
  usbDir: string;
  /** A register that already exists (created through core), for login tests. */
  existingRegister: { recoveryKey: string };
  /**
   * What the fake "open backup" dialog answers, read when main asks: 'newest' (default) picks the
   * newest *.manifest.json in usbDir, 'cancel' answers as if the user cancelled, and a path picks
   * that file. A test sets `restoreDialog.answer` before it clicks.
   */
  restoreDialog: { answer: 'newest' | 'cancel' | string };
}

/** The newest backup manifest in a folder (backup names sort by time), or null if there is none. */
export function newestManifest(folder: string): string | null {
  const newest = readdirSync(folder)
    .filter((name) => name.endsWith('.manifest.json'))
    .sort()
    .at(-1);
  return newest ? join(folder, newest) : null;
}

export const test = base.extend<Fixtures>({
  // Playwright reads a fixture's dependencies from this destructuring; this one has none.
  // eslint-disable-next-line no-empty-pattern
  registerPath: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'kaappi-e2e-'));
    await use(join(dir, 'asiakasrekisteri.kaappi'));
    rmSync(dir, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern
  usbDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'kaappi-usb-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern
  restoreDialog: async ({}, use) => {
    await use({ answer: 'newest' });
  },
  host: async ({ registerPath, usbDir, restoreDialog }, use) => {
    const host = await startTestHost({
      registerPath,
      chooseFolder: () => usbDir,
      chooseBackup: () =>
        restoreDialog.answer === 'cancel'
          ? null
          : restoreDialog.answer === 'newest'
            ? newestManifest(usbDir)
            : restoreDialog.answer,
    });
    await use(host);
    await host.close();
  },
  existingRegister: async ({ registerPath }, use) => {
    const { register, recoveryKey } = await createRegister(registerPath, OWNER, {
      clock: systemClock,
      random: systemRandom,
      scrypt: OWASP_SCRYPT,
    });
    register.close();
    await use({ recoveryKey });
  },
});

export { expect };

/** Fails the test on any axe-core violation, listing them readably. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

const SHOTS = join(process.cwd(), 'test/e2e/screenshots');
export async function screenshot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  // From the top: a full-page shot of a scrolled page draws the sticky header midway down.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
