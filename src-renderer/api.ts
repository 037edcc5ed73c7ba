// The renderer's only way to main: a typed `invoke` built from the contract. Whoever hosts the
// page (Electron's preload, or the test host's bridge script) provides `window.kaappi`.
import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  FieldIssue,
  InvokeError,
  InvokeResult,
  PushEvent,
} from '../src-shared/contract';

interface KaappiBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
}

declare global {
  interface Window {
    kaappi?: KaappiBridge;
  }
}

export type { LockReason };

export class ApiError extends Error {
  readonly code: string;
  readonly fields: FieldIssue[];
  readonly retryAfterSeconds: number | undefined;
  constructor(error: InvokeError) {
    super(error.message);
    this.code = error.code;
    this.fields = error.fields ?? [];
    this.retryAfterSeconds = error.retryAfterSeconds;
  }
}

function bridge(): KaappiBridge {
  if (!window.kaappi) throw new Error('Kaappi bridge missing: open the app through Electron or the dev host.');
  return window.kaappi;
}

type LockReason = Extract<PushEvent, { type: 'session.locked' }>['reason'] | 'unknown';
const lockListeners = new Set<(reason: LockReason) => void>();

export async function invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = (await bridge().invoke(channel, input)) as InvokeResult<ChannelOutput<C>>;
  if (result.ok) return result.value;
  if (result.error.code === 'LOCKED') lockListeners.forEach((listener) => listener('unknown'));
  throw new ApiError(result.error);
}

/** Called when main locks the session (idle, OS lock) or a call finds it locked. */
export function onLocked(listener: (reason: LockReason) => void): () => void {
  lockListeners.add(listener);
  const unsubscribe = bridge().onEvent((event) => {
    const pushed = event as PushEvent;
    if (pushed.type === 'session.locked') listener(pushed.reason);
  });
  return () => {
    lockListeners.delete(listener);
    unsubscribe();
  };
}

export type ImportProgress = Omit<Extract<PushEvent, { type: 'import.progress' }>, 'type'>;

/** Progress of the import main is previewing or running (see imports.preview / imports.run). */
export function onImportProgress(listener: (progress: ImportProgress) => void): () => void {
  return bridge().onEvent((event) => {
    const pushed = event as PushEvent;
    if (pushed.type === 'import.progress') listener({ phase: pushed.phase, done: pushed.done, total: pushed.total });
  });
}
