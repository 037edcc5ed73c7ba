// The owner's lists (kinds of relationship, data sources, custom fields), loaded once per screen,
// with labels in the UI language.
import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../src-shared/contract';
import { DATA_CATEGORIES } from '../../src-shared/contract/notice-facts';
import { invoke } from '../api';
import { useI18n } from '../i18n';

export type Lists = ChannelOutput<'lists.get'>;

export function useLists(): Lists | null {
  const [lists, setLists] = useState<Lists | null>(null);
  useEffect(() => {
    let live = true;
    invoke('lists.get', {})
      .then((value) => live && setLists(value))
      .catch(
        () =>
          live &&
          setLists({ kinds: [], sources: [], customFields: [], groups: [], dataCategories: [...DATA_CATEGORIES] }),
      );
    return () => {
      live = false;
    };
  }, []);
  return lists;
}

/** The label of a list entry (or custom field) in the UI language. */
export function useLabel(): (entry: { labelFi: string; labelEn: string } | undefined, fallback?: string) => string {
  const { language } = useI18n();
  return useCallback(
    (entry, fallback = '') => (entry ? (language === 'fi' ? entry.labelFi : entry.labelEn) : fallback),
    [language],
  );
}
