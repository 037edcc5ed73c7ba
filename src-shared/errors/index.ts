// Typed domain errors. Each carries a code the UI can act on and parameters for its message.
import type { ErrorCode } from './messages';

export { errorMessages, formatErrorMessage } from './messages';
export type { ErrorCode } from './messages';

export class KaappiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.name = 'KaappiError';
  }
}

export class WrongCredentialsError extends KaappiError {
  constructor() {
    super('WRONG_CREDENTIALS');
  }
}

export class LoginThrottledError extends KaappiError {
  constructor(readonly retryAfterSeconds: number) {
    super('LOGIN_THROTTLED', {
      wait: retryAfterSeconds < 60 ? `${retryAfterSeconds} s` : `${Math.ceil(retryAfterSeconds / 60)} min`,
    });
  }
}
