// `kaappi backup` and `kaappi restore`: the encrypted, verified backup to a folder (a USB stick)
// and bringing a register back from one, over the same core functions as the app.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { COUNTED_TABLES, createBackup, restoreBackup } from '../../core/backup';
import { nearestAbove } from '../../core/resources';
import { defineCommand } from '../command';
import type { CliContext } from '../context';
import { CliFailure, cliMessage } from '../messages';
import { existingSecret } from '../secrets';
import { OPEN_OPTIONS, withRegister } from '../with-register';

/** The version recorded in the manifest: the app's package.json's, or 'dev' where it cannot be read. */
function appVersion(): string {
  const file = nearestAbove('package.json');
  try {
    const pkg = file ? (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }) : {};
    return typeof pkg.version === 'string' ? pkg.version : 'dev';
  } catch {
    return 'dev';
  }
}

export const backupCommand = defineCommand({
  name: 'backup',
  summary: 'write an encrypted, verified backup of the register to a folder (owners only)',
  usage: 'kaappi backup --register FILE --user NAME [--recovery-key] --to DIR',
  options: { ...OPEN_OPTIONS, to: { type: 'string', help: 'the folder to write the backup to (created if missing)' } },
  required: ['register', 'user', 'to'],
  run: (values, ctx) =>
    // The app's 'backup.now' channel says who may: owners only, refused before the copy is made.
    withRegister(values, ctx, 'backup.now', async (register) => {
      const { manifestPath, manifest } = await createBackup(register, resolve(values.to ?? ''), {
        appVersion: appVersion(),
      });
      ctx.say('backupWritten', { path: manifestPath });
      ctx.say('backupRows');
      for (const [table, count] of Object.entries(manifest.counts)) {
        ctx.print(`  ${countLabel(table, ctx)}: ${count}`);
      }
      return 0;
    }),
});

function countLabel(table: string, ctx: CliContext): string {
  const known = COUNTED_TABLES.find((counted) => counted === table);
  return known === undefined ? table : cliMessage(ctx.language, `count_${known}`);
}

/** The manifest of a backup named by its manifest or by its `.kaappi` file (manifest beside it). */
function manifestPathOf(from: string): string {
  const path = resolve(from);
  const manifest = path.endsWith('.manifest.json') ? path : `${path.replace(/\.kaappi$/, '')}.manifest.json`;
  if (!existsSync(manifest)) throw new CliFailure('backupManifestMissing', { path: manifest });
  return manifest;
}

export const restoreCommand = defineCommand({
  name: 'restore',
  summary: 'bring the register back from a backup; the current one is kept aside, erasures are applied again',
  usage: 'kaappi restore --register FILE --from MANIFEST_OR_BACKUP_FILE --user NAME [--recovery-key]',
  options: {
    ...OPEN_OPTIONS,
    register: { type: 'string', help: 'the register file to restore into (the current one is kept aside)' },
    user: { type: 'string', help: 'your username in the backup' },
    from: { type: 'string', help: 'the backup: its .manifest.json, or its .kaappi file with the manifest beside it' },
  },
  required: ['register', 'from', 'user'],
  async run(values, ctx) {
    const manifestPath = manifestPathOf(values.from ?? '');
    const registerPath = resolve(values.register ?? '');
    const username = values.user ?? '';
    // The secret opens the backup's own keyring; the live register is never opened, as it may be
    // the very thing that is damaged.
    const credentials = values['recovery-key']
      ? { username, recoveryKey: await existingSecret(ctx, 'KAAPPI_RECOVERY_KEY', username) }
      : { username, password: await existingSecret(ctx, 'KAAPPI_PASSWORD', username) };
    const { keptAsidePath, erasedAgain, manifest } = await restoreBackup(
      registerPath,
      manifestPath,
      credentials,
      ctx.deps,
    );
    ctx.say('restoreDone', { createdAt: manifest.createdAt, path: registerPath });
    if (keptAsidePath === null) ctx.say('restoreNothingAside');
    else ctx.say('restoreKeptAside', { path: keptAsidePath });
    ctx.say('restoreErasedAgain', { count: erasedAgain });
    return 0;
  },
});
