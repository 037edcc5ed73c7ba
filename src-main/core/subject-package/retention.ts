// Which retention rules apply to a person and when each would make them due, by their dates now:
// the same rule definitions as the sweep (db/retention-sweep.ts), told to the person in advance.
import { addPeriod, isEnforced, type EnforcedPolicy, type RetentionPolicy } from '../retention';
import type { SubjectData } from './schema';

type Person = Pick<SubjectData['person'], 'status' | 'lastActivityOn' | 'passivatedOn' | 'endedOn' | 'createdAt'>;

/** The date a rule counts from for this person now, or null while its condition is not met. */
function countsFrom(policy: EnforcedPolicy, person: Person): string | null {
  switch (policy.rule) {
    case 'inactive':
      return person.lastActivityOn;
    case 'passive_not_moved':
      return person.status === 'passive' ? person.passivatedOn : null;
    case 'after_end':
      return person.status === 'ended' ? person.endedOn : null;
    case 'prospect_not_converted':
      return person.createdAt.slice(0, 10);
  }
}

export function applicablePolicies(
  policies: RetentionPolicy[],
  person: Person,
  kindKey: string,
): SubjectData['retention']['policies'] {
  return policies
    .filter(isEnforced)
    .filter((policy) => policy.active && (policy.kindKeys.length === 0 || policy.kindKeys.includes(kindKey)))
    .filter((policy) => policy.rule !== 'prospect_not_converted' || kindKey === 'prospect')
    .map((policy) => {
      const from = countsFrom(policy, person);
      return {
        rule: policy.rule,
        period: policy.period,
        action: policy.action,
        mode: policy.mode,
        countsFrom: from,
        dueOn: from === null ? null : addPeriod(from, policy.period),
      };
    });
}
