// The loopback test host: serves the built renderer and stands in for Electron's IPC by calling
// the real main-process handler registry. 127.0.0.1 only, a random token on every API call.
// A development and test tool: it is not part of the packaged app.
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import type { Clock } from '../../../src-main/core/clock';
import type { ScryptParams } from '../../../src-main/core/keyring';
import { defaultRegisterDeps } from '../../../src-main/core/register';
import type { PushEvent } from '../../../src-shared/contract';
import { MAX_IMPORT_FILE_BYTES } from '../../../src-shared/contract/imports';
import { handlers } from '../../../src-main/ipc/handlers';
import { createRegistry, type Registry } from '../../../src-main/ipc/registry';
import { BRIDGE_SCRIPT } from './bridge';
import { sandboxDialogs, type DialogQuestion } from './sandbox-dialogs';

export interface TestHost {
  url: string;
  token: string;
  registry: Registry;
  close(): Promise<void>;
}

export interface TestHostOptions {
  registerPath: string;
  rendererDir?: string;
  clock?: Clock;
  scrypt?: ScryptParams;
  port?: number;
  /** Where the "system dialog" points when a handler asks for a folder (e.g. a fake USB stick). */
  chooseFolder?: () => string | null;
  /** The backup manifest the fake "open file" dialog picks. */
  chooseBackup?: () => string | null;
  /**
   * Instead of the two above, ask the person at the page: the dialogs list folders and backups
   * in this sandbox folder (npm run dev:browser), and the page answers.
   */
  sandbox?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
/**
 * A call's body: an import carries its files as base64 (4/3 of their size), and Electron's IPC
 * takes a 50 MB file, so the test host must too; it is loopback-only and token-guarded.
 */
const MAX_BODY = Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + 1024 * 1024;

export async function startTestHost(options: TestHostOptions): Promise<TestHost> {
  const rendererDir = resolve(options.rendererDir ?? 'out/renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer in ${rendererDir}: run \`npm run build\` first.`);
  }
  const token = randomBytes(24).toString('base64url');
  const streams = new Set<ServerResponse>();
  const push = (event: PushEvent) => {
    for (const stream of streams) if (!stream.writableEnded) stream.write(`data: ${JSON.stringify(event)}\n\n`);
  };
  // Named events: the app's own listener (onmessage) sees only the unnamed pushes.
  const ask = (question: DialogQuestion) => {
    for (const stream of streams) {
      if (!stream.writableEnded) stream.write(`event: kaappi-dialog\ndata: ${JSON.stringify(question)}\n\n`);
    }
  };
  const sandbox = options.sandbox ? sandboxDialogs(options.sandbox, ask) : null;
  const registry = createRegistry({
    registerPath: options.registerPath,
    deps: {
      ...defaultRegisterDeps(),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.scrypt ? { scrypt: options.scrypt } : {}),
    },
    handlers,
    validateOutput: true,
    onEvent: push,
    logError: (channel, error) => console.error(`[test-host] ${channel}:`, error),
    dialogs: sandbox?.dialogs ?? {
      chooseFolder: () => Promise.resolve(options.chooseFolder?.() ?? null),
      chooseBackup: () => Promise.resolve(options.chooseBackup?.() ?? null),
    },
    appVersion: 'test',
  });

  let origin = '';
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('[test-host]', error);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    // DNS-rebinding guard: only our own host name is served.
    if (request.headers.host !== new URL(origin).host) return void response.writeHead(421).end();
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname.startsWith('/__kaappi/')) return api(url, request, response);
    return serveFile(url.pathname, response);
  }

  async function api(url: URL, request: IncomingMessage, response: ServerResponse) {
    if (url.pathname === '/__kaappi/bridge.js') {
      response.writeHead(200, { 'content-type': TYPES['.js']!, 'cache-control': 'no-store' });
      return void response.end(BRIDGE_SCRIPT);
    }
    const given = request.headers['x-kaappi-token'] ?? url.searchParams.get('token');
    if (given !== token) return void response.writeHead(403).end();
    if (url.pathname === '/__kaappi/events' && request.method === 'GET') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      streams.add(response);
      request.on('close', () => streams.delete(response));
      return;
    }
    if (url.pathname === '/__kaappi/dialog' && request.method === 'POST' && sandbox) {
      if (request.headers.origin && request.headers.origin !== origin) return void response.writeHead(403).end();
      const body = await readBody(request);
      let answer: { id?: unknown; choice?: unknown };
      try {
        answer = JSON.parse(body ?? '') as typeof answer;
      } catch {
        return void response.writeHead(400).end();
      }
      const choice = typeof answer.choice === 'number' ? answer.choice : null;
      const taken = typeof answer.id === 'number' && sandbox.answer(answer.id, choice);
      return void response.writeHead(taken ? 204 : 409).end();
    }
    if (url.pathname === '/__kaappi/invoke' && request.method === 'POST') {
      if (request.headers.origin && request.headers.origin !== origin) return void response.writeHead(403).end();
      const body = await readBody(request);
      if (body === null) return void response.writeHead(413).end();
      let message: { channel?: unknown; input?: unknown };
      try {
        message = JSON.parse(body) as typeof message;
      } catch {
        return void response.writeHead(400).end();
      }
      const result = await registry.invoke(message.channel, message.input);
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return void response.end(JSON.stringify(result));
    }
    response.writeHead(404).end();
  }

  function serveFile(pathname: string, response: ServerResponse) {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = resolve(rendererDir, relative || 'index.html');
    if (!file.startsWith(rendererDir) || !existsSync(file) || statSync(file).isDirectory())
      file = join(rendererDir, 'index.html');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (file.endsWith('index.html')) {
      // The bridge stands where Electron's preload would: before the app's own script.
      const html = readFileSync(file, 'utf8').replace(
        '<head>',
        '<head>\n    <script src="/__kaappi/bridge.js"></script>',
      );
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      return void response.end(html);
    }
    response.writeHead(200, { 'content-type': type });
    createReadStream(file).pipe(response);
  }

  await new Promise<void>((resolveListen) => server.listen(options.port ?? 0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    token,
    registry,
    close: async () => {
      await registry.lock('user');
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    },
  };
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolveBody(null);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
