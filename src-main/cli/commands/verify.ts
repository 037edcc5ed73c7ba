// `kaappi verify`: the register's own health check, as on the home screen: SQLite integrity with
// every page decrypted and authenticated, the audit log's hash chain, and its guards (triggers,
// first entry, the head kept outside the database). Exit 1 if any fails. With --accept-log the
// owner accepts the log as it is, after looking into what verify reported.
import { acceptAuditLog, verifyRegister, type AnchorVerification } from '../../core/register';
import { defineCommand } from '../command';
import type { CliContext } from '../context';
import { CliFailure, cliMessage } from '../messages';
import { OPEN_OPTIONS, withRegister } from '../with-register';

function sayAnchor(anchor: AnchorVerification, ctx: CliContext): void {
  if (anchor.ok) ctx.say(anchor.since === null ? 'anchorNotYet' : 'anchorOk');
  for (const problem of anchor.problems) {
    ctx.say(problem.code, {
      headCount: 'headCount' in problem ? problem.headCount : '',
      logCount: 'logCount' in problem ? problem.logCount : '',
      triggers: 'triggers' in problem ? problem.triggers.join(', ') : '',
    });
  }
}

export const verifyCommand = defineCommand({
  name: 'verify',
  summary: 'check the database file, the audit chain and its guards (recorded in the audit log)',
  usage: 'kaappi verify --register FILE --user NAME [--recovery-key] [--accept-log]',
  options: {
    ...OPEN_OPTIONS,
    'accept-log': {
      type: 'boolean',
      help: 'owner: accept the audit log as it is after a reported problem was looked into (recorded)',
    },
  },
  required: ['register', 'user'],
  run: (values, ctx) =>
    withRegister(values, ctx, 'audit.verify', (register) => {
      if (values['accept-log']) {
        const anchor = acceptAuditLog(register);
        ctx.say('logAccepted');
        sayAnchor(anchor, ctx);
        return anchor.ok ? 0 : 1;
      }
      const { chain, database, anchor, derived } = verifyRegister(register);
      if (database.ok) ctx.say('databaseOk');
      else ctx.say('databaseFailed', { problems: database.problems.join('; ') });
      if (chain.ok) ctx.say('chainOk', { checked: chain.checked });
      else ctx.say('chainBroken', { id: chain.firstBrokenId ?? '?' });
      sayAnchor(anchor, ctx);
      if (derived.ok) ctx.say('derivedOk');
      else
        ctx.say('derivedFailed', {
          differing: derived.differing,
          ids: derived.personIds.join(', ') || '-',
          counts: derived.counts.join(', ') || '-',
          dueDiffering: derived.dueState.differing,
          dueIds: derived.dueState.personIds.join(', ') || '-',
        });
      const failed = [
        ...(database.ok ? [] : [cliMessage(ctx.language, 'verifyFailedDatabase')]),
        ...(chain.ok ? [] : [cliMessage(ctx.language, 'verifyFailedChain')]),
        ...(anchor.ok ? [] : [cliMessage(ctx.language, 'verifyFailedAnchor')]),
        ...(derived.ok ? [] : [cliMessage(ctx.language, 'verifyFailedDerived')]),
      ];
      if (failed.length > 0) throw new CliFailure('verifyFailed', { failed: failed.join(', ') });
      return 0;
    }),
});
