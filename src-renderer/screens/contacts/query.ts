// What the contacts table shows: search text, filters and sort (sent to main as they are), the
// built-in saved views, and the columns a user can show or hide.
import type { z } from 'zod';
import type { ChannelInput, ChannelOutput } from '../../../src-shared/contract';
import type { personFilters } from '../../../src-shared/contract/register';

export type PersonFilters = z.input<typeof personFilters>;
export type SortState = NonNullable<ChannelInput<'persons.search'>['sort']>;
export type SortColumn = SortState['column'];
export type PersonRow = ChannelOutput<'persons.search'>['rows'][number];
export type SavedView = ChannelOutput<'views.list'>[number];

export interface ContactsQuery {
  text: string;
  filters: PersonFilters;
  sort: SortState | undefined;
}

export interface ContactsState extends ContactsQuery {
  /** '' (no view), 'builtin:<id>' or 'saved:<name>'. */
  view: string;
}

export const EMPTY_QUERY: ContactsState = { text: '', filters: {}, sort: undefined, view: '' };

export { BUILTIN_VIEWS } from '../../../src-shared/contract/register';

/** Columns in display order; `sort` names the server-side sort column where there is one. */
export const COLUMNS = [
  { id: 'name', sort: 'lastName', hideable: false },
  { id: 'organization', hideable: true },
  { id: 'email', sort: 'email', hideable: true },
  { id: 'phone', hideable: true },
  { id: 'city', sort: 'city', hideable: true },
  { id: 'kind', hideable: true },
  { id: 'status', sort: 'status', hideable: true },
  { id: 'lastActivityOn', sort: 'lastActivityOn', hideable: true },
  { id: 'informedOn', hideable: true },
] as const satisfies ReadonlyArray<{ id: string; sort?: SortColumn; hideable: boolean }>;

export type ColumnId = (typeof COLUMNS)[number]['id'];

export const DEFAULT_HIDDEN: ColumnId[] = ['kind', 'informedOn'];

const COLUMNS_KEY = 'kaappi.contacts.columns';

/** Visible columns, remembered on this computer (column ids only, no personal data). */
export function loadVisibleColumns(): ColumnId[] {
  const all = COLUMNS.map((column) => column.id);
  try {
    const stored = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null') as unknown;
    if (Array.isArray(stored)) {
      const known = stored.filter((id): id is ColumnId => all.includes(id as ColumnId));
      return all.filter((id) => id === 'name' || known.includes(id));
    }
  } catch {
    // A damaged entry just means the defaults.
  }
  return all.filter((id) => !DEFAULT_HIDDEN.includes(id));
}

export function storeVisibleColumns(columns: ColumnId[]): void {
  localStorage.setItem(COLUMNS_KEY, JSON.stringify(columns));
}

export function hasFilters(filters: PersonFilters): boolean {
  return Object.values(filters).some((value) => (Array.isArray(value) ? value.length > 0 : value !== undefined));
}
