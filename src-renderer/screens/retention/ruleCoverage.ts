// Whether any retention rule Kaappi enforces is switched on: without one nobody is ever due, and the
// review page and the home card must say so instead of looking reassuringly empty.
import type { ChannelOutput } from '../../../src-shared/contract';

type Policies = ChannelOutput<'retention.policies'>;

export function enforcesAnyRule(policies: Policies): boolean {
  return policies.some((policy) => policy.kind === 'enforced' && policy.active);
}
