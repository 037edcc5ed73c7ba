// How `kaappi retention` and `kaappi erase` put due persons and legal holds into words for a person
// reading the terminal. Scripts use --json, which prints core's records as they are.
import type { DueForReview, HoldReason } from '../../core/retention';
import type { CliContext } from '../context';
import { cliMessage } from '../messages';
import { textTable } from '../table';

export function holdInWords(hold: HoldReason, ctx: CliContext): string {
  switch (hold.kind) {
    case 'billing_retention':
    case 'postponed':
      return cliMessage(ctx.language, `hold_${hold.kind}`, { until: hold.until });
    case 'manual':
      return cliMessage(ctx.language, 'hold_manual', { reason: hold.reason });
    default:
      return cliMessage(ctx.language, `hold_${hold.kind}`);
  }
}

export function holdsInWords(holds: readonly HoldReason[], ctx: CliContext): string {
  if (holds.length === 0) return cliMessage(ctx.language, 'hold_none');
  return holds.map((hold) => holdInWords(hold, ctx)).join('; ');
}

export function dueTable(due: readonly DueForReview[], ctx: CliContext): string {
  const header = cliMessage(ctx.language, 'retentionHeader').split('\t');
  return textTable(
    header,
    due.map((person) => [
      String(person.personId),
      `${person.firstName} ${person.lastName}`,
      cliMessage(ctx.language, `rule_${person.rule}`),
      person.dueOn,
      holdsInWords(person.holds, ctx),
    ]),
  );
}
