// A preset: one business's privacy notice as data (resources/presets/<id>.json). Applying it sets
// up the register to keep what that notice promises: relationship kinds, data sources, custom
// fields, retention policies, processors and the notice texts. A new notice needs a new file only.
import { z } from 'zod';
import { CUSTOM_FIELD_TYPES, RETENTION_ACTIONS, RETENTION_MODES, RETENTION_RULES } from '../../db/vocabulary';
import { localizedText, noticeFactsSchema } from '../../ipc/contract/notice-facts';

const key = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9_]+$/);
const label = z.string().trim().min(1).max(100);
const listEntry = z.object({ key, labelFi: label, labelEn: label }).strict();
const text = (max: number) => z.string().trim().max(max);

export const presetSchema = z
  .object({
    format: z.literal('kaappi-preset'),
    version: z.literal(1),
    name: z.object({ fi: label, en: label }).strict(),
    description: localizedText(1000),
    /** The relationship kinds the notice speaks of; others are no longer offered for new persons. */
    kinds: z.array(listEntry).min(1).max(20),
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
          })
          .strict(),
      )
      .max(30),
    /** The notice's retention rules; a rule not listed is switched off. */
    retention: z
      .array(
        z
          .object({
            rule: z.enum(RETENTION_RULES),
            years: z.number().int().min(1).max(50),
            kindKeys: z.array(key).max(20),
            action: z.enum(RETENTION_ACTIONS),
            mode: z.enum(RETENTION_MODES),
          })
          .strict(),
      )
      .max(RETENTION_RULES.length),
    /** Who keeps the register, as the notice names them; an empty value keeps what is set. */
    controller: z
      .object({
        name: text(200),
        businessId: text(20),
        street: text(200),
        postalCode: text(20),
        city: text(100),
        phone: text(40),
        email: text(200),
      })
      .partial()
      .strict()
      .optional(),
    contactPerson: z
      .object({ name: text(200), phone: text(40), email: text(200) })
      .partial()
      .strict()
      .optional(),
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
      preset.retention.map((policy) => policy.rule),
      'retention',
    );
    preset.retention.forEach((policy, i) => {
      for (const kind of policy.kindKeys) {
        if (!kinds.has(kind)) {
          ctx.addIssue({ code: 'custom', path: ['retention', i, 'kindKeys'], message: `unknown kind '${kind}'` });
        }
      }
    });
    preset.customFields.forEach((field, i) => {
      if (field.type === 'choice' && field.choices.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['customFields', i, 'choices'], message: 'a choice field needs choices' });
      }
    });
  });

export type Preset = z.infer<typeof presetSchema>;
