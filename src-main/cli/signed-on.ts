// A confidentiality agreement signed after today (by the command's clock) is a bad
// --confidentiality-date, told before the register is opened or a password asked for.
import { formatErrorMessage } from '../../src-shared/errors';
import { signedAfterToday } from '../core/users';
import type { CliContext } from './context';
import { CliFailure } from './messages';

export function refuseFutureSigning(signedOn: string | null, ctx: CliContext): void {
  if (!signedAfterToday(signedOn, ctx.deps.clock)) return;
  const problems = `--confidentiality-date: ${formatErrorMessage('DATE_IN_FUTURE', ctx.language)}`;
  throw new CliFailure('invalidInput', { problems });
}
