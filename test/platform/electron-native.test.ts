// scripts/electron-native.mjs, run for real in a throwaway project: fake `electron`, native module,
// node-gyp and prebuild-install packages stand in, so nothing is downloaded or compiled.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = process.cwd();
const requireFromRoot = createRequire(join(root, 'package.json'));
const electronVersion = (requireFromRoot('electron/package.json') as { version: string }).version;

let project = '';
afterEach(() => rmSync(project, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/**
 * A project with the script and fakes. The fake `electron` leaves a mark when required, as since
 * Electron 42 requiring the package downloads a missing binary.
 */
function fakeProject(options: { binaryFetched: boolean }): { run: () => ReturnType<typeof spawnSync> } {
  project = mkdtempSync(join(tmpdir(), 'kaappi-electron-native-'));
  const modules = join(project, 'node_modules');
  mkdirSync(join(project, 'scripts'));
  copyFileSync(join(root, 'scripts/electron-native.mjs'), join(project, 'scripts/electron-native.mjs'));
  write(join(modules, 'electron/package.json'), JSON.stringify({ name: 'electron', version: electronVersion }));
  write(
    join(modules, 'electron/index.js'),
    `require('fs').writeFileSync(${JSON.stringify(join(project, 'required'))}, '');`,
  );
  if (options.binaryFetched) {
    write(join(modules, 'electron/path.txt'), 'electron');
    write(join(modules, 'electron/dist/electron'), '');
  }
  write(join(modules, 'better-sqlite3-multiple-ciphers/package.json'), '{"name":"better-sqlite3-multiple-ciphers"}');
  write(join(modules, 'node-gyp/package.json'), '{"name":"node-gyp"}');
  write(join(modules, 'node-gyp/bin/node-gyp.js'), 'process.exit(1);');
  // The fake prebuild-install records its arguments and "downloads" a prebuilt module.
  const prebuild = join(modules, '.bin/prebuild-install');
  write(
    prebuild,
    `#!${process.execPath}
const fs = require('fs');
fs.writeFileSync(${JSON.stringify(join(project, 'prebuild-args.json'))}, JSON.stringify(process.argv.slice(2)));
fs.mkdirSync('build/Release', { recursive: true });
fs.writeFileSync('build/Release/better_sqlite3.node', 'module for electron');
`,
  );
  chmodSync(prebuild, 0o755);
  return {
    run: () =>
      spawnSync(process.execPath, ['scripts/electron-native.mjs', '--if-electron-present'], {
        cwd: project,
        encoding: 'utf8',
      }),
  };
}

describe('scripts/electron-native.mjs --if-electron-present (postinstall)', () => {
  it('does nothing, and does not require electron (which would download it), when the binary was never fetched', () => {
    const result = fakeProject({ binaryFetched: false }).run();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(existsSync(join(project, 'required'))).toBe(false);
    expect(existsSync(join(project, 'native'))).toBe(false);
  });

  it('builds the module for the installed Electron version once its binary is there', () => {
    const result = fakeProject({ binaryFetched: true }).run();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const args = JSON.parse(readFileSync(join(project, 'prebuild-args.json'), 'utf8')) as string[];
    expect(args).toContain(`--target=${electronVersion}`);
    expect(args).toContain('--runtime=electron');
    expect(readFileSync(join(project, 'native/electron/better_sqlite3.node'), 'utf8')).toBe('module for electron');
    expect(existsSync(join(project, 'required'))).toBe(false);
  });
});

describe("the installed Electron's ABI", () => {
  it('is known to the node-abi prebuild-install uses, as the ABI the electron package ships', () => {
    // prebuild-install names the prebuilt it fetches by this ABI; a stale node-abi throws here.
    const prebuildInstall = requireFromRoot.resolve('prebuild-install/package.json');
    const nodeAbi = createRequire(prebuildInstall)('node-abi') as { getAbi(target: string, runtime: string): string };
    const shipped = readFileSync(
      join(dirname(requireFromRoot.resolve('electron/package.json')), 'abi_version'),
      'utf8',
    );
    expect(nodeAbi.getAbi(electronVersion, 'electron')).toBe(shipped.trim());
  });
});
