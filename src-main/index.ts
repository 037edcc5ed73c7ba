// Electron entry: app lifecycle only. Wires platform/ (window, IPC, power events) to the registry.
import { app, BrowserWindow } from 'electron';
import { defaultRegisterDeps } from './core/register';
import { useNativeBinding } from './db/open';
import { handlers } from './ipc/handlers';
import { createRegistry, type Registry } from './ipc/registry';
import { electronDialogs } from './platform/dialogs';
import { bridgeIpc, pushToWindow } from './platform/ipc-bridge';
import { watchForLock } from './platform/power';
import { electronNativeBinding, registerPathFromArgs } from './platform/register-path';
import { hardenContents } from './platform/shell-policy';
import { createMainWindow, hardenSession, rendererEntry } from './platform/window';

let window: BrowserWindow | null = null;
let registry: Registry | null = null;

if (!app.requestSingleInstanceLock()) app.quit();

app.on('second-instance', () => {
  if (window?.isMinimized()) window.restore();
  window?.focus();
});

app.whenReady().then(() => {
  const entry = rendererEntry();
  useNativeBinding(electronNativeBinding());
  hardenSession();
  registry = createRegistry({
    registerPath: registerPathFromArgs(process.argv),
    deps: defaultRegisterDeps(),
    handlers,
    onEvent: pushToWindow(() => window),
    logError: (channel, error) => console.error(`[kaappi] ${channel}:`, error),
    appVersion: app.getVersion(),
    dialogs: electronDialogs(
      () => window,
      () => registry?.session.language ?? 'fi',
    ),
  });
  bridgeIpc(
    () => window,
    () => registry!,
    entry,
  );
  watchForLock(registry);
  window = createMainWindow(entry);
  window.on('closed', () => (window = null));
});

// Every other web contents (devtools, any later window) gets the same limits as the window's.
app.on('web-contents-created', (_event, contents) => hardenContents(contents));

// Quitting waits for the lock, so the audit log records it and the key is dropped first.
let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !registry) return;
  event.preventDefault();
  quitting = true;
  void registry.lock('user').finally(() => app.quit());
});
app.on('window-all-closed', () => app.quit());
