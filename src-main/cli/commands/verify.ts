// `kaappi verify`: the register's own health check, as on the Audit screen: SQLite integrity with
// every page decrypted and authenticated, then the audit log's hash chain. Exit 1 if either fails.
import { verifyRegister } from '../../core/register';
import { defineCommand } from '../command';
import { CliFailure, cliMessage } from '../messages';
import { OPEN_OPTIONS, withRegister } from '../with-register';

export const verifyCommand = defineCommand({
  name: 'verify',
  summary: 'check the database file and the audit chain (recorded in the audit log)',
  usage: 'kaappi verify --register FILE --user NAME [--recovery-key]',
  options: OPEN_OPTIONS,
  required: ['register', 'user'],
  run: (values, ctx) =>
    withRegister(values, ctx, 'audit.verify', (register) => {
      const { chain, database } = verifyRegister(register);
      if (database.ok) ctx.say('databaseOk');
      else ctx.say('databaseFailed', { problems: database.problems.join('; ') });
      if (chain.ok) ctx.say('chainOk', { checked: chain.checked });
      else ctx.say('chainBroken', { id: chain.firstBrokenId ?? '?' });
      const failed = [
        ...(database.ok ? [] : [cliMessage(ctx.language, 'verifyFailedDatabase')]),
        ...(chain.ok ? [] : [cliMessage(ctx.language, 'verifyFailedChain')]),
      ];
      if (failed.length > 0) throw new CliFailure('verifyFailed', { failed: failed.join(', ') });
      return 0;
    }),
});
