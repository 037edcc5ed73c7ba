// A preset: a template for a kind of business (resources/presets/<id>.json), never one business's
// identity: it sets kinds, sources, fields, retention and notice wording, and lists what to confirm.
import { z } from 'zod';
import {
  CUSTOM_FIELD_TYPES,
  PERIOD_UNITS,
  RETENTION_ACTIONS,
  RETENTION_MODES,
  RETENTION_RULES,
} from '../../../src-shared/vocabulary';
import { PERIOD_LIMITS } from '../retention';
import { groupCategoriesSchema } from '../../../src-shared/contract/group-facts';
import { localizedText, marketingChannelsSchema, noticeFactsSchema } from '../../../src-shared/contract/notice-facts';

const key = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9_]+$/);
const label = z.string().trim().min(1).max(100);
const policyKey = z
  .string()
  .max(40)
  .regex(/^[a-z0-9][a-z0-9_-]*$/);
const listEntry = z.object({ key, labelFi: label, labelEn: label }).strict();
/** A kind is a group of persons: it may declare its own data list and channel modes (see lists/groups). */
const kindEntry = listEntry
  .extend({
    dataCategories: groupCategoriesSchema.optional(),
    marketingChannels: marketingChannelsSchema.optional(),
  })
  .strict();
const text = (max: number) => z.string().trim().max(max);

export const presetSchema = z
  .object({
    format: z.literal('kaappi-preset'),
    /** 2: no controller or contact person (version 1 carried a business's identity). */
    version: z.literal(2),
    name: z.object({ fi: label, en: label }).strict(),
    description: localizedText(1000),
    /** The relationship kinds the notice speaks of; others are no longer offered for new persons. */
    kinds: z.array(kindEntry).min(1).max(20),
    /** The data sources the notice names; others are no longer offered for new persons. */
    sources: z.array(listEntry).max(30),
    customFields: z
      .array(
        z
          .object({
            key,
            labelFi: label,
            labelEn: label,
            type: z.enum(CUSTOM_FIELD_TYPES),
            choices: z.array(z.string().trim().min(1).max(100)).max(50),
            /** The kinds whose persons have the field; missing or [] = every kind. */
            kindKeys: z.array(key).max(20).optional(),
          })
          .strict(),
      )
      .max(30),
    /**
     * The notice's retention rules, each for a group of kinds ([] = everyone); the register's
     * policies not listed are switched off. Stated rules are printed and never enforced.
     */
    retention: z
      .object({
        /** The Accounting Act's period for orders and invoices (6 or 10 years). */
        bookkeepingYears: z.number().int().min(0).max(20),
        policies: z
          .array(
            z.discriminatedUnion('kind', [
              z
                .object({
                  kind: z.literal('enforced'),
                  key: policyKey,
                  rule: z.enum(RETENTION_RULES),
                  period: z
                    .object({ amount: z.number().int().min(1).max(1200), unit: z.enum(PERIOD_UNITS) })
                    .strict()
                    .refine((period) => period.amount <= PERIOD_LIMITS[period.unit], 'too long a period'),
                  kindKeys: z.array(key).max(20),
                  action: z.enum(RETENTION_ACTIONS),
                  mode: z.enum(RETENTION_MODES),
                })
                .strict(),
              z
                .object({
                  kind: z.literal('stated'),
                  key: policyKey,
                  text: z.object({ fi: text(500).min(1), en: text(500).min(1) }).strict(),
                  kindKeys: z.array(key).max(20),
                })
                .strict(),
            ]),
          )
          .max(30),
      })
      .strict(),
    /**
     * What the owner must check or fill before the notice is hers, beside Kaappi's own list (see
     * core/presets/checklist.ts): e.g. "name the booking system you use as a processor".
     */
    checklist: z
      .array(z.object({ key, text: z.object({ fi: text(300).min(1), en: text(300).min(1) }).strict() }).strict())
      .max(30),
    registerName: localizedText(200),
    purposes: localizedText(4000),
    notice: noticeFactsSchema,
  })
  .strict()
  .superRefine((preset, ctx) => {
    const kinds = new Set(preset.kinds.map((kind) => kind.key));
    const unique = (keys: string[], path: string) => {
      if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', path: [path], message: 'duplicate key' });
    };
    unique(
      preset.kinds.map((kind) => kind.key),
      'kinds',
    );
    unique(
      preset.sources.map((source) => source.key),
      'sources',
    );
    unique(
      preset.customFields.map((field) => field.key),
      'customFields',
    );
    unique(
      preset.checklist.map((item) => item.key),
      'checklist',
    );
    unique(
      preset.retention.policies.map((policy) => policy.key),
      'retention',
    );
    preset.retention.policies.forEach((policy, i) => {
      for (const kind of policy.kindKeys) {
        if (!kinds.has(kind)) {
          ctx.addIssue({
            code: 'custom',
            path: ['retention', 'policies', i, 'kindKeys'],
            message: `unknown kind '${kind}'`,
          });
        }
      }
    });
    preset.customFields.forEach((field, i) => {
      (field.kindKeys ?? []).forEach((kind, j) => {
        if (!kinds.has(kind)) {
          ctx.addIssue({
            code: 'custom',
            path: ['customFields', i, 'kindKeys', j],
            message: `unknown kind '${kind}'`,
            params: { kaappi: 'PRESET_UNKNOWN_KIND' },
          });
        }
      });
      if (field.type === 'choice' && field.choices.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['customFields', i, 'choices'], message: 'a choice field needs choices' });
      }
    });
  });

export type Preset = z.infer<typeof presetSchema>;
