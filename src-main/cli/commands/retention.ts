// `kaappi retention`: the retention review page from the command line. Lists who is due for
// deletion with the rule, the due date and any legal hold; with --apply, approves the deletions as
// the owner does on that page, so core deletes (or anonymises, per the policy) everyone not held.
// --now looks at another day and nothing more: it needs --dry-run, and the login, its back-off and
// the audit entries of the run keep the real clock (a faked clock once dated deletions years early).
import { finnishDate } from '../../core/clock';
import { approveDeletion, dueForReview } from '../../core/retention';
import { fields } from '../../../src-shared/contract';
import { UsageError } from '../args';
import { defineCommand, validateOptions } from '../command';
import { jsonText } from '../terminal';
import { OPEN_OPTIONS, withRegister } from '../with-register';
import { dueTable } from './retention-view';

const usage =
  'kaappi retention --register FILE --user NAME [--recovery-key] [--dry-run [--now YYYY-MM-DD] | --apply] [--json]';

export const retentionCommand = defineCommand({
  name: 'retention',
  summary: 'list persons due for deletion; with --apply, delete those without a legal hold',
  usage,
  options: {
    ...OPEN_OPTIONS,
    now: {
      type: 'string',
      help: 'with --dry-run only: list who would be due on this date, YYYY-MM-DD (the run itself keeps the real date)',
    },
    'dry-run': { type: 'boolean', help: 'only list who is due (the default; needed with --now)' },
    apply: { type: 'boolean', help: 'approve deletion of everyone due without a hold, as the owner does in the app' },
    json: { type: 'boolean', help: 'print JSON: { due, applied? }' },
  },
  required: ['register', 'user'],
  async run(values, ctx) {
    if (values.apply && values['dry-run']) throw new UsageError('choose --dry-run or --apply, not both');
    // Explicit even though a dry run is the default: a script that says --now says it changes nothing.
    if (values.now !== undefined && !values['dry-run']) {
      throw new UsageError('--now lists who would be due on another day and needs --dry-run; --apply uses today');
    }
    const asOf =
      values.now === undefined ? undefined : validateOptions(fields.isoDate, values.now, { '': '--now' }, ctx, usage);
    const apply = values.apply === true;
    return withRegister(values, ctx, apply ? 'retention.approve' : 'retention.due', (register) => {
      const today = asOf ?? finnishDate(register.deps.clock.now());
      const due = dueForReview(register, today);
      // Held persons go along too: core checks every hold again at this moment and reports them.
      const approved =
        apply && due.length > 0
          ? approveDeletion(
              register,
              due.map((d) => d.personId),
            )
          : undefined;
      const applied = apply ? { erased: approved?.erased ?? [], held: approved?.held ?? [] } : undefined;

      if (values.json) {
        ctx.print(jsonText(applied ? { due, applied } : { due }, 2));
        return 0;
      }
      if (due.length === 0) ctx.say('retentionNone', { date: today });
      else ctx.print(dueTable(due, ctx));
      if (applied) {
        const erased = new Set(applied.erased);
        const anonymised = due.filter((d) => erased.has(d.personId) && d.action === 'anonymise').length;
        ctx.say('retentionApplied', {
          deleted: erased.size - anonymised,
          anonymised,
          held: applied.held.length,
        });
      } else if (due.length > 0) {
        ctx.say('retentionDryRun', {
          due: due.length,
          date: today,
          held: due.filter((d) => d.holds.length > 0).length,
        });
      }
      return 0;
    });
  },
});
