// End-to-end tests in real Chromium (Debian's, headless) against the built renderer, talking to
// the real handler registry through the loopback test host (test/e2e/host).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  // One retry in CI only: on a loaded 2-core machine a screen can miss the 10 s expect window; a
  // test that fails twice is a real failure, and the report still names the flaky one.
  retries: process.env['CI'] ? 1 : 0,
  reporter: process.env['CI'] ? 'line' : 'list',
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'fi-FI',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
  },
});
