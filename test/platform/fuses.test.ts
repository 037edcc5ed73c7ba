// The Electron fuses electron-builder flips in the packaged app (package.json build.electronFuses),
// checked against the installed electron-builder's own configuration schema.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const build = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { build: Record<string, unknown> })
  .build;

describe('packaged app fuses', () => {
  it('is a build config electron-builder accepts, so a misspelt fuse is an error, not ignored', () => {
    const schemaFile = createRequire(join(root, 'package.json')).resolve('app-builder-lib/scheme.json');
    const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
    expect(validate(build), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('turn off the ways to run the binary as a plain Node with our code or a debugger attached', () => {
    expect(build['electronFuses']).toMatchObject({
      runAsNode: false, // ELECTRON_RUN_AS_NODE=1 would make Kaappi's binary a Node for any script
      enableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS=--require evil.js
      enableNodeCliInspectArguments: false, // --inspect: a debugger in the process holding the key
    });
  });

  it('encrypt cookies, and load the app only from an app.asar checked against its embedded hash', () => {
    expect(build['electronFuses']).toMatchObject({
      enableCookieEncryption: true,
      // Checked on Windows and macOS, where electron-builder embeds the hash; Linux has no check.
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // Both need the app packed in an asar with its integrity computed (electron-builder's default).
    expect(build['asar']).not.toBe(false);
    expect(build['disableAsarIntegrity']).not.toBe(true);
  });
});
