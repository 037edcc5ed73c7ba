// A person's own details, listed once: the form, an import and a rectification all speak of these,
// in the form's order. The contract's personShape holds their rules.

const NAME_FIELDS = ['firstName', 'lastName'] as const;
const OTHER_DETAIL_FIELDS = [
  'jobTitle',
  'phone',
  'email',
  'street',
  'postalCode',
  'city',
  'country',
  'birthDate',
  'www',
  'notes',
  'language',
] as const;

/** What a person tells of themselves: what an import fills and a rectification changes. */
export const PERSON_DETAIL_FIELDS = [...NAME_FIELDS, ...OTHER_DETAIL_FIELDS] as const;
export type PersonDetailField = (typeof PERSON_DETAIL_FIELDS)[number];

/**
 * What a column of an imported file can fill: the details, with `fullName` beside the names, and
 * `organization`, `interests` and `timestamp` (see the contract's imports).
 */
export const IMPORT_FIELDS = [
  ...NAME_FIELDS,
  'fullName',
  ...OTHER_DETAIL_FIELDS,
  'organization',
  'interests',
  'timestamp',
] as const;
