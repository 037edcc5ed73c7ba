// A group of persons in the notice is a relationship kind; what a kind may declare of its own:
// its data categories and its direct-marketing channel modes, null meaning the register's own.
import { z } from 'zod';
import { DATA_CATEGORIES, dataCategorySchema, marketingChannelsSchema } from './notice-facts';

export const groupCategoriesSchema = z
  .array(dataCategorySchema)
  .min(1)
  .max(DATA_CATEGORIES.length)
  .refine((categories) => new Set(categories.map((c) => c.key)).size === categories.length, {
    message: 'each category once',
  });

export const groupFactsSchema = z
  .object({
    /** The group's own data list; null = the register's declared list. */
    dataCategories: groupCategoriesSchema.nullable(),
    /** The group's own channel modes; null = the register's. Email and SMS stay opt-in. */
    marketingChannels: marketingChannelsSchema.nullable(),
  })
  .strict();
export type GroupFacts = z.infer<typeof groupFactsSchema>;

/** A kind with what it declares of its own, as the settings screen and the CLI show it. */
export const kindGroupSchema = groupFactsSchema.extend({
  key: z.string(),
  labelFi: z.string(),
  labelEn: z.string(),
  active: z.boolean(),
});
export type KindGroup = z.infer<typeof kindGroupSchema>;

/** Whether a custom field scoped to `kindKeys` ([] = every kind) is one a person of `kindKey` has. */
export function fieldAppliesTo(kindKeys: readonly string[], kindKey: string): boolean {
  return kindKeys.length === 0 || kindKeys.includes(kindKey);
}
