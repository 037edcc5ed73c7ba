// `npm start`: builds and opens the desktop app. Electron's binary is fetched the first time this
// asks for it (Electron 42 and later no longer fetch it on npm install); offline, it says so plainly.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

let electronBinary = null;
try {
  electronBinary = require('electron'); // downloads the binary if it is not there yet
} catch {
  electronBinary = null;
}
if (typeof electronBinary !== 'string' || !existsSync(electronBinary)) {
  console.error(
    [
      'Electron is missing on this machine, so the desktop app cannot start.',
      'Its binary is downloaded the first time the app starts, and that failed: probably no internet here.',
      'On a machine with internet access run `npm install`, then `npm start`.',
      'Here you can still run the tests (`npm test`) or see the UI in a browser (`npm run dev:browser`).',
    ].join('\n'),
  );
  process.exit(1);
}

const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!existsSync(join(root, 'native', 'electron', 'better_sqlite3.node')))
  run(process.execPath, ['scripts/electron-native.mjs']);
run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);
run(electronBinary, ['.', ...process.argv.slice(2)]);
