// Where passwords and the recovery key come from: an environment variable for scripts, else a
// hidden prompt on the terminal. Secrets are never taken from the command line, where other
// users can read them in the process list and the shell keeps them in its history.
import { UsageError } from './args';
import type { CliContext } from './context';
import { CliFailure, cliMessage, type CliMessage } from './messages';
import { canPrompt, promptHidden } from './prompt';

type SecretVariable = 'KAAPPI_PASSWORD' | 'KAAPPI_NEW_PASSWORD' | 'KAAPPI_RECOVERY_KEY' | 'KAAPPI_BACKUP_PASSWORD';

function fromEnv(ctx: CliContext, variable: SecretVariable): string | undefined {
  const value = ctx.env[variable];
  return value === undefined || value === '' ? undefined : value;
}

function assertCanPrompt(variable: SecretVariable): void {
  if (!canPrompt()) throw new UsageError(`no secret given: set ${variable} or run in a terminal to be asked`);
}

async function ask(ctx: CliContext, key: CliMessage, params: Record<string, string> = {}): Promise<string> {
  return promptHidden(cliMessage(ctx.language, key, params));
}

/** A secret that already exists: the user's password or the recovery key. */
export async function existingSecret(
  ctx: CliContext,
  variable: 'KAAPPI_PASSWORD' | 'KAAPPI_RECOVERY_KEY' | 'KAAPPI_BACKUP_PASSWORD',
  username: string,
): Promise<string> {
  const given = fromEnv(ctx, variable);
  if (given !== undefined) return given;
  assertCanPrompt(variable);
  const prompt =
    variable === 'KAAPPI_RECOVERY_KEY'
      ? 'promptRecoveryKey'
      : variable === 'KAAPPI_BACKUP_PASSWORD'
        ? 'promptBackupPassword'
        : 'promptPassword';
  return ask(ctx, prompt, { username });
}

/** A password being set, typed twice when prompted. Its strength is checked by core. */
export async function newPassword(
  ctx: CliContext,
  variable: 'KAAPPI_PASSWORD' | 'KAAPPI_NEW_PASSWORD',
  username: string,
): Promise<string> {
  const given = fromEnv(ctx, variable);
  if (given !== undefined) return given;
  assertCanPrompt(variable);
  const first = await ask(ctx, 'promptNewPassword', { username });
  const second = await ask(ctx, 'promptRepeat');
  if (first !== second) throw new CliFailure('passwordsDiffer');
  return first;
}
