// What data.json in a subject package holds: everything the register knows about one person and
// how it is processed (GDPR Art. 15 and 20). The schema is the documentation: every part says what
// it is, and resources/subject-package.schema.json is generated from it (npm run
// schema:subject-package) for whoever reads the file in another system.
import { z } from 'zod';
import {
  CONSENT_METHODS,
  CONSENT_SUBJECTS,
  CONTACT_CHANNELS,
  CONTACT_KINDS,
  CUSTOM_FIELD_TYPES,
  INVOICE_STATUSES,
  PERIOD_UNITS,
  PERSON_STATUSES,
  REQUEST_CHANNELS,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  RETENTION_ACTIONS,
  RETENTION_MODES,
  RETENTION_RULES,
} from '../../../src-shared/vocabulary';
import { languageSchema } from '../../../src-shared/language';

// 2: a retention period in months or years (was whole years).
export const SUBJECT_PACKAGE_FORMAT = 'kaappi-subject-package/2';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = (what: string) => z.string().regex(DATE).describe(`${what} (a calendar date, YYYY-MM-DD)`);
/** Described as a whole, so the JSON Schema carries the description where readers look for it. */
const optionalDate = (what: string) =>
  z.string().regex(DATE).nullable().describe(`${what} (a calendar date, YYYY-MM-DD); null when there is none`);
const instant = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/)
    .describe(`${what} (an instant in UTC, ISO 8601)`);
const optionalText = (what: string) => z.string().nullable().describe(`${what}; null when not recorded`);
const localized = (what: string) =>
  z
    .object({ fi: z.string().describe('in Finnish'), en: z.string().describe('in English') })
    .strict()
    .describe(what);
const listEntry = (what: string) =>
  z
    .object({
      key: z.string().describe('stable key of the entry in the register'),
      label: localized('the name shown to users'),
    })
    .strict()
    .describe(what);

const controller = z
  .object({
    name: z.string().describe('the business that keeps the register'),
    businessId: z.string().describe('Finnish business ID (Y-tunnus); empty when not set'),
    street: z.string().describe('street address'),
    postalCode: z.string().describe('postal code'),
    city: z.string().describe('city'),
    phone: z.string().describe('phone'),
    email: z.string().describe('email'),
    contactPerson: z
      .object({
        name: z.string().describe('name'),
        phone: z.string().describe('phone'),
        email: z.string().describe('email'),
      })
      .strict()
      .describe('whom to contact about the register (rekisteriasioista vastaava henkilö)'),
    registerName: localized('the name of the register'),
  })
  .strict()
  .describe('the controller (rekisterinpitäjä), as the privacy notice names it');

const supervisoryAuthority = z
  .object({
    name: localized('name of the authority'),
    address: z.string().describe('postal address'),
    email: z.string().describe('email'),
    www: z.string().describe('web site'),
  })
  .strict()
  .describe('where a complaint can be lodged (GDPR Art. 77): in Finland the Data Protection Ombudsman');

const person = z
  .object({
    uid: z.string().describe('random identifier of the person, used in every file that leaves the register'),
    firstName: z.string().describe('first name'),
    lastName: z.string().describe('last name'),
    jobTitle: optionalText('job title'),
    phone: optionalText('phone number in international form (E.164)'),
    email: optionalText('email address'),
    street: optionalText('street address'),
    postalCode: optionalText('postal code'),
    city: optionalText('city'),
    country: z.string().describe('country, ISO 3166-1 alpha-2'),
    birthDate: optionalDate('date of birth'),
    age: z.number().int().nullable().describe('age as told, for registers that record age rather than birth date'),
    ageRecordedOn: optionalDate('when the age was told'),
    www: optionalText('web site'),
    ipAddress: optionalText('IP address recorded with a web form'),
    notes: optionalText('free-text notes'),
    language: languageSchema.describe('language the person is served in'),
    informedOn: optionalDate('when the person was told about the registration'),
    informedHow: optionalText('how the person was told about the registration'),
    status: z.enum(PERSON_STATUSES).describe('state of the customer relationship'),
    statusChangedOn: isoDate('when the state last changed'),
    passivatedOn: optionalDate('when the relationship was made passive'),
    endedOn: optionalDate('when the relationship ended'),
    lastActivityOn: isoDate('last customer activity (order, contact); retention counts from it'),
    restricted: z.boolean().describe('processing restricted on the person’s request (GDPR Art. 18)'),
    createdAt: instant('when the person was entered in the register'),
    updatedAt: instant('when the details were last changed'),
  })
  .strict()
  .describe('the personal details kept about the person');

const organization = z
  .object({
    name: z.string().describe('name'),
    businessId: optionalText('business ID (Y-tunnus)'),
    street: optionalText('street address'),
    postalCode: optionalText('postal code'),
    city: optionalText('city'),
    country: z.string().describe('country, ISO 3166-1 alpha-2'),
    phone: optionalText('phone'),
    email: optionalText('email'),
    www: optionalText('web site'),
  })
  .strict()
  .describe('the organization');

const employment = z
  .object({
    organization,
    title: optionalText('role or title there'),
    startedOn: isoDate('from'),
    endedOn: optionalDate('until when; none while current'),
  })
  .strict()
  .describe('the person representing an organization for a period');

const consentEvent = z
  .object({
    subject: z.enum(CONSENT_SUBJECTS).describe('a marketing channel consent, or a ban (ban_…)'),
    granted: z.boolean().describe('consent given / ban set (true), or consent withdrawn / ban lifted (false)'),
    method: z.enum(CONSENT_METHODS).describe('how it was given'),
    evidence: z.string().describe('the consent text shown, or what the person said (GDPR Art. 7(1))'),
    effectiveAt: instant('when it took effect'),
    recordedAt: instant('when it was entered'),
    recordedBy: optionalText('display name of the staff member who entered it'),
  })
  .strict()
  .describe('one event in the history of a consent or ban');

const consentNow = z
  .object({
    subject: z.enum(CONSENT_SUBJECTS).describe('a marketing channel consent, or a ban (ban_…)'),
    granted: z.boolean().describe('whether the consent is given / the ban is in force now'),
    effectiveAt: instant('since when'),
    method: z.enum(CONSENT_METHODS).describe('how the latest event was given'),
  })
  .strict()
  .describe('the state of one consent or ban now: its latest event');

const order = z
  .object({
    id: z.number().int().describe('order number in the register'),
    orderedOn: isoDate('date of the order'),
    description: z.string().describe('what was ordered'),
    amountCents: z.number().int().describe('amount in euro cents'),
    invoiceStatus: z.enum(INVOICE_STATUSES).describe('state of the invoice'),
    createdAt: instant('when it was entered'),
  })
  .strict()
  .describe('an order or purchase');

const contact = z
  .object({
    occurredOn: isoDate('when'),
    channel: z.enum(CONTACT_CHANNELS).describe('how'),
    kind: z.enum(CONTACT_KINDS).describe('a contact, or feedback from the person'),
    summary: z.string().describe('what was said, as recorded'),
    createdAt: instant('when it was entered'),
    createdBy: optionalText('display name of the staff member who entered it'),
  })
  .strict()
  .describe('a contact with the person, or their feedback');

const customValue = z
  .object({
    key: z.string().describe('stable key of the field'),
    label: localized('the field’s name'),
    type: z.enum(CUSTOM_FIELD_TYPES).describe('kind of value'),
    value: z.string().describe('the value recorded for the person'),
  })
  .strict()
  .describe('a value of a field the controller added to the register');

const request = z
  .object({
    id: z.number().int().describe('request number, as in the letters about it'),
    type: z.enum(REQUEST_TYPES).describe('what was asked (GDPR Art. 15–21, or a ban)'),
    receivedOn: isoDate('when it was received'),
    channel: z.enum(REQUEST_CHANNELS).describe('how it was received'),
    dueOn: isoDate('the deadline: one month from receipt'),
    extendedTo: optionalDate('the extended deadline, if the time was extended'),
    extensionReason: optionalText('why the time was extended'),
    status: z.enum(REQUEST_STATUSES).describe('where it stands'),
    closedOn: optionalDate('when it was answered'),
    outcome: optionalText('what was done, or why it was refused'),
    refusedInPart: z.boolean().describe('refused (or carried out) only in part'),
  })
  .strict()
  .describe('a data-subject request concerning the person (attachments are not included)');

const processingEntry = z
  .object({
    at: instant('when'),
    action: z.string().describe('what was done, as an audit log action (e.g. person.viewed, consent.recorded)'),
    actor: optionalText('display name of the user who did it; null for the system'),
  })
  .strict()
  .describe('one entry of the audit log concerning the person');

const retentionPolicy = z
  .object({
    rule: z.enum(RETENTION_RULES).describe('which rule'),
    period: z
      .object({
        amount: z.number().int().describe('how many'),
        unit: z.enum(PERIOD_UNITS).describe('months or years'),
      })
      .strict()
      .describe('how long after the date it counts from'),
    action: z.enum(RETENTION_ACTIONS).describe('what then happens to the data'),
    mode: z.enum(RETENTION_MODES).describe('whether a person reviews the deletion or it is automatic'),
    countsFrom: optionalDate('the date the period counts from now; none while the rule’s condition is not met'),
    dueOn: optionalDate('when the period ends by the person’s dates now; none while it has not started'),
  })
  .strict()
  .describe('a retention rule that applies to the person’s kind of relationship');

export const HOLD_KINDS = [
  'open_invoice',
  'in_collection',
  'billing_retention',
  'contact_person',
  'manual',
  'postponed',
  'open_request',
] as const;

const hold = z
  .object({
    kind: z.enum(HOLD_KINDS).describe('what keeps the data'),
    until: optionalDate('until when, where the hold has an end'),
    reason: optionalText('the reason given for a manual hold'),
  })
  .strict()
  .describe('something that prevents deleting the data today');

export const subjectPackageSchema = z
  .object({
    format: z.literal(SUBJECT_PACKAGE_FORMAT).describe('name and version of this format'),
    generatedAt: instant('when the data was read from the register'),
    requestId: z.number().int().nullable().describe('the request this package answers; null if none'),
    controller,
    purposes: localized('what the register is used for, as the privacy notice says'),
    supervisoryAuthority,
    person,
    relationshipKind: listEntry('the kind of relationship (customer, prospect, …)'),
    source: listEntry('where the data came from').nullable().describe('where the data came from; null if not recorded'),
    employments: z.array(employment).describe('organizations the person represents or has represented'),
    consents: z
      .object({
        current: z.array(consentNow).describe('consents and bans in force or withdrawn, one per subject'),
        history: z.array(consentEvent).describe('every event, newest first'),
      })
      .strict()
      .describe('consents to marketing and bans (direct marketing, research, publication, profiling)'),
    orders: z.array(order).describe('orders, newest first'),
    contacts: z.array(contact).describe('contacts and feedback, newest first'),
    interests: z.array(z.string().describe('an interest')).describe('interests recorded for targeting offers'),
    customFields: z.array(customValue).describe('values of the controller’s own fields'),
    requests: z.array(request).describe('data-subject requests concerning the person, newest first'),
    processing: z
      .array(processingEntry)
      .describe('who has viewed or changed the data, and when (audit log), oldest first'),
    retention: z
      .object({
        policies: z.array(retentionPolicy).describe('the rules that decide when the data is deleted'),
        holds: z.array(hold).describe('what prevents deletion today'),
      })
      .strict()
      .describe('how long the data is kept'),
  })
  .strict()
  .describe('Everything a Kaappi register holds about one person, for their access or portability request');

export type SubjectData = z.infer<typeof subjectPackageSchema>;

/** The JSON Schema shipped as resources/subject-package.schema.json. */
export function subjectPackageJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(subjectPackageSchema, { target: 'draft-2020-12' });
  return { $schema: generated.$schema, title: 'Kaappi subject package (data.json)', ...generated };
}
