// Kinds as groups of persons: the data categories and channel modes a kind declares of its own,
// and which kinds a custom field belongs to. Null (or []) everywhere is the register as before.
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { preparedQuery, type ReadableDb } from '../../db/open';
import { customFields, customFieldValues, persons, relationshipKinds } from '../../db/schema-register';
import { KaappiError } from '../../../src-shared/errors';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';
import { groupFactsSchema, type GroupFacts, type KindGroup } from '../../../src-shared/contract/group-facts';
import {
  CONSENT_ONLY_CHANNELS,
  type DataCategoryFact,
  type MarketingChannelModes,
} from '../../../src-shared/contract/notice-facts';

export type { GroupFacts, KindGroup };

const parsed = <T>(json: string | null): T | null => (json === null ? null : (JSON.parse(json) as T));

export function listKindGroups(db: ReadableDb): KindGroup[] {
  // Prepared once: every list and count asks for the groups' channel modes.
  const query = preparedQuery(db, 'listKindGroups', () =>
    db.select().from(relationshipKinds).orderBy(relationshipKinds.position, relationshipKinds.id),
  );
  return query.all().map((kind) => ({
    key: kind.key,
    labelFi: kind.labelFi,
    labelEn: kind.labelEn,
    active: kind.active,
    dataCategories: parsed<DataCategoryFact[]>(kind.dataCategories),
    marketingChannels: parsed<MarketingChannelModes>(kind.marketingChannels),
  }));
}

/** Whether any kind declares its own data list or channel modes (else the notice prints as before). */
export function hasOwnGroups(groups: KindGroup[]): { categories: boolean; channels: boolean } {
  return {
    categories: groups.some((group) => group.dataCategories !== null),
    channels: groups.some((group) => group.marketingChannels !== null),
  };
}

/** Gives a kind its own data list and channel modes (or, with null, the register's back). */
export function setKindGroup(register: UnlockedRegister, key: string, facts: GroupFacts): KindGroup[] {
  assertRole(register, 'owner');
  // Also in the schema; said here in the law's words for callers that skip the contract.
  const modes = facts.marketingChannels;
  if (modes && CONSENT_ONLY_CHANNELS.some((channel) => modes[channel] !== 'optIn'))
    throw new KaappiError('ELECTRONIC_MARKETING_OPT_OUT');
  const valid = groupFactsSchema.safeParse(facts);
  if (!valid.success) throw new KaappiError('INVALID_INPUT');
  return register.transaction((db) => {
    const changed = db
      .update(relationshipKinds)
      .set({
        dataCategories: valid.data.dataCategories && JSON.stringify(valid.data.dataCategories),
        marketingChannels: valid.data.marketingChannels && JSON.stringify(valid.data.marketingChannels),
      })
      .where(eq(relationshipKinds.key, key))
      .run().changes;
    if (changed === 0) throw new KaappiError('UNKNOWN_KIND');
    register.audit({
      action: 'settings.kind_group_set',
      targetType: 'kinds',
      targetId: key,
      details: {
        ownCategories: valid.data.dataCategories !== null,
        ownChannels: valid.data.marketingChannels !== null,
      },
    });
    return listKindGroups(db);
  });
}

/** Throws UNKNOWN_KIND unless every key names a kind of the register. */
export function assertKindsExist(db: ReadableDb, kindKeys: readonly string[]): void {
  if (kindKeys.length === 0) return;
  const found = db
    .select({ key: relationshipKinds.key })
    .from(relationshipKinds)
    .where(inArray(relationshipKinds.key, [...kindKeys]))
    .all();
  if (found.length !== new Set(kindKeys).size) throw new KaappiError('UNKNOWN_KIND');
}

/**
 * Keeps a custom field for some kinds only ([] = every kind). Refused while a person of a kind
 * left out holds a value in it: the owner clears those first, so no data goes unseen.
 */
export function scopeCustomField(register: UnlockedRegister, fieldKey: string, kindKeys: string[]): void {
  assertRole(register, 'owner');
  register.transaction((db) => {
    const field = db.select({ id: customFields.id }).from(customFields).where(eq(customFields.key, fieldKey)).get();
    if (!field) throw new KaappiError('UNKNOWN_FIELD');
    assertKindsExist(db, kindKeys);
    if (kindKeys.length > 0) {
      const outside = db
        .select({ personId: customFieldValues.personId })
        .from(customFieldValues)
        .innerJoin(persons, eq(persons.id, customFieldValues.personId))
        .innerJoin(relationshipKinds, eq(relationshipKinds.id, persons.kindId))
        .where(and(eq(customFieldValues.fieldId, field.id), notInArray(relationshipKinds.key, kindKeys)))
        .limit(1)
        .get();
      if (outside) throw new KaappiError('CUSTOM_FIELD_VALUES_OUTSIDE_KINDS');
    }
    db.update(customFields)
      .set({ kindKeys: JSON.stringify(kindKeys) })
      .where(eq(customFields.id, field.id))
      .run();
    register.audit({
      action: 'settings.custom_field_scoped',
      targetType: 'custom_field',
      targetId: fieldKey,
      details: { kinds: kindKeys.join(',') },
    });
  });
}

/** Several fields' kinds at once, all or nothing (the settings screen saves them together). */
export function scopeCustomFields(
  register: UnlockedRegister,
  scopes: Array<{ key: string; kindKeys: string[] }>,
): void {
  assertRole(register, 'owner');
  register.transaction(() => {
    for (const { key, kindKeys } of scopes) scopeCustomField(register, key, kindKeys);
  });
}
