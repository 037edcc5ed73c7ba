// `kaappi backup`: the encrypted, verified backup to a folder (a USB stick), over the same core
// function as the app.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { COUNTED_TABLES, createBackup } from '../../core/backup';
import { nearestAbove } from '../../core/resources';
import { defineCommand } from '../command';
import type { CliContext } from '../context';
import { cliMessage } from '../messages';
import { OPEN_OPTIONS, withRegister } from '../with-register';

/** The version recorded in the manifest: the app's package.json's, or 'dev' where it cannot be read. */
export function appVersion(): string {
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
