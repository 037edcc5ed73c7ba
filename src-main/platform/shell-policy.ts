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
 * window.ts) and an install path's spelling in a URL is not worth locking users out over.
 */
export function isTrustedSender(sender: SenderFacts, entry: RendererEntry): boolean {
  if (!sender.senderIsWindow || !sender.isMainFrame || sender.frameUrl === null) return false;
  const url = parseUrl(sender.frameUrl);
  if (!url) return false;
  if (entry.kind === 'file') return url.protocol === 'file:';
  return url.origin !== 'null' && url.origin === new URL(entry.url).origin;
}
