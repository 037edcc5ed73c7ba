// The audit log's guards (verify's anchor problems) in the user's words, for the audit screen and
// the home screen's integrity check.
import type { ChannelOutput } from '../../../src-shared/contract';
import type { Messages } from '../../i18n/fi';

type AnchorProblem = ChannelOutput<'audit.verify'>['anchor']['problems'][number];

export function guardProblemText(
  problem: AnchorProblem,
  t: Messages['staff']['audit']['guards'],
  format: (text: string, params: Record<string, string | number>) => string,
): string {
  return format(t[problem.code], { headCount: problem.headCount ?? '?', logCount: problem.logCount ?? '?' });
}
