// Failed logins back off: after three free attempts each failure doubles the wait, up to five
// minutes. The count lives in `<register>.logins` so restarting the app does not reset it.
// It is register-wide rather than per user, so guessing across usernames gains nothing.
// An attempt is counted before its secret is checked, under a lock, so guesses made side by side
// (from several processes) cannot all pass the check before any of them is counted.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Clock } from '../clock';
import { LoginThrottledError } from '../../../src-shared/errors';
import { withFileLock } from '../files';
import { writeFileAtomic } from '../keyring';

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

  /**
   * Counts one attempt as failed before its secret is checked, or throws LoginThrottledError
   * while the wait after the last failure has not passed (a refused attempt is not counted).
   * Then call succeeded() or notCounted(); a wrong secret needs nothing more.
   */
  beginAttempt(): void {
    withFileLock(this.path, () => {
      const state = this.read();
      if (state.lastFailureAt) {
        const waitUntil = Date.parse(state.lastFailureAt) + delaySecondsAfter(state.consecutiveFailures) * 1000;
        const remainingMs = waitUntil - this.clock.now().getTime();
        if (remainingMs > 0) throw new LoginThrottledError(Math.ceil(remainingMs / 1000));
      }
      this.write({ consecutiveFailures: state.consecutiveFailures + 1, lastFailureAt: this.clock.now().toISOString() });
    });
  }

  /** The secret was right: the count starts again. Returns how many failures preceded this attempt. */
  succeeded(): number {
    return withFileLock(this.path, () => {
      const failures = Math.max(0, this.read().consecutiveFailures - 1);
      this.write({ consecutiveFailures: 0, lastFailureAt: null });
      return failures;
    });
  }

  /** The attempt ended for another reason than its secret (a busy register, say): uncounted. */
  notCounted(): void {
    withFileLock(this.path, () => {
      const state = this.read();
      if (state.consecutiveFailures > 0) this.write({ ...state, consecutiveFailures: state.consecutiveFailures - 1 });
    });
  }

  private write(state: ThrottleState): void {
    writeFileAtomic(this.path, JSON.stringify(state));
  }
}
