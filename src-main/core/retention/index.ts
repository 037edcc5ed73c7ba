export {
  countDueForDeletion,
  dueForDeletion,
  holdsFor,
  type DueForReview,
  type DuePerson,
  type HoldReason,
  type RetentionSettings,
} from './due';
export { erasePersons, type EraseRequest, type EraseResult } from './erase';
export { addHold, removeManualHolds } from './holds';
export {
  addPolicy,
  isEnforced,
  listPolicies,
  removePolicy,
  updatePolicy,
  type EnforcedPolicy,
  type NewPolicy,
  type PolicyChanges,
  type RetentionPolicy,
} from './policies';
export { addPeriod, periodModifier, PERIOD_LIMITS, type RetentionPeriod } from './period';
export { runRetention, runRetentionIfDue, type RetentionRun } from './scheduler';
export {
  approveAllDeletable,
  approveDeletion,
  dueForReview,
  dueReviewCounts,
  dueReviewPage,
  type DueReviewCounts,
} from './review';
export { periodWords } from './period-words';
