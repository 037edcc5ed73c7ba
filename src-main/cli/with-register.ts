// Opens an existing register as the user named by --user, checks that the user's role may do what
// the matching contract channel allows (and that the password is their own), runs the command, and
// always locks again (drops the key).
import { resolve } from 'node:path';
import { openWithRecoveryKey, unlockRegister, type UnlockedRegister } from '../core/register';
import { KaappiError } from '../../src-shared/errors';
import { assertRole, passwordSetByOwner } from '../core/users';
import { contract, type ChannelName } from '../../src-shared/contract';
import type { OptionSpecs } from './args';
import type { CliContext } from './context';
import { existingSecret } from './secrets';

export const OPEN_OPTIONS = {
  register: { type: 'string', help: 'the register file' },
  user: { type: 'string', help: 'your username' },
  'recovery-key': { type: 'boolean', help: 'open with the recovery key instead of your password (owners only)' },
} as const satisfies OptionSpecs;

export interface OpenFlags {
  register?: string;
  user?: string;
  'recovery-key'?: boolean;
}

export async function withRegister<T>(
  flags: OpenFlags,
  ctx: CliContext,
  /** The contract channel whose access rule applies: the CLI is another door to the same rooms. */
  channel: ChannelName,
  use: (register: UnlockedRegister) => T | Promise<T>,
  /** Only deciding on a restore may happen before the owner has confirmed it (the app does the same). */
  options: { duringRestore?: boolean } = {},
): Promise<T> {
  // parseOptions has checked that both are present.
  const path = resolve(flags.register ?? '');
  const username = flags.user ?? '';
  const register = flags['recovery-key']
    ? await openWithRecoveryKey(
        path,
        { username, recoveryKey: await existingSecret(ctx, 'KAAPPI_RECOVERY_KEY', username) },
        ctx.deps,
      )
    : await unlockRegister(
        path,
        { username, password: await existingSecret(ctx, 'KAAPPI_PASSWORD', username) },
        ctx.deps,
      );
  try {
    const access = contract[channel].access;
    if (access !== 'public') assertRole(register, ...access);
    // As in the app: a password the owner set is not yet the user's own (the app asks for one).
    if (passwordSetByOwner(register, register.user.id)) throw new KaappiError('PASSWORD_CHANGE_REQUIRED');
    if (register.restorePending && !options.duringRestore) throw new KaappiError('RESTORE_CONFIRMATION_REQUIRED');
    return await use(register);
  } finally {
    register.close();
  }
}
