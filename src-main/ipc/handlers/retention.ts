// Handlers of the retention channels: thin calls into core.
import {
  addHold,
  addPolicy,
  approveAllDeletable,
  approveDeletion,
  dueForReview,
  dueReviewCounts,
  dueReviewPage,
  listPolicies,
  removeManualHolds,
  removePolicy,
  runRetention,
  updatePolicy,
} from '../../core/retention';
import { assertRole } from '../../core/users';
import type { retentionChannels } from '../../../src-shared/contract/retention';
import type { HandlersFor } from '../registry';

export const retentionHandlers: HandlersFor<keyof typeof retentionChannels> = {
  'retention.policies': ({ register }) => listPolicies(register.db),
  'retention.addPolicy': ({ register }, input) =>
    addPolicy(register, { ...input, rule: input.rule ?? null, period: input.period ?? null, text: input.text ?? null }),
  'retention.updatePolicy': ({ register }, { key, ...changes }) => updatePolicy(register, key, changes),
  'retention.removePolicy': ({ register }, { key }) => removePolicy(register, key),
  'retention.due': ({ register }) => dueForReview(register),
  'retention.dueCounts': ({ register }) => dueReviewCounts(register),
  'retention.duePage': ({ register }, window) => dueReviewPage(register, window),
  'retention.approve': ({ register }, input) =>
    'personIds' in input ? approveDeletion(register, input.personIds) : approveAllDeletable(register, input),
  'retention.postpone': ({ register }, { personId, until, reason }) => {
    addHold(register, personId, { kind: 'postponed', reason, until });
    return null;
  },
  'retention.addHold': ({ register }, { personId, reason, until }) => {
    addHold(register, personId, { kind: 'manual', reason, until });
    return null;
  },
  'retention.removeHolds': ({ register }, { personId }) => {
    removeManualHolds(register, personId);
    return null;
  },
  'retention.run': ({ register }) => {
    assertRole(register, 'owner');
    return runRetention(register);
  },
};
