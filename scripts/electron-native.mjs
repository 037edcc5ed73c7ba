// Builds a second copy of the SQLCipher native module for Electron's ABI.
//
// `npm test` and the CLI run under plain Node and load the module npm built in node_modules.
// Electron needs the same module compiled against its own headers. Rebuilding in place would
// break the Node build, so the Electron build lives in `native/electron/` and the main process
// passes it to better-sqlite3 through the `nativeBinding` option (see src-main/db/native-binding.ts).
//
// Usage: node scripts/electron-native.mjs [--if-electron-present]
// With --if-electron-present (postinstall) it does nothing when Electron's binary was not
// downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1, offline build machines): tests need only Node.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const optional = process.argv.includes('--if-electron-present');

function electronBinaryPresent() {
  try {
    const binary = require('electron'); // the package's main exports the binary's path
    return typeof binary === 'string' && existsSync(binary);
  } catch {
    return false;
  }
}

if (!electronBinaryPresent()) {
  if (optional) process.exit(0);
  console.error('Electron binary is missing: run `npm install` on a machine with internet access.');
  process.exit(1);
}

const electronVersion = require('electron/package.json').version;
const modulePackage = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const work = join(root, 'native', 'electron-build');
const target = join(root, 'native', 'electron', 'better_sqlite3.node');

rmSync(work, { recursive: true, force: true });
cpSync(modulePackage, work, { recursive: true, filter: (src) => !src.includes(`${modulePackage}/build`) });
const gyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [modulePackage, root] });
const flags = [`--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'];
try {
  execFileSync(join(work, '..', '..', 'node_modules', '.bin', 'prebuild-install'), flags, {
    cwd: work,
    stdio: 'inherit',
  });
} catch {
  execFileSync(process.execPath, [gyp, 'rebuild', '--release', ...flags], { cwd: work, stdio: 'inherit' });
}
mkdirSync(dirname(target), { recursive: true });
cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
rmSync(work, { recursive: true, force: true });
console.log(`Built the SQLCipher module for Electron ${electronVersion}: ${target}`);
