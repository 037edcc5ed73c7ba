// The register's fixed vocabularies, kept free of drizzle so the renderer can share them.
export const PERSON_STATUSES = ['active', 'passive', 'ended'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export const CONSENT_SUBJECTS = [
  'email',
  'sms',
  'phone',
  'post',
  'ban_direct_marketing',
  'ban_publication',
  'ban_research',
  'ban_profiling',
] as const;
export type ConsentSubject = (typeof CONSENT_SUBJECTS)[number];

export const CONSENT_METHODS = ['in_person', 'email', 'phone', 'letter', 'form', 'import', 'request'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const INVOICE_STATUSES = ['open', 'paid', 'in_collection'] as const;
export const CONTACT_CHANNELS = ['email', 'phone', 'sms', 'in_person', 'letter', 'other'] as const;
export const CONTACT_KINDS = ['contact', 'feedback'] as const;
export const CUSTOM_FIELD_TYPES = ['text', 'date', 'choice'] as const;

/** The retention rules the notices contain (PRODUCT.md, "Retention"). */
export const RETENTION_RULES = ['inactive', 'passive_not_moved', 'after_end', 'prospect_not_converted'] as const;
export type RetentionRule = (typeof RETENTION_RULES)[number];
export const RETENTION_ACTIONS = ['delete', 'anonymise'] as const;
export const RETENTION_MODES = ['review', 'automatic'] as const;
/** 'stated': a rule the notice states that Kaappi cannot enforce (paper forms, other systems). */
export const RETENTION_POLICY_KINDS = ['enforced', 'stated'] as const;
export const PERIOD_UNITS = ['months', 'years'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** Data-subject requests (GDPR Art. 15–21) and the bans the notices let a person set by asking. */
export const REQUEST_TYPES = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'objection',
  'portability',
  'ban_direct_marketing',
  'ban_research',
  'ban_publication',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export const REQUEST_CHANNELS = ['email', 'letter', 'in_person', 'phone'] as const;
/**
 * How a requester's identity was confirmed: reasonable means (GDPR Art. 12(6)), none of them
 * required for any type of request; 'other' needs a note saying what was done.
 */
export const VERIFICATION_MEANS = [
  'in_person_id',
  'registered_email',
  'registered_phone',
  'signed_letter',
  'strong_eid',
  'other',
] as const;
export type VerificationMeans = (typeof VERIFICATION_MEANS)[number];
export const REQUEST_STATUSES = ['received', 'verified', 'in_progress', 'completed', 'refused'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** Requests that are still open: they hold the person's data from retention deletion. */
export const OPEN_REQUEST_STATUSES = ['received', 'verified', 'in_progress'] as const;
