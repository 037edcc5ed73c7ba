// Channels of the register itself: persons, organizations, consents, orders, contacts, lists.
import { z } from 'zod';
import { CONTACT_CHANNELS, CONTACT_KINDS, CUSTOM_FIELD_TYPES, INVOICE_STATUSES, PERSON_STATUSES } from '../vocabulary';
import { ALL_ROLES, OWNER_ONLY, WRITERS, type Channel } from './base';
import { isoDate, plainLine } from './fields';
import {
  consentMethod,
  consentSubject,
  entityId,
  listKey,
  optionalText,
  requiredLines,
  organizationChanges,
  organizationInput,
  personChanges,
  personInput,
  requiredText,
} from './register-fields';
import {
  consentState,
  customFieldDefinition,
  listEntry,
  organizationDetail,
  organizationRecord,
  personDetail,
  personRecord,
  personRow,
} from './register-outputs';
import { groupFactsSchema, kindGroupSchema } from './group-facts';
import { DATA_CATEGORIES } from './notice-facts';

const ids = z.array(entityId).min(1).max(10_000);
const tag = requiredText(60);
const SORTABLE = ['lastName', 'firstName', 'email', 'city', 'status', 'lastActivityOn', 'createdAt'] as const;

export const personFilters = z
  .object({
    statuses: z.array(z.enum(PERSON_STATUSES)).max(3),
    kindKeys: z.array(listKey).max(50),
    sourceKeys: z.array(listKey).max(50),
    organizationId: entityId,
    interest: tag,
    passiveForYears: z.number().int().min(0).max(100),
    noConsent: z.boolean(),
    notInformed: z.boolean(),
    restricted: z.boolean(),
  })
  .partial()
  .strict();

/** Views every register has (their names come from the window's i18n); the bench measures each. */
export const BUILTIN_VIEWS: ReadonlyArray<{ id: string; filters: z.input<typeof personFilters> }> = [
  { id: 'passiveOver4', filters: { statuses: ['passive'], passiveForYears: 4 } },
  { id: 'noConsent', filters: { noConsent: true } },
  { id: 'notInformed', filters: { notInformed: true } },
];

/** The sort key and id of a page's last row, as persons.search gave it. */
export const pageCursor = z
  .object({
    key: z
      .array(z.union([plainLine(z.string().max(400)), z.number(), z.null()]))
      .min(1)
      .max(2),
    id: entityId,
  })
  .strict();

export const personQuery = z
  .object({
    text: plainLine(z.string().max(200)).optional(),
    filters: personFilters.optional(),
    sort: z.object({ column: z.enum(SORTABLE), direction: z.enum(['asc', 'desc']) }).optional(),
    offset: z.number().int().min(0).max(10_000_000),
    limit: z.number().int().min(1).max(500),
    /** Keyset paging: the page after this row (the previous page's `next`); offset is then ignored. */
    after: pageCursor.optional(),
    /** false: the caller already has the count (a later page); `total` comes back null. */
    count: z.boolean().optional(),
  })
  .strict();

export const savedView = z
  .object({
    name: requiredText(80),
    text: plainLine(z.string().max(200)).optional(),
    filters: personFilters,
    sort: personQuery.shape.sort,
    columns: z
      .array(plainLine(z.string().max(40)))
      .max(30)
      .optional(),
  })
  .strict();

export const registerChannels = {
  'lists.get': {
    input: z.object({}).strict(),
    output: z.object({
      kinds: z.array(listEntry),
      sources: z.array(listEntry),
      customFields: z.array(customFieldDefinition),
      groups: z.array(kindGroupSchema),
      /** The interest tags persons have, for the table's filter. */
      interests: z.array(z.string()),
      /** The data categories the register's notice lists (a group may list its own instead). */
      dataCategories: z.array(z.enum(DATA_CATEGORIES)),
    }),
    access: ALL_ROLES,
  },
  'lists.setGroup': {
    input: groupFactsSchema.extend({ key: listKey }).strict(),
    output: z.array(kindGroupSchema),
    access: OWNER_ONLY,
  },
  'customFields.setKinds': {
    input: z
      .object({
        fields: z
          .array(z.object({ key: listKey, kindKeys: z.array(listKey).max(50) }).strict())
          .min(1)
          .max(100),
      })
      .strict(),
    output: z.array(customFieldDefinition),
    access: OWNER_ONLY,
  },
  'lists.add': {
    input: z
      .object({
        list: z.enum(['kinds', 'sources']),
        key: listKey,
        labelFi: requiredText(100),
        labelEn: requiredText(100),
      })
      .strict(),
    output: z.array(listEntry),
    access: OWNER_ONLY,
  },
  'customFields.add': {
    input: z
      .object({
        key: listKey,
        labelFi: requiredText(100),
        labelEn: requiredText(100),
        type: z.enum(CUSTOM_FIELD_TYPES),
        choices: z.array(requiredText(100)).max(50).default([]),
        kindKeys: z.array(listKey).max(50).default([]),
      })
      .strict(),
    output: z.array(customFieldDefinition),
    access: OWNER_ONLY,
  },
  'persons.search': {
    input: personQuery,
    output: z.object({ total: z.number().int().nullable(), rows: z.array(personRow), next: pageCursor.nullable() }),
    access: ALL_ROLES,
  },
  'persons.get': { input: z.object({ id: entityId }).strict(), output: personDetail, access: ALL_ROLES },
  'persons.create': {
    input: z
      .object({
        person: personInput,
        organizationId: entityId.nullable().optional(),
        title: optionalText(200).optional(),
      })
      .strict(),
    output: personRecord,
    access: WRITERS,
  },
  'persons.update': {
    input: z.object({ id: entityId, changes: personChanges, customerActivity: z.boolean().optional() }).strict(),
    output: personRecord,
    access: WRITERS,
  },
  'persons.passivate': {
    input: z.object({ ids, on: isoDate.optional() }).strict(),
    output: z.object({ passivated: z.number().int() }),
    access: WRITERS,
  },
  'persons.setStatus': {
    input: z.object({ id: entityId, status: z.enum(['active', 'ended']), on: isoDate.optional() }).strict(),
    output: z.null(),
    access: WRITERS,
  },
  'persons.move': {
    input: z
      .object({ ids, organizationId: entityId, title: optionalText(200).optional(), on: isoDate.optional() })
      .strict(),
    output: z.object({ moved: z.number().int() }),
    access: WRITERS,
  },
  'persons.addInterest': {
    input: z.object({ ids, tag }).strict(),
    output: z.object({ tagged: z.number().int() }),
    access: WRITERS,
  },
  'persons.removeInterest': {
    input: z.object({ id: entityId, tag }).strict(),
    output: z.null(),
    access: WRITERS,
  },
  'persons.setCustomValue': {
    input: z.object({ id: entityId, key: listKey, value: optionalText(2000) }).strict(),
    output: z.null(),
    access: WRITERS,
  },
  'consents.record': {
    input: z
      .object({
        personId: entityId,
        changes: z
          .array(
            z
              .object({
                subject: consentSubject,
                granted: z.boolean(),
                method: consentMethod,
                evidence: requiredLines(4000),
                effectiveAt: z.iso.datetime().optional(),
              })
              .strict(),
          )
          .min(1)
          .max(8),
      })
      .strict(),
    output: consentState,
    access: WRITERS,
  },
  'consents.mayContact': {
    input: z
      .object({
        personId: entityId,
        channel: z.enum(['email', 'sms', 'phone', 'post']),
        purpose: z.enum(['marketing', 'research', 'listing']),
      })
      .strict(),
    output: z.object({ allowed: z.boolean(), reasons: z.array(z.string()) }),
    access: ALL_ROLES,
  },
  'orders.add': {
    input: z
      .object({
        personId: entityId,
        orderedOn: isoDate,
        description: requiredText(500),
        amountCents: z.number().int().min(-100_000_000).max(100_000_000),
        invoiceStatus: z.enum(INVOICE_STATUSES),
      })
      .strict(),
    output: z.object({ id: z.number().int() }),
    access: WRITERS,
  },
  'orders.setInvoiceStatus': {
    input: z.object({ orderId: entityId, invoiceStatus: z.enum(INVOICE_STATUSES) }).strict(),
    output: z.null(),
    access: WRITERS,
  },
  'contacts.add': {
    input: z
      .object({
        personId: entityId,
        occurredOn: isoDate,
        channel: z.enum(CONTACT_CHANNELS),
        kind: z.enum(CONTACT_KINDS),
        summary: requiredLines(4000),
      })
      .strict(),
    output: z.object({ id: z.number().int() }),
    access: WRITERS,
  },
  'organizations.find': {
    input: z.object({ text: plainLine(z.string().max(200)), limit: z.number().int().min(1).max(100) }).strict(),
    output: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        businessId: z.string().nullable(),
        city: z.string().nullable(),
      }),
    ),
    access: ALL_ROLES,
  },
  'organizations.get': { input: z.object({ id: entityId }).strict(), output: organizationDetail, access: ALL_ROLES },
  'organizations.create': {
    input: z.object({ organization: organizationInput }).strict(),
    output: organizationRecord,
    access: WRITERS,
  },
  'organizations.update': {
    input: z.object({ id: entityId, changes: organizationChanges }).strict(),
    output: organizationRecord,
    access: WRITERS,
  },
  'views.list': { input: z.object({}).strict(), output: z.array(savedView), access: ALL_ROLES },
  'views.save': { input: savedView, output: z.array(savedView), access: WRITERS },
  'views.delete': { input: z.object({ name: requiredText(80) }).strict(), output: z.array(savedView), access: WRITERS },
} as const satisfies Record<string, Channel>;
