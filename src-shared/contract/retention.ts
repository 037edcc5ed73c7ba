// Channels of retention: policies (added, edited, removed by the owner), the review page, holds, and running the sweep on demand.
import { z } from 'zod';
import {
  PERIOD_UNITS,
  RETENTION_ACTIONS,
  RETENTION_MODES,
  RETENTION_POLICY_KINDS,
  RETENTION_RULES,
} from '../vocabulary';
import { ALL_ROLES, OWNER_ONLY, WRITERS, type Channel } from './base';
import { isoDate } from './fields';
import { entityId, listKey, requiredText } from './register-fields';

const period = z.object({ amount: z.number().int().min(1).max(1200), unit: z.enum(PERIOD_UNITS) }).strict();
const statedText = z.object({ fi: requiredText(500), en: requiredText(500) }).strict();
const policyKey = z
  .string()
  .max(40)
  .regex(/^[a-z0-9][a-z0-9_-]*$/);

const policy = z.object({
  key: z.string(),
  kind: z.enum(RETENTION_POLICY_KINDS),
  rule: z.enum(RETENTION_RULES).nullable(),
  period: period.nullable(),
  kindKeys: z.array(z.string()),
  action: z.enum(RETENTION_ACTIONS),
  mode: z.enum(RETENTION_MODES),
  active: z.boolean(),
  text: statedText.nullable(),
});

/** The terms the owner sets; core checks that they fit the policy's kind (checkPolicy). */
const terms = {
  rule: z.enum(RETENTION_RULES).nullable(),
  period: period.nullable(),
  kindKeys: z.array(listKey).max(50),
  action: z.enum(RETENTION_ACTIONS),
  mode: z.enum(RETENTION_MODES),
  active: z.boolean(),
  text: statedText.nullable(),
};

const hold = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open_invoice') }),
  z.object({ kind: z.literal('in_collection') }),
  z.object({ kind: z.literal('billing_retention'), until: z.string() }),
  z.object({ kind: z.literal('contact_person') }),
  z.object({ kind: z.literal('manual'), reason: z.string() }),
  z.object({ kind: z.literal('postponed'), until: z.string() }),
  z.object({ kind: z.literal('open_request') }),
]);

const duePerson = z.object({
  rule: z.enum(RETENTION_RULES),
  action: z.enum(RETENTION_ACTIONS),
  policyKey: z.string(),
  personId: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  dueOn: z.string(),
  automatic: z.boolean(),
  holds: z.array(hold),
});

const dueCounts = z.object({
  asOf: z.string(),
  total: z.number().int(),
  deletable: z.number().int(),
  fingerprint: z.string(),
});

const run = z.object({
  ranOn: z.string(),
  due: z.number().int(),
  held: z.number().int(),
  awaitingReview: z.number().int(),
  deletedAutomatically: z.number().int(),
  bookkeepingPurged: z.number().int(),
});

export const retentionChannels = {
  'retention.policies': { input: z.object({}).strict(), output: z.array(policy), access: ALL_ROLES },
  'retention.addPolicy': {
    input: z
      .object({ key: policyKey.optional(), kind: z.enum(RETENTION_POLICY_KINDS), ...terms })
      .partial({ action: true, mode: true, active: true })
      .strict(),
    output: z.array(policy),
    access: OWNER_ONLY,
  },
  'retention.updatePolicy': {
    input: z
      .object({ key: policyKey, ...terms })
      .partial()
      .required({ key: true })
      .strict(),
    output: z.array(policy),
    access: OWNER_ONLY,
  },
  'retention.removePolicy': {
    input: z.object({ key: policyKey }).strict(),
    output: z.array(policy),
    access: OWNER_ONLY,
  },
  /** Everyone due today, as one list. The screens use the page; the CLI reads core directly and names this channel for its access rule. */
  'retention.due': { input: z.object({}).strict(), output: z.array(duePerson), access: OWNER_ONLY },
  /** The review's counts: total due, how many nothing holds, and who those are (the fingerprint). */
  'retention.dueCounts': { input: z.object({}).strict(), output: dueCounts, access: OWNER_ONLY },
  /** One page of the review, shown before its counts (they look at every due person's holds). */
  'retention.duePage': {
    // `after`: the last row of the page before, so a page far into the list reads only its own.
    input: z
      .object({
        offset: z.number().int().min(0).max(10_000_000),
        limit: z.number().int().min(1).max(500),
        after: z.object({ dueOn: isoDate, personId: entityId }).strict().optional(),
      })
      .strict(),
    output: z.object({ asOf: z.string(), rows: z.array(duePerson) }),
    access: OWNER_ONLY,
  },
  /** Approve these persons, or ("select all") everyone nothing holds, as the counts gave them (asOf, fingerprint). */
  'retention.approve': {
    input: z.union([
      z.object({ personIds: z.array(entityId).min(1).max(100_000) }).strict(),
      z
        .object({
          allDeletable: z.literal(true),
          asOf: isoDate,
          fingerprint: z.string().regex(/^\d{1,20}:\d{1,20}:\d{1,20}$/),
        })
        .strict(),
    ]),
    output: z.object({
      erased: z.array(z.number().int()),
      held: z.array(z.object({ personId: z.number().int(), holds: z.array(hold) })),
      bookkeeping: z.array(z.object({ personId: z.number().int(), rows: z.number().int(), keptUntil: z.string() })),
      notDue: z.array(z.number().int()),
    }),
    access: OWNER_ONLY,
  },
  'retention.postpone': {
    input: z.object({ personId: entityId, until: isoDate, reason: requiredText(500) }).strict(),
    output: z.null(),
    access: OWNER_ONLY,
  },
  'retention.addHold': {
    input: z.object({ personId: entityId, reason: requiredText(500), until: isoDate.nullable() }).strict(),
    output: z.null(),
    access: WRITERS,
  },
  'retention.removeHolds': { input: z.object({ personId: entityId }).strict(), output: z.null(), access: OWNER_ONLY },
  'retention.run': { input: z.object({}).strict(), output: run, access: OWNER_ONLY },
} as const satisfies Record<string, Channel>;
