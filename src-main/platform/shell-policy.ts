// What the shell lets through, decided from plain inputs and without importing Electron, so the
// decisions are tested under Node; window.ts, ipc-bridge.ts and index.ts only hand Electron's objects in.

/** electron-vite's development server address, set by `electron-vite dev`. */
export const DEV_SERVER_VARIABLE = 'ELECTRON_RENDERER_URL';

/** Where the window's page comes from: the built files, or in development the dev server. */
export type RendererEntry = { kind: 'file'; file: string } | { kind: 'dev-server'; url: string };

/**
 * A packaged app always loads its own files: anyone who can set the environment of a packaged
 * app must not be able to point the window, and with it the trusted IPC origin, elsewhere.
 */
export function chooseRendererEntry(input: {
  packaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
  builtFile: string;
}): RendererEntry {
  const devUrl = input.packaged ? undefined : input.env[DEV_SERVER_VARIABLE];
  if (!devUrl) return { kind: 'file', file: input.builtFile };
  return { kind: 'dev-server', url: loopbackHttpUrl(devUrl) };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

// The dev server is on this machine; an opaque origin ('null') must never become the trusted one.
function loopbackHttpUrl(value: string): string {
  const url = parseUrl(value);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`${DEV_SERVER_VARIABLE} must be an http address on this machine, e.g. http://localhost:5173`);
  }
  return url.href;
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** What the bridge knows of an IPC message's sender, read off Electron's event. */
export interface SenderFacts {
  /** The message came from the app window's own webContents. */
  senderIsWindow: boolean;
  /** From that window's top frame (not an iframe, such as a letter preview), still attached. */
  isMainFrame: boolean;
  /** The frame's address; null when Electron no longer knows the frame. */
  frameUrl: string | null;
}

/**
 * Only the app's own page may call: the window's top frame at the entry's address. Built files
 * are matched by the file: scheme, not the exact path, because the window cannot navigate (see
 * hardenContents) and an install path's spelling in a URL is not worth locking users out over.
 */
export function isTrustedSender(sender: SenderFacts, entry: RendererEntry): boolean {
  if (!sender.senderIsWindow || !sender.isMainFrame || sender.frameUrl === null) return false;
  const url = parseUrl(sender.frameUrl);
  if (!url) return false;
  if (entry.kind === 'file') return url.protocol === 'file:';
  return url.origin !== 'null' && url.origin === new URL(entry.url).origin;
}

/** The window's webPreferences: isolated, sandboxed, no Node anywhere, no webviews. */
export function windowWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

export interface Preventable {
  preventDefault(): void;
}

/** The part of Electron's WebContents that hardenContents uses. */
export interface HardenableContents {
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: Preventable) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
}

/** No popups, no navigation away from the app's page, no webviews. */
export function hardenContents(contents: HardenableContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

type Headers = Record<string, string[]>;

/** The part of Electron's Session that hardenSession uses. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, grant: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Headers },
        respond: (response: { responseHeaders: Headers }) => void,
      ) => void,
    ): void;
  };
}

/**
 * Every permission refused (camera, notifications, devices, links opened in other apps…), and
 * Kaappi's CSP on every response.
 */
export function hardenSession(session: HardenableSession, csp: string): void {
  session.setPermissionRequestHandler((_contents, _permission, grant) => grant(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, respond) =>
    respond({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, csp) }),
  );
}

/** Ours replaces any policy the response brought, whatever the header's case. */
function withContentSecurityPolicy(headers: Headers | undefined, csp: string): Headers {
  const others = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(others), 'Content-Security-Policy': [csp] };
}
