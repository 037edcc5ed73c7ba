// Turns a failure into one line on stderr and an exit code. Expected errors never show a stack;
// an unexpected one shows its stack only with KAAPPI_DEBUG=1.
import { formatErrorMessage, KaappiError } from '../../src-shared/errors';
import { UsageError } from './args';
import type { CliContext } from './context';
import { GENERAL_USAGE } from './help';
import { CliFailure, cliMessage } from './messages';
import { PromptCancelledError } from './prompt';
import { terminalText } from './terminal';

export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
/** As a shell reports a command stopped with Ctrl-C. */
export const EXIT_CANCELLED = 130;

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

export function reportFailure(error: unknown, ctx: CliContext, writeError: (text: string) => void): number {
  const line = (text: string) => writeError(`kaappi: ${terminalText(oneLine(text))}\n`);
  const debug = ctx.env.KAAPPI_DEBUG === '1';
  if (error instanceof UsageError) {
    line(error.message);
    writeError(`Usage: ${error.usage ?? GENERAL_USAGE}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof PromptCancelledError) return EXIT_CANCELLED;
  if (error instanceof CliFailure) {
    line(cliMessage(ctx.language, error.key, error.params));
    return EXIT_FAILED;
  }
  if (error instanceof KaappiError) {
    line(formatErrorMessage(error.code, ctx.language, error.params));
    if (debug && error.code === 'INTERNAL' && error.cause instanceof Error) writeError(`${error.cause.stack}\n`);
    return EXIT_FAILED;
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  line(`${formatErrorMessage('INTERNAL', ctx.language)} (${detail})`);
  if (debug && error instanceof Error) writeError(`${error.stack}\n`);
  return EXIT_FAILED;
}
