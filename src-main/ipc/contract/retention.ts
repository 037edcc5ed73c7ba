// Channels of retention: policies, the review page, holds, and running the sweep on demand.
import { z } from 'zod';
import { RETENTION_ACTIONS, RETENTION_MODES, RETENTION_RULES } from '../../db/vocabulary';
import { ALL_ROLES, OWNER_ONLY, WRITERS, type Channel } from './base';
import { isoDate } from './fields';
import { entityId, listKey, requiredText } from './register-fields';

const policy = z.object({
  rule: z.enum(RETENTION_RULES),
  years: z.number().int(),
  kindKeys: z.array(z.string()),
  action: z.enum(RETENTION_ACTIONS),
  mode: z.enum(RETENTION_MODES),
  active: z.boolean(),
});

const hold = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open_invoice') }),
  z.object({ kind: z.literal('in_collection') }),
  z.object({ kind: z.literal('billing_retention'), until: z.string() }),
  z.object({ kind: z.literal('contact_person') }),
  z.object({ kind: z.literal('manual'), reason: z.string() }),
  z.object({ kind: z.literal('postponed'), until: z.string() }),
  z.object({ kind: z.literal('open_request') }),
]);

const run = z.object({
  ranOn: z.string(),
  due: z.number().int(),
  held: z.number().int(),
  awaitingReview: z.number().int(),
  deletedAutomatically: z.number().int(),
});

export const retentionChannels = {
  'retention.policies': { input: z.object({}).strict(), output: z.array(policy), access: ALL_ROLES },
  'retention.updatePolicy': {
    input: z
      .object({
        rule: z.enum(RETENTION_RULES),
        years: z.number().int().min(1).max(100).optional(),
        kindKeys: z.array(listKey).max(50).optional(),
        action: z.enum(RETENTION_ACTIONS).optional(),
        mode: z.enum(RETENTION_MODES).optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    output: z.array(policy),
    access: OWNER_ONLY,
  },
  'retention.due': {
    input: z.object({}).strict(),
    output: z.array(
      policy.pick({ rule: true, action: true }).extend({
        personId: z.number().int(),
        firstName: z.string(),
        lastName: z.string(),
        dueOn: z.string(),
        automatic: z.boolean(),
        holds: z.array(hold),
      }),
    ),
    access: OWNER_ONLY,
  },
  'retention.approve': {
    input: z.object({ personIds: z.array(entityId).min(1).max(100_000) }).strict(),
    output: z.object({
      erased: z.array(z.number().int()),
      held: z.array(z.object({ personId: z.number().int(), holds: z.array(hold) })),
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
