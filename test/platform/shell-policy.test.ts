// The shell's decisions (src-main/platform/shell-policy.ts) under plain Node: which page the window
// loads, who may call over IPC, the window's webPreferences, and what the window and session refuse.
import { describe, expect, it } from 'vitest';
import {
  chooseRendererEntry,
  DEV_SERVER_VARIABLE,
  hardenContents,
  hardenSession,
  isTrustedSender,
  windowWebPreferences,
  type HardenableContents,
  type HardenableSession,
  type Preventable,
  type RendererEntry,
  type SenderFacts,
} from '../../src-main/platform/shell-policy';

const BUILT = '/opt/Kaappi/resources/app.asar/out/renderer/index.html';
const BUILT_URL = 'file:///opt/Kaappi/resources/app.asar/out/renderer/index.html';
const DEV_URL = 'http://localhost:5173';

function entry(packaged: boolean, env: Record<string, string | undefined> = {}): RendererEntry {
  return chooseRendererEntry({ packaged, env, builtFile: BUILT });
}

const ownTopFrame = (frameUrl: string): SenderFacts => ({ senderIsWindow: true, isMainFrame: true, frameUrl });

describe('renderer entry', () => {
  it('a packaged app loads its own files even when the dev server variable is set', () => {
    expect(entry(true, { [DEV_SERVER_VARIABLE]: 'http://localhost:5173' })).toEqual({ kind: 'file', file: BUILT });
    expect(entry(true, { [DEV_SERVER_VARIABLE]: 'https://evil.example' })).toEqual({ kind: 'file', file: BUILT });
  });

  it('an unpackaged run loads the dev server when electron-vite names one, else the built files', () => {
    expect(entry(false, { [DEV_SERVER_VARIABLE]: DEV_URL })).toEqual({ kind: 'dev-server', url: `${DEV_URL}/` });
    expect(entry(false, { [DEV_SERVER_VARIABLE]: 'http://127.0.0.1:5174' }).kind).toBe('dev-server');
    expect(entry(false, { [DEV_SERVER_VARIABLE]: 'http://[::1]:5173' }).kind).toBe('dev-server');
    expect(entry(false, {})).toEqual({ kind: 'file', file: BUILT });
    expect(entry(false, { [DEV_SERVER_VARIABLE]: '' })).toEqual({ kind: 'file', file: BUILT });
  });

  it('an unpackaged run refuses a dev server that is not http on this machine', () => {
    for (const url of [
      'https://evil.example',
      'http://192.168.1.20:5173',
      'file:///tmp/x.html',
      'data:text/html,x',
      'nonsense',
    ]) {
      expect(() => entry(false, { [DEV_SERVER_VARIABLE]: url }), url).toThrow(DEV_SERVER_VARIABLE);
    }
  });
});

describe('IPC sender check', () => {
  it("the packaged app's top frame at its built page may call", () => {
    expect(isTrustedSender(ownTopFrame(BUILT_URL), entry(true))).toBe(true);
    expect(isTrustedSender(ownTopFrame(`${BUILT_URL}#consents`), entry(true))).toBe(true);
  });

  it('a packaged app does not trust the address the dev server variable names', () => {
    const packaged = entry(true, { [DEV_SERVER_VARIABLE]: 'http://localhost:5173' });
    expect(isTrustedSender(ownTopFrame('http://localhost:5173/'), packaged)).toBe(false);
  });

  it('in development the dev server origin may call, and nothing else', () => {
    const dev = entry(false, { [DEV_SERVER_VARIABLE]: DEV_URL });
    expect(isTrustedSender(ownTopFrame('http://localhost:5173/'), dev)).toBe(true);
    expect(isTrustedSender(ownTopFrame('http://localhost:5173/src/main.tsx?v=1'), dev)).toBe(true);
    expect(isTrustedSender(ownTopFrame('http://localhost:5174/'), dev)).toBe(false);
    expect(isTrustedSender(ownTopFrame('https://localhost:5173/'), dev)).toBe(false);
    expect(isTrustedSender(ownTopFrame('http://127.0.0.1:5173/'), dev)).toBe(false);
    expect(isTrustedSender(ownTopFrame(BUILT_URL), dev)).toBe(false);
  });

  it('a page on the web, an opaque origin or an unreadable address may not call', () => {
    for (const frameUrl of [
      'https://evil.example/',
      'about:blank',
      'data:text/html,<p>x',
      'about:srcdoc',
      'not a url',
    ]) {
      expect(isTrustedSender(ownTopFrame(frameUrl), entry(true)), frameUrl).toBe(false);
      expect(isTrustedSender(ownTopFrame(frameUrl), entry(false, { [DEV_SERVER_VARIABLE]: DEV_URL })), frameUrl).toBe(
        false,
      );
    }
  });

  it('another webContents, a subframe such as a letter preview, or a frame gone away may not call', () => {
    const packaged = entry(true);
    expect(isTrustedSender({ senderIsWindow: false, isMainFrame: true, frameUrl: BUILT_URL }, packaged)).toBe(false);
    expect(isTrustedSender({ senderIsWindow: true, isMainFrame: false, frameUrl: BUILT_URL }, packaged)).toBe(false);
    expect(isTrustedSender({ senderIsWindow: true, isMainFrame: true, frameUrl: null }, packaged)).toBe(false);
  });
});

describe('window webPreferences', () => {
  it('isolate and sandbox the page, with no Node in it, its frames or workers, and no webviews', () => {
    const preferences = windowWebPreferences('/opt/Kaappi/out/preload/index.cjs');
    expect(preferences).toMatchObject({
      preload: '/opt/Kaappi/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });
});

/** A stand-in for Electron's WebContents that keeps what was registered. */
function recordingContents() {
  const listeners = new Map<string, (event: Preventable) => void>();
  let openHandler: (() => { action: string }) | null = null;
  const contents: HardenableContents = {
    setWindowOpenHandler: (handler) => void (openHandler = handler),
    on: (event: string, listener: (event: Preventable) => void) => listeners.set(event, listener),
  };
  const fire = (event: string): boolean => {
    let prevented = false;
    listeners.get(event)?.({ preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { contents, fire, open: () => openHandler?.() };
}

describe('window contents', () => {
  it('refuse popups, navigation and webviews', () => {
    const { contents, fire, open } = recordingContents();
    hardenContents(contents);
    expect(open()).toEqual({ action: 'deny' });
    expect(fire('will-navigate')).toBe(true);
    expect(fire('will-attach-webview')).toBe(true);
  });
});

/** A stand-in for Electron's Session that keeps what was registered. */
function recordingSession() {
  const handlers: {
    request?: Parameters<HardenableSession['setPermissionRequestHandler']>[0];
    check?: () => boolean;
    device?: () => boolean;
    headers?: Parameters<HardenableSession['webRequest']['onHeadersReceived']>[0];
  } = {};
  const session: HardenableSession = {
    setPermissionRequestHandler: (handler) => void (handlers.request = handler),
    setPermissionCheckHandler: (handler) => void (handlers.check = handler),
    setDevicePermissionHandler: (handler) => void (handlers.device = handler),
    webRequest: { onHeadersReceived: (listener) => void (handlers.headers = listener) },
  };
  return { session, handlers };
}

describe('session', () => {
  it('refuses every permission request, check and device', () => {
    const { session, handlers } = recordingSession();
    hardenSession(session, "default-src 'self'");
    for (const permission of ['media', 'notifications', 'openExternal', 'clipboard-read', 'geolocation']) {
      const answers: boolean[] = [];
      handlers.request?.(null, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
    }
    expect(handlers.check?.()).toBe(false);
    expect(handlers.device?.()).toBe(false);
  });

  it("puts Kaappi's CSP on every response, replacing one the response brought", () => {
    const { session, handlers } = recordingSession();
    hardenSession(session, "default-src 'self'");
    const responses: Array<Record<string, string[]>> = [];
    handlers.headers?.(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } },
      (response) => responses.push(response.responseHeaders),
    );
    handlers.headers?.({}, (response) => responses.push(response.responseHeaders));
    expect(responses).toEqual([
      { 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] },
      { 'Content-Security-Policy': ["default-src 'self'"] },
    ]);
  });
});
