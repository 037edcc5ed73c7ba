// The text of `kaappi --help`.
import type { Command } from './command';

export const GENERAL_USAGE = 'kaappi <command> [options]   (kaappi --help lists the commands)';

export function generalHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length)) + 2;
  return `kaappi: the Kaappi register from the command line, over the same core as the app.

Usage: kaappi <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`).join('\n')}

A command on an existing register opens it as --user NAME: with your password from
KAAPPI_PASSWORD or asked on the terminal (not shown as you type), or with --recovery-key (owners
only), with the key from KAAPPI_RECOVERY_KEY or asked. It is locked again when the command ends.
Secrets are never read from the command line; prefer the prompt to environment variables, which
other programs you start can read.

Environment:
  KAAPPI_PASSWORD         your password; for init, the new owner's password
  KAAPPI_NEW_PASSWORD     the new user's password for users add
  KAAPPI_RECOVERY_KEY     the recovery key, with --recovery-key
  KAAPPI_PACKAGE_PASSWORD the zip password for export-subject --password
  KAAPPI_LANG             fi or en for messages (default en; fi when LANG starts with fi)
  KAAPPI_DEBUG=1          show the stack trace of an unexpected error
  KAAPPI_TEST_FAST_KDF=1  TEST ONLY: a cheap password hash (scrypt N=2^12) for passwords set by
                          this run, so tests run fast; honoured only with NODE_ENV=test.
                          Never use it with a real register.

Exit codes: 0 done, 1 failed (the reason is on stderr), 2 usage error.
Run 'kaappi <command> --help' for a command's options.`;
}
