// The contacts table's data: pages of 100 rows fetched from main around the scroll position, only
// a few kept at a time. A page after one already here starts at its cursor; a jump, at its offset.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { invoke } from '../../api';
import type { ContactsQuery, PersonRow } from './query';
import type { ChannelOutput } from '../../../src-shared/contract';

type PersonPage = ChannelOutput<'persons.search'>;
type PageCursor = NonNullable<PersonPage['next']>;

export const PAGE_SIZE = 100;
/** Pages kept around the visible ones; farther ones are dropped and fetched again if needed. */
const KEEP_AROUND = 2;

interface Loaded {
  key: string;
  total: number | null;
  pages: ReadonlyMap<number, PersonRow[]>;
  /** The query whose fetch failed last, if any. */
  failedKey: string | null;
}

export interface PersonPages {
  /** Null until the first page of any query has arrived. */
  total: number | null;
  /** The rows shown are the previous query's while the new one is on its way (no flicker). */
  stale: boolean;
  failed: boolean;
  rowAt: (index: number) => PersonRow | undefined;
  /** Rows currently held, with their place in the result. */
  loaded: Array<{ index: number; row: PersonRow }>;
  /** Fetches what rows `start`..`end` need and forgets pages far from them. */
  showRange: (start: number, end: number) => void;
  /** Fetches again after a change (e.g. a bulk action). */
  reload: () => void;
}

function toInput(query: ContactsQuery) {
  return {
    ...(query.text.trim() ? { text: query.text.trim() } : {}),
    filters: query.filters,
    ...(query.sort ? { sort: query.sort } : {}),
  };
}

export function usePersonPages(query: ContactsQuery): PersonPages {
  const [generation, setGeneration] = useState(0);
  const key = `${generation}:${JSON.stringify(toInput(query))}`;
  const [loaded, setLoaded] = useState<Loaded>({ key: '', total: null, pages: new Map(), failedKey: null });
  const requested = useRef(new Set<string>());
  const visiblePages = useRef({ first: 0, last: 0 });
  /** Per `${key}#${page}`, where the page after it starts (main's `next`), kept while the key lasts. */
  const cursors = useRef(new Map<string, PageCursor>());
  /** The count of each query, asked for once: later pages skip it. */
  const totals = useRef(new Map<string, number>());

  const fetchPage = useCallback(
    (page: number) => {
      const id = `${key}#${page}`;
      if (requested.current.has(id)) return;
      requested.current.add(id);
      const input = JSON.parse(key.slice(key.indexOf(':') + 1)) as ReturnType<typeof toInput>;
      const after = cursors.current.get(`${key}#${page - 1}`);
      const known = totals.current.get(key);
      invoke('persons.search', {
        ...input,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
        ...(after ? { after } : {}),
        ...(known !== undefined ? { count: false } : {}),
      })
        .then((result) => {
          if (result.next) cursors.current.set(id, result.next);
          if (result.total !== null) totals.current.set(key, result.total);
          setLoaded((current) => {
            const base = current.key === key ? current.pages : new Map<number, PersonRow[]>();
            const { first, last } = visiblePages.current;
            const pages = new Map<number, PersonRow[]>();
            for (const [number, rows] of base) {
              if (number >= first - KEEP_AROUND && number <= last + KEEP_AROUND) pages.set(number, rows);
              else requested.current.delete(`${key}#${number}`);
            }
            pages.set(page, result.rows);
            return { key, total: totals.current.get(key) ?? null, pages, failedKey: null };
          });
        })
        .catch(() => {
          requested.current.delete(id);
          setLoaded((current) => ({ ...current, failedKey: key }));
        });
    },
    [key],
  );

  // Not useChannel: many pages per query, fetched and dropped as the table scrolls.
  useEffect(() => {
    requested.current.clear();
    cursors.current.clear();
    totals.current.clear();
    visiblePages.current = { first: 0, last: 0 };
    fetchPage(0);
  }, [fetchPage]);

  const stale = loaded.key !== key;
  const pages = loaded.pages;

  const showRange = useCallback(
    (start: number, end: number) => {
      const first = Math.floor(Math.max(start, 0) / PAGE_SIZE);
      const last = Math.floor(Math.max(end, 0) / PAGE_SIZE);
      visiblePages.current = { first, last };
      for (let page = first; page <= last; page += 1) fetchPage(page);
    },
    [fetchPage],
  );

  const rows = useMemo(() => {
    const list: Array<{ index: number; row: PersonRow }> = [];
    for (const number of [...pages.keys()].sort((a, b) => a - b)) {
      pages.get(number)!.forEach((row, i) => list.push({ index: number * PAGE_SIZE + i, row }));
    }
    return list;
  }, [pages]);

  return {
    total: loaded.total,
    stale,
    failed: loaded.failedKey === key,
    loaded: rows,
    rowAt: (index) => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    showRange,
    reload: () => setGeneration((value) => value + 1),
  };
}

/** Ids of every person the query finds (up to `limit`), for "select all" bulk actions. */
export async function allMatchingIds(query: ContactsQuery, limit: number): Promise<number[]> {
  const ids: number[] = [];
  const input = toInput(query);
  let after: PageCursor | null = null;
  while (ids.length < limit) {
    const page: PersonPage = await invoke('persons.search', {
      ...input,
      offset: 0,
      limit: Math.min(500, limit - ids.length),
      ...(after ? { after, count: false } : {}),
    });
    ids.push(...page.rows.map((row) => row.id));
    if (!page.next) break;
    after = page.next;
  }
  return ids;
}
