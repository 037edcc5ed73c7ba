// The owner's lists (kinds of relationship, data sources, custom fields), loaded once per screen,
// with labels in the UI language.
import { useCallback } from 'react';
import type { ChannelOutput } from '../../src-shared/contract';
import { DATA_CATEGORIES } from '../../src-shared/contract/notice-facts';
import { useI18n } from '../i18n';
import { useChannel } from './useChannel';

export type Lists = ChannelOutput<'lists.get'>;

/** Unreadable lists leave the choices empty (the categories are fixed), not the screen waiting. */
const NO_LISTS: Lists = {
  kinds: [],
  sources: [],
  customFields: [],
  groups: [],
  interests: [],
  dataCategories: [...DATA_CATEGORIES],
};

export function useLists(): Lists | null {
  return useListsReloadable().lists;
}

/** For a screen whose own actions change a list (tagging persons adds an interest). */
export function useListsReloadable(): { lists: Lists | null; reload: () => void } {
  const read = useChannel('lists.get', {}, []);
  return { lists: read.data ?? (read.error ? NO_LISTS : null), reload: read.reload };
}

/** The label of a list entry (or custom field) in the UI language. */
export function useLabel(): (entry: { labelFi: string; labelEn: string } | undefined, fallback?: string) => string {
  const { language } = useI18n();
  return useCallback(
    (entry, fallback = '') => (entry ? (language === 'fi' ? entry.labelFi : entry.labelEn) : fallback),
    [language],
  );
}
