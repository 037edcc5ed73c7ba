// `npm run dev:browser`: the test host for people, so the UI can be seen and clicked in any browser
// on a machine without Electron. Development only: 127.0.0.1, token in the URL, never packaged.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startTestHost } from './server';

const { values } = parseArgs({
  options: { register: { type: 'string' }, port: { type: 'string' } },
});
const registerPath = resolve(values.register ?? 'dev-data/asiakasrekisteri.kaappi');
mkdirSync(resolve(registerPath, '..'), { recursive: true });
// Where "save to a folder" and "restore a backup" look: the page lists this folder's contents.
const sandbox = mkdtempSync(join(tmpdir(), 'kaappi-dev-'));
const host = await startTestHost({ registerPath, sandbox, port: values.port ? Number(values.port) : 5199 });
console.log(
  `Kaappi (browser dev host)\n  register: ${registerPath}\n  folders:  ${sandbox}\n  open:     ${host.url}\nCtrl+C stops it.`,
);
const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
