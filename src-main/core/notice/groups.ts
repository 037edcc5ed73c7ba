// The notice's groups of persons (relationship kinds) when any of them declares its own data list
// or channel modes: one data list per group, and the channel modes each group is marketed by.
import type { ReadableDb } from '../../db/open';
import { kindIdByKey, listCustomFields, listKindGroups, type CustomFieldDefinition } from '../lists';
import type { RegisterProfile } from '../settings';
import { fieldAppliesTo } from '../../../src-shared/contract/group-facts';
import {
  channelModesOf,
  type DataCategoryFact,
  type MarketingChannelModes,
} from '../../../src-shared/contract/notice-facts';
import type { Labelled, NoticeCategory } from './facts';

export interface NoticeGroup extends Labelled {
  /** The group's data list: its own categories, or the register's where it declares none. */
  categories: NoticeCategory[];
  ownCategories: boolean;
  /** The modes the group is marketed by: its own, or the register's. */
  channels: MarketingChannelModes;
  ownChannels: boolean;
}

type ListOf = (
  db: ReadableDb,
  declared: DataCategoryFact[],
  fields: CustomFieldDefinition[],
  kindId?: number,
) => NoticeCategory[];

/** The groups the notice names (the kinds it lists), or null when none declares anything of its own. */
export function resolveGroups(
  db: ReadableDb,
  profile: RegisterProfile,
  subjectKinds: Labelled[],
  listOf: ListOf,
): NoticeGroup[] | null {
  const own = new Map(listKindGroups(db).map((group) => [group.key, group]));
  const named = subjectKinds.filter((kind) => own.has(kind.key));
  if (!named.some(({ key }) => own.get(key)!.dataCategories !== null || own.get(key)!.marketingChannels !== null))
    return null;
  const fields = listCustomFields(db);
  return named.map((kind) => {
    const group = own.get(kind.key)!;
    return {
      key: kind.key,
      label: kind.label,
      categories: listOf(
        db,
        group.dataCategories ?? profile.notice.dataCategories,
        fields.filter((field) => fieldAppliesTo(field.kindKeys, kind.key)),
        kindIdByKey(db, kind.key),
      ),
      ownCategories: group.dataCategories !== null,
      channels: group.marketingChannels ?? channelModesOf(profile.notice),
      ownChannels: group.marketingChannels !== null,
    };
  });
}

/** Every category some group's list holds, once each, in first-seen order. */
export function unionOf(groups: NoticeGroup[]): NoticeCategory[] {
  const seen = new Map<string, NoticeCategory>();
  for (const group of groups)
    for (const category of group.categories) if (!seen.has(category.key)) seen.set(category.key, category);
  return [...seen.values()];
}
