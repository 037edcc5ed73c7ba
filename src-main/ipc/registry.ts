// The handler registry: the one way into the core from any door (Electron IPC, the test host).
// For each call it checks session and role, validates input with the contract, runs the handler,
// and returns {ok, value} or a typed error with a message in the user's language — never a stack.
import type { Clock } from '../core/clock';
import { formatErrorMessage, KaappiError, LoginThrottledError, type ErrorCode } from '../../src-shared/errors';
import type { RegisterDeps, UnlockedRegister } from '../core/register';
import { createScheduler } from '../core/scheduler';
import type { Channel } from '../../src-shared/contract/base';
import {
  contract,
  isChannelName,
  validate,
  type ChannelName,
  type ChannelOutput,
  type InvokeError,
  type InvokeResult,
  type ParsedInput,
  type PushEvent,
} from '../../src-shared/contract';
import { SessionState, type LockReason } from './session-state';

export interface HandlerContext {
  registerPath: string;
  deps: RegisterDeps;
  session: SessionState;
  /** The open register; only channels that require a session get a handler call, so it is there. */
  register: UnlockedRegister;
  /** Runs the day's scheduled jobs (the retention sweep) if not yet done today. */
  runScheduled: () => void;
  dialogs: Dialogs;
  /** Written into backup manifests. */
  appVersion: string;
  /** Sends an event to the window (progress of a long call). */
  push: (event: PushEvent) => void;
}

/**
 * The system dialogs main opens for a handler. Paths come from here, never from the renderer, so
 * a compromised window cannot make main write where it likes. The test host answers with a
 * temp folder.
 */
export interface Dialogs {
  /** A folder to write to (a USB stick); null when the user cancels. */
  chooseFolder(purpose: 'subject-package' | 'letter' | 'backup'): Promise<string | null>;
  /** A backup's manifest to restore from; null when the user cancels. */
  chooseBackup(): Promise<string | null>;
}

const noDialogs: Dialogs = { chooseFolder: () => Promise.resolve(null), chooseBackup: () => Promise.resolve(null) };

type Handler<C extends ChannelName> = (
  ctx: HandlerContext,
  input: ParsedInput<C>,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

export type Handlers = { [C in ChannelName]: Handler<C> };
export type HandlersFor<C extends ChannelName> = Pick<Handlers, C>;

export interface RegistryOptions {
  registerPath: string;
  deps: RegisterDeps & { clock: Clock };
  handlers: Handlers;
  /** Tests turn this on so a handler returning the wrong shape fails loudly. */
  validateOutput?: boolean;
  onEvent?: (event: PushEvent) => void;
  /** Unexpected errors are logged with detail here and shown to users as one line. */
  logError?: (channel: string, error: unknown) => void;
  dialogs?: Dialogs;
  appVersion?: string;
}

export interface Registry {
  invoke(channel: unknown, input: unknown): Promise<InvokeResult<unknown>>;
  /** Locks after any call in progress; resolves when the key is gone. */
  lock(reason: LockReason): Promise<void>;
  /** Locks when the session has been idle too long; the platform calls it on a timer. */
  lockIfIdle(): boolean;
  /** The day's scheduled jobs, if a register is open and they have not run today. */
  runScheduled(): Promise<void>;
  readonly session: SessionState;
}

export function createRegistry(options: RegistryOptions): Registry {
  const session = new SessionState(options.deps.clock, options.onEvent ?? (() => {}), options.logError);
  // Calls run one at a time: handlers await the KDF, and two interleaved logins or a lock in the
  // middle of a user change must not see each other's half-done state.
  let queue: Promise<unknown> = Promise.resolve();

  const fail = (code: ErrorCode, extra: Partial<InvokeError> = {}, params: Record<string, string | number> = {}) => ({
    ok: false as const,
    error: { code, message: formatErrorMessage(code, session.language, params), ...extra },
  });

  async function run(channel: unknown, input: unknown): Promise<InvokeResult<unknown>> {
    if (!isChannelName(channel))
      return fail('INVALID_INPUT', { fields: [{ path: 'channel', message: String(channel) }] });
    const spec = contract[channel];

    // Who may call comes before what they sent: a caller without the right gets no hints about
    // what the channel would accept.
    if (spec.access !== 'public') {
      if (session.isIdleExpired()) session.end('idle');
      const register = session.current;
      if (!register) return fail('LOCKED');
      // Read the user again on every call: one removed or demoted meanwhile (from the CLI, say)
      // loses access at once, not at the next login.
      const user = register.refreshUser();
      if (!user) {
        session.end('user');
        return fail('LOCKED');
      }
      if (!(spec.access as readonly string[]).includes(user.role)) return fail('FORBIDDEN');
      if (session.restorePending && !(spec as Channel).duringRestore) return fail('RESTORE_CONFIRMATION_REQUIRED');
      if (session.passwordChangeRequired && !(spec as Channel).beforeOwnPassword)
        return fail('PASSWORD_CHANGE_REQUIRED');
      session.touch();
    }

    const parsed = validate(spec.input, input, session.language);
    if (!parsed.ok) return fail('INVALID_INPUT', { fields: parsed.fields });

    try {
      const ctx: HandlerContext = {
        registerPath: options.registerPath,
        deps: options.deps,
        session,
        runScheduled,
        dialogs: options.dialogs ?? noDialogs,
        appVersion: options.appVersion ?? 'dev',
        push: (event) => options.onEvent?.(event),
        get register() {
          const register = session.current;
          if (!register) throw new KaappiError('LOCKED');
          return register;
        },
      };
      const handler = options.handlers[channel] as (ctx: HandlerContext, input: unknown) => unknown;
      const value = await handler(ctx, parsed.value);
      if (options.validateOutput) spec.output.parse(value);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof LoginThrottledError) {
        return fail(error.code, { retryAfterSeconds: error.retryAfterSeconds }, error.params);
      }
      if (error instanceof KaappiError) {
        if (error.code === 'INTERNAL') options.logError?.(channel, error.cause ?? error);
        return fail(error.code, {}, error.params);
      }
      options.logError?.(channel, error);
      return fail('INTERNAL');
    }
  }

  function enqueue<T>(job: () => T | Promise<T>): Promise<T> {
    const done = queue.then(job);
    queue = done.catch(() => undefined);
    return done;
  }

  // Never while locked: the jobs need the open register. Failures are logged, not thrown.
  const scheduler = createScheduler({ current: () => session.current, enqueue, logError: options.logError });
  const runScheduled = () => scheduler.runDue();

  return {
    session,
    runScheduled() {
      return enqueue(runScheduled);
    },
    invoke(channel, input) {
      if (isChannelName(channel) && (contract[channel] as Channel).concurrent) return run(channel, input);
      return enqueue(() => run(channel, input));
    },
    lock(reason) {
      return enqueue(() => session.end(reason));
    },
    lockIfIdle() {
      if (!session.isIdleExpired()) return false;
      session.end('idle');
      return true;
    },
  };
}
