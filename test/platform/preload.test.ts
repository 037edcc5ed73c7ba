// The built preload (out/preload/index.cjs, the file Electron loads) run in a bare VM context with a
// fake `electron`: the page gets `kaappi` with only invoke and onEvent, over Kaappi's two channels.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../src-shared/channels';

const BUILT = 'out/preload/index.cjs';
const SOURCES = ['src-main/platform/preload.ts', 'src-shared/channels.ts'];

// Never a silent pass: npm test builds before vitest, so a missing or stale file is a setup error.
function builtPreload(): string {
  const built = join(process.cwd(), BUILT);
  if (!existsSync(built)) throw new Error(`${BUILT} is missing: run \`npm run build\` first (npm test does).`);
  const stale = SOURCES.filter((source) => statSync(join(process.cwd(), source)).mtimeMs > statSync(built).mtimeMs);
  if (stale.length > 0) throw new Error(`${BUILT} is older than ${stale.join(', ')}: run \`npm run build\` first.`);
  return readFileSync(built, 'utf8');
}

type Bridge = { invoke: (...args: unknown[]) => Promise<unknown>; onEvent: (listener: unknown) => () => void };

function runPreload() {
  const required: string[] = [];
  const exposed: Array<{ key: string; api: Record<string, unknown> }> = [];
  const ipcCalls: unknown[][] = [];
  const ipcUsed = new Set<string>();
  const ipcMethods: Record<string, (...args: unknown[]) => unknown> = {
    invoke: (...args) => (ipcCalls.push(['invoke', ...args]), Promise.resolve('answer from main')),
    on: (...args) => void ipcCalls.push(['on', ...args]),
    removeListener: (...args) => void ipcCalls.push(['removeListener', ...args]),
  };
  // Records every property of ipcRenderer the preload reaches for, so a send or sendSync shows up.
  const ipcRenderer = new Proxy(ipcMethods, {
    get: (target, property) => (ipcUsed.add(String(property)), target[String(property)]),
  });
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: Record<string, unknown>) => void exposed.push({ key, api }),
    },
    ipcRenderer,
  };
  const require = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`the preload required ${name}; a sandboxed preload has only electron`);
    return electron;
  };
  vm.runInNewContext(builtPreload(), { require, module: { exports: {} }, exports: {} }, { filename: BUILT });
  return { required, exposed, ipcCalls, ipcUsed };
}

describe('the built preload', () => {
  it('exposes only `kaappi` with exactly invoke and onEvent, and requires only electron', () => {
    const { required, exposed } = runPreload();
    expect(required).toEqual(['electron']);
    expect(exposed.map(({ key }) => key)).toEqual(['kaappi']);
    const api = exposed[0]!.api;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onEvent']);
    expect(typeof api['invoke']).toBe('function');
    expect(typeof api['onEvent']).toBe('function');
  });

  it('invoke forwards the channel name and input, and nothing else, through the one invoke channel', async () => {
    const { exposed, ipcCalls, ipcUsed } = runPreload();
    const bridge = exposed[0]!.api as Bridge;
    const input = { query: 'Jääskeläinen', limit: 50 };
    await expect(bridge.invoke('persons.search', input)).resolves.toBe('answer from main');
    await bridge.invoke(EVENT_CHANNEL, null, 'an extra argument');
    expect(ipcCalls).toEqual([
      ['invoke', INVOKE_CHANNEL, 'persons.search', input],
      ['invoke', INVOKE_CHANNEL, EVENT_CHANNEL, null],
    ]);
    expect([...ipcUsed]).toEqual(['invoke']);
  });

  it("onEvent hands the listener the payload only, never Electron's event, and unsubscribes", () => {
    const { exposed, ipcCalls, ipcUsed } = runPreload();
    const bridge = exposed[0]!.api as Bridge;
    const received: unknown[][] = [];
    const unsubscribe = bridge.onEvent((...args: unknown[]) => received.push(args));
    const [, channel, wrapped] = ipcCalls[0] as [string, string, (...args: unknown[]) => void];
    expect(channel).toBe(EVENT_CHANNEL);
    wrapped({ sender: 'the ipcRenderer itself' }, { type: 'session.locked', reason: 'os-lock' });
    expect(received).toEqual([[{ type: 'session.locked', reason: 'os-lock' }]]);
    unsubscribe();
    expect(ipcCalls[1]).toEqual(['removeListener', EVENT_CHANNEL, wrapped]);
    expect([...ipcUsed].sort()).toEqual(['on', 'removeListener']);
  });
});
