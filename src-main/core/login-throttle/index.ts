// Failed logins back off: after three free attempts each failure doubles the wait, up to five
// minutes. The count lives in `<register>.logins` so restarting the app does not reset it.
// It is register-wide rather than per user, so guessing across usernames gains nothing.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Clock } from '../clock';
import { LoginThrottledError } from '../errors';
import { writeFileAtomic } from '../keyring/store';

const FREE_ATTEMPTS = 3;
const MAX_DELAY_SECONDS = 300;
/** What a damaged state file counts as: enough failures for the longest wait. */
const MAX_FAILURES_COUNTED = 12;

const stateSchema = z.object({
  consecutiveFailures: z.number().int().min(0),
  lastFailureAt: z.iso.datetime().nullable(),
});
export type ThrottleState = z.infer<typeof stateSchema>;

export const throttlePath = (registerPath: string) => `${registerPath}.logins`;

export function delaySecondsAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS);
}

export class LoginThrottle {
  constructor(
    private readonly path: string,
    private readonly clock: Clock,
  ) {}

  read(): ThrottleState {
    if (!existsSync(this.path)) return { consecutiveFailures: 0, lastFailureAt: null };
    const now = this.clock.now();
    let state: ThrottleState;
    try {
      state = stateSchema.parse(JSON.parse(readFileSync(this.path, 'utf8')));
    } catch {
      // A damaged file must not become a way around the back-off, nor a lock-out for good: it
      // counts as the maximum back-off from now, written once so the wait does end.
      state = { consecutiveFailures: MAX_FAILURES_COUNTED, lastFailureAt: now.toISOString() };
      this.write(state);
    }
    // A failure "in the future" (the clock was wrong then) waits from now, not until that date.
    if (state.lastFailureAt && Date.parse(state.lastFailureAt) > now.getTime()) {
      state = { ...state, lastFailureAt: now.toISOString() };
      this.write(state);
    }
    return state;
  }

  /** Throws LoginThrottledError while the wait after the last failure has not passed. */
  assertMayTry(): void {
    const state = this.read();
    if (!state.lastFailureAt) return;
    const waitUntil = Date.parse(state.lastFailureAt) + delaySecondsAfter(state.consecutiveFailures) * 1000;
    const remainingMs = waitUntil - this.clock.now().getTime();
    if (remainingMs > 0) throw new LoginThrottledError(Math.ceil(remainingMs / 1000));
  }

  recordFailure(): void {
    const state = this.read();
    this.write({
      consecutiveFailures: state.consecutiveFailures + 1,
      lastFailureAt: this.clock.now().toISOString(),
    });
  }

  /** Returns how many failures preceded this success, for the audit log. */
  recordSuccess(): number {
    const failures = this.read().consecutiveFailures;
    if (failures > 0) this.write({ consecutiveFailures: 0, lastFailureAt: null });
    return failures;
  }

  private write(state: ThrottleState): void {
    writeFileAtomic(this.path, JSON.stringify(state));
  }
}
