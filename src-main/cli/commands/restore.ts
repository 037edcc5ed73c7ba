// `kaappi restore`: brings the register back from a backup, as the login screen does. When a
// register is in place, its owner's password (or recovery key) is needed to replace it; the one
// of the backup's time is asked for only if it differs. The register replaced is kept aside until
// `--confirm` (which removes it) or `--undo` (which puts it back).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { restoreBackup, type RestoreCredentials } from '../../core/backup';
import { confirmRestore, registerExists, undoRestore } from '../../core/register';
import { UsageError } from '../args';
import { defineCommand } from '../command';
import type { CliContext } from '../context';
import { CliFailure } from '../messages';
import { existingSecret } from '../secrets';
import { OPEN_OPTIONS, withRegister } from '../with-register';

/** The manifest of a backup named by its manifest or by its `.kaappi` file (manifest beside it). */
function manifestPathOf(from: string): string {
  const path = resolve(from);
  const manifest = path.endsWith('.manifest.json') ? path : `${path.replace(/\.kaappi$/, '')}.manifest.json`;
  if (!existsSync(manifest)) throw new CliFailure('backupManifestMissing', { path: manifest });
  return manifest;
}

async function credentials(
  ctx: CliContext,
  username: string,
  recoveryKey: boolean,
  variable: 'KAAPPI_PASSWORD' | 'KAAPPI_BACKUP_PASSWORD',
): Promise<RestoreCredentials> {
  return recoveryKey
    ? { username, recoveryKey: await existingSecret(ctx, 'KAAPPI_RECOVERY_KEY', username) }
    : { username, password: await existingSecret(ctx, variable, username) };
}

const usage =
  'kaappi restore --register FILE --user NAME [--recovery-key] (--from MANIFEST_OR_BACKUP_FILE [--backup-user NAME] [--backup-password] [--other-register] | --confirm | --undo)';

export const restoreCommand = defineCommand({
  name: 'restore',
  summary: 'bring the register back from a backup (its owner only); the current one is kept aside until --confirm',
  usage,
  options: {
    ...OPEN_OPTIONS,
    register: { type: 'string', help: 'the register file to restore into (the current one is kept aside)' },
    user: {
      type: 'string',
      help: 'the owner of the register in place (or, if there is none, your username in the backup)',
    },
    from: { type: 'string', help: 'the backup: its .manifest.json, or its .kaappi file with the manifest beside it' },
    'backup-user': { type: 'string', help: 'your username in the backup, if not the same' },
    'backup-password': {
      type: 'boolean',
      help: 'the backup opens with another password than today’s: KAAPPI_BACKUP_PASSWORD or asked',
    },
    'other-register': { type: 'boolean', help: 'replace the register in place with a backup of another register' },
    confirm: { type: 'boolean', help: 'keep the restored register: remove the one kept aside' },
    undo: { type: 'boolean', help: 'put back the register kept aside; the restored one is removed' },
  },
  required: ['register', 'user'],
  async run(values, ctx) {
    const modes = [values.from !== undefined, values.confirm === true, values.undo === true].filter(Boolean);
    if (modes.length !== 1) throw new UsageError('give one of --from, --confirm or --undo');
    const registerPath = resolve(values.register ?? '');
    if (values.confirm) {
      return withRegister(
        values,
        ctx,
        'backup.confirmRestore',
        (register) => {
          confirmRestore(register);
          ctx.say('restoreConfirmed');
          return 0;
        },
        { duringRestore: true },
      );
    }
    if (values.undo) {
      // Opened as the owner to prove the right to decide, then closed: the files are swapped shut.
      await withRegister(values, ctx, 'backup.undoRestore', () => undefined, { duringRestore: true });
      undoRestore(registerPath, ctx.deps.clock.now().toISOString());
      ctx.say('restoreUndone');
      return 0;
    }
    const manifestPath = manifestPathOf(values.from ?? '');
    const username = values.user ?? '';
    const given = await credentials(ctx, username, values['recovery-key'] === true, 'KAAPPI_PASSWORD');
    const separate = values['backup-password'] === true || values['backup-user'] !== undefined;
    const backup = separate
      ? await credentials(ctx, values['backup-user'] ?? username, false, 'KAAPPI_BACKUP_PASSWORD')
      : undefined;
    const live = registerExists(registerPath);
    const result = await restoreBackup(
      registerPath,
      manifestPath,
      {
        ...(live ? { liveOwner: given } : {}),
        ...(live ? (backup ? { backup } : {}) : { backup: backup ?? given }),
        replaceOtherRegister: values['other-register'] === true,
      },
      ctx.deps,
    );
    ctx.say('restoreDone', { createdAt: result.manifest.createdAt, path: registerPath });
    if (result.otherRegister) ctx.say('restoreOtherRegister');
    if (result.keptAsidePath === null) ctx.say('restoreNothingAside');
    else ctx.say('restoreKeptAside', { path: result.keptAsidePath });
    ctx.say('restoreErasedAgain', { count: result.erasedAgain });
    if (result.usersRemovedAgain.length > 0) {
      ctx.say('restoreUsersRemovedAgain', { names: result.usersRemovedAgain.join(', ') });
    }
    if (result.keptAsidePath !== null) ctx.say('restoreConfirmHint');
    return 0;
  },
});
