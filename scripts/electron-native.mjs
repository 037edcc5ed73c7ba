// Builds a second copy of the SQLCipher native module for Electron's ABI.
//
// `npm test` and the CLI run under plain Node and load the module npm built in node_modules.
// Electron needs the same module compiled against its own headers. Rebuilding in place would
// break the Node build, so the Electron build lives in `native/electron/` and the main process
// passes it to better-sqlite3 through the `nativeBinding` option (see src-main/db/native-binding.ts).
//
// Usage: node scripts/electron-native.mjs [--if-electron-present]
// With --if-electron-present (postinstall) it does nothing when Electron's binary is not on disk:
// since Electron 42, `npm install` no longer fetches it (`npm start` does, on first run), and on
// offline build machines it never comes; tests need only Node.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const optional = process.argv.includes('--if-electron-present');

// Read where the package's own index.js would look, without requiring it: since Electron 42,
// requiring `electron` downloads the binary when it is missing, which postinstall must not do.
function electronBinaryPresent() {
  try {
    const electronDir = dirname(require.resolve('electron/package.json'));
    const executable = readFileSync(join(electronDir, 'path.txt'), 'utf8');
    return executable !== '' && existsSync(join(electronDir, 'dist', executable));
  } catch {
    return false;
  }
}

// Building needs only Electron's version and headers, not its binary, so only postinstall asks.
if (optional && !electronBinaryPresent()) process.exit(0);

const electronVersion = require('electron/package.json').version;
const modulePackage = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const work = join(root, 'native', 'electron-build');
const target = join(root, 'native', 'electron', 'better_sqlite3.node');

rmSync(work, { recursive: true, force: true });
cpSync(modulePackage, work, { recursive: true, filter: (src) => !src.includes(`${modulePackage}/build`) });
const gyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [modulePackage, root] });
// prebuild-install picks the prebuilt by Electron's ABI, looked up in its node-abi (which must know
// this Electron: test/platform/electron-native.test.ts); node-gyp, the fallback, needs the version only.
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
