// Where the register file lives: Electron's userData folder by default, or `--register PATH`.
import { app } from 'electron';
import { join, resolve } from 'node:path';

export function registerPathFromArgs(argv: readonly string[]): string {
  const index = argv.indexOf('--register');
  const explicit =
    index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith('--register='))?.slice('--register='.length);
  return explicit ? resolve(explicit) : join(app.getPath('userData'), 'asiakasrekisteri.kaappi');
}

/** The SQLCipher module built for Electron's ABI (scripts/electron-native.mjs), dev or packaged. */
export function electronNativeBinding(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node');
}
