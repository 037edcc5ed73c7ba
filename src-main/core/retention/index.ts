export { dueForDeletion, holdsFor, type DuePerson, type HoldReason, type RetentionSettings } from './due';
export { erasePersons, type EraseRequest, type EraseResult } from './erase';
export { addHold, removeManualHolds } from './holds';
export { listPolicies, updatePolicy, type RetentionPolicy } from './policies';
export { runRetention, runRetentionIfDue, type RetentionRun } from './scheduler';
export { approveDeletion, dueForReview, type DueForReview } from './review';
