// Output shapes of the register's channels. Checked against what handlers return in tests.
import { z } from 'zod';
import {
  CONSENT_METHODS,
  CONSENT_SUBJECTS,
  CONTACT_CHANNELS,
  CONTACT_KINDS,
  CUSTOM_FIELD_TYPES,
  INVOICE_STATUSES,
  PERSON_STATUSES,
} from '../vocabulary';
import { DATA_CATEGORIES, marketingChannelsSchema } from './notice-facts';
import { languageSchema } from '../language';

const nullableText = z.string().nullable();

export const listEntry = z.object({
  key: z.string(),
  labelFi: z.string(),
  labelEn: z.string(),
  builtin: z.boolean(),
  active: z.boolean(),
});

export const customFieldDefinition = z.object({
  key: z.string(),
  labelFi: z.string(),
  labelEn: z.string(),
  type: z.enum(CUSTOM_FIELD_TYPES),
  choices: z.array(z.string()),
  /** The kinds whose persons have the field; [] = every kind. */
  kindKeys: z.array(z.string()),
});

export const personRecord = z.object({
  id: z.number().int(),
  uid: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  jobTitle: nullableText,
  phone: nullableText,
  email: nullableText,
  street: nullableText,
  postalCode: nullableText,
  city: nullableText,
  country: z.string(),
  birthDate: nullableText,
  age: z.number().int().nullable(),
  ageRecordedOn: nullableText,
  www: nullableText,
  ipAddress: nullableText,
  notes: nullableText,
  language: languageSchema,
  sourceKey: nullableText,
  informedOn: nullableText,
  informedHow: nullableText,
  kindKey: z.string(),
  status: z.enum(PERSON_STATUSES),
  statusChangedOn: z.string(),
  passivatedOn: nullableText,
  endedOn: nullableText,
  lastActivityOn: z.string(),
  restricted: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const personRow = z.object({
  id: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  email: nullableText,
  phone: nullableText,
  city: nullableText,
  kindKey: z.string(),
  status: z.enum(PERSON_STATUSES),
  passivatedOn: nullableText,
  lastActivityOn: z.string(),
  restricted: z.boolean(),
  informedOn: nullableText,
  organization: nullableText,
});

const consentStateEntry = z
  .object({ granted: z.boolean(), effectiveAt: z.string(), method: z.enum(CONSENT_METHODS) })
  .nullable();
export const consentState = z.object(
  Object.fromEntries(CONSENT_SUBJECTS.map((s) => [s, consentStateEntry])) as Record<
    (typeof CONSENT_SUBJECTS)[number],
    typeof consentStateEntry
  >,
);

export const personDetail = z.object({
  person: personRecord,
  employments: z.array(
    z.object({
      id: z.number().int(),
      organizationId: z.number().int(),
      organizationName: z.string(),
      title: nullableText,
      startedOn: z.string(),
      endedOn: nullableText,
    }),
  ),
  consents: consentState,
  channelModes: marketingChannelsSchema,
  consentHistory: z.array(
    z.object({
      id: z.number().int(),
      subject: z.enum(CONSENT_SUBJECTS),
      granted: z.boolean(),
      method: z.enum(CONSENT_METHODS),
      evidence: z.string(),
      effectiveAt: z.string(),
      recordedAt: z.string(),
      recordedBy: nullableText,
    }),
  ),
  orders: z.array(
    z.object({
      id: z.number().int(),
      orderedOn: z.string(),
      description: z.string(),
      amountCents: z.number().int(),
      invoiceStatus: z.enum(INVOICE_STATUSES),
    }),
  ),
  contacts: z.array(
    z.object({
      id: z.number().int(),
      occurredOn: z.string(),
      channel: z.enum(CONTACT_CHANNELS),
      kind: z.enum(CONTACT_KINDS),
      summary: z.string(),
    }),
  ),
  interests: z.array(z.string()),
  customFields: z.array(customFieldDefinition.extend({ value: nullableText })),
  /** The categories the notice declares for the person's group (its own, else the register's). */
  declaredCategories: z.array(z.enum(DATA_CATEGORIES)),
  trail: z.array(z.object({ id: z.number().int(), at: z.string(), action: z.string(), actor: nullableText })),
});

export const organizationRecord = z.object({
  id: z.number().int(),
  name: z.string(),
  businessId: nullableText,
  street: nullableText,
  postalCode: nullableText,
  city: nullableText,
  country: z.string(),
  phone: nullableText,
  email: nullableText,
  www: nullableText,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const organizationDetail = z.object({
  organization: organizationRecord,
  people: z.array(
    z.object({
      personId: z.number().int(),
      firstName: z.string(),
      lastName: z.string(),
      status: z.enum(PERSON_STATUSES),
      title: nullableText,
      startedOn: z.string(),
      endedOn: nullableText,
    }),
  ),
});
