// Asiakkaat: the register as a table. Search, filters, sort and paging happen in main; this screen
// holds the query, the visible columns, the selection and the views.
import type { RowSelectionState, SortingState, Updater, VisibilityState } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { invoke } from '../../api';
import { useNavigation, useRemembered } from '../../components/Navigation';
import { useChannel, errorText } from '../../components/useChannel';
import { useListsReloadable } from '../../components/useLists';
import { useMayExportLists } from '../exports/useMayExportLists';
import { useI18n } from '../../i18n';
import { BulkActions } from './BulkActions';
import { ColumnPicker } from './ColumnPicker';
import { ContactsTable, type ContactsTableHandle } from './ContactsTable';
import { ActiveFilters, FilterBar } from './FilterBar';
import { TableExport } from './TableExport';
import { ViewPicker } from './ViewPicker';
import {
  BUILTIN_VIEWS,
  COLUMNS,
  EMPTY_QUERY,
  hasFilters,
  loadVisibleColumns,
  storeVisibleColumns,
  type ColumnId,
  type ContactsState,
  type PersonFilters,
  type PersonRow,
  type SavedView,
  type SortColumn,
} from './query';
import { allMatchingIds, usePersonPages } from './usePersonPages';

const SEARCH_DELAY_MS = 200;
/** The most ids one bulk action takes ('persons.passivate' and friends accept 10 000). */
const SELECT_LIMIT = 10_000;

function resolve<T>(updater: Updater<T>, current: T): T {
  return typeof updater === 'function' ? (updater as (value: T) => T)(current) : updater;
}

export function ContactsScreen({ isOwner = false }: { isOwner?: boolean }) {
  const { messages, format } = useI18n();
  const t = messages.register.contacts;
  const { navigate, canWrite } = useNavigation();
  const mayExportLists = useMayExportLists();
  const { lists, reload: reloadLists } = useListsReloadable();
  const [state, setState] = useRemembered<ContactsState>('contacts.query', () => EMPTY_QUERY);
  const [searchText, setSearchText] = useState(state.text);
  const [visible, setVisible] = useState<ColumnId[]>(loadVisibleColumns);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [announcement, setAnnouncement] = useState('');
  const [selecting, setSelecting] = useState(false);
  const tableRef = useRef<ContactsTableHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const pages = usePersonPages(state);

  // The search box is where a visit to the register usually starts.
  useEffect(() => searchRef.current?.focus(), []);

  const viewList = useChannel('views.list', {}, []);
  const savedViews: SavedView[] = viewList.data ?? [];
  const setSavedViews = viewList.setData;

  /** Any change to what is shown drops the selection, so a bulk action never hits hidden rows. */
  const changeQuery = useCallback(
    (change: (current: ContactsState) => ContactsState) => {
      setSelection({});
      setState(change);
    },
    [setState],
  );

  useEffect(() => {
    const timer = setTimeout(
      () => changeQuery((current) => (current.text === searchText ? current : { ...current, text: searchText })),
      SEARCH_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [searchText, changeQuery]);

  const setVisibleColumns = (columns: ColumnId[]) => {
    setVisible(columns);
    storeVisibleColumns(columns);
  };

  function applyView(view: string) {
    if (view.startsWith('saved:')) {
      const saved = savedViews.find((v) => `saved:${v.name}` === view);
      if (!saved) return;
      setSearchText(saved.text ?? '');
      changeQuery(() => ({ view, text: saved.text ?? '', filters: saved.filters, sort: saved.sort }));
      if (saved.columns) {
        const ids = COLUMNS.map((c) => c.id);
        setVisibleColumns(ids.filter((id) => id === 'name' || saved.columns!.includes(id)));
      }
      return;
    }
    const builtin = BUILTIN_VIEWS.find((v) => `builtin:${v.id}` === view);
    setSearchText('');
    changeQuery(() => (builtin ? { ...EMPTY_QUERY, view, filters: builtin.filters } : EMPTY_QUERY));
  }

  async function saveView(name: string) {
    const views = await invoke('views.save', {
      name,
      ...(state.text.trim() ? { text: state.text.trim() } : {}),
      filters: state.filters,
      ...(state.sort ? { sort: state.sort } : {}),
      columns: visible,
    });
    setSavedViews(views);
    setState((current) => ({ ...current, view: `saved:${name}` }));
    setAnnouncement(format(t.viewSaved, { name }));
  }

  function deleteView(name: string) {
    invoke('views.delete', { name })
      .then((views) => {
        setSavedViews(views);
        setState((current) => ({ ...current, view: '' }));
        setAnnouncement(format(t.viewDeleted, { name }));
      })
      .catch((error: unknown) => setAnnouncement(errorText(error, messages.unexpected)));
  }

  const setFilters = (filters: PersonFilters) => changeQuery((current) => ({ ...current, filters, view: '' }));

  const sortColumnOf = (id: string) =>
    COLUMNS.find((c) => c.id === id && 'sort' in c) as { sort: SortColumn } | undefined;
  const sorting: SortingState = useMemo(() => {
    const sort = state.sort ?? { column: 'lastName', direction: 'asc' };
    const column = COLUMNS.find((c) => 'sort' in c && c.sort === sort.column);
    return column ? [{ id: column.id, desc: sort.direction === 'desc' }] : [];
  }, [state.sort]);
  const onSortingChange = (updater: Updater<SortingState>) => {
    const next = resolve(updater, sorting)[0];
    const column = next ? sortColumnOf(next.id) : undefined;
    changeQuery((current) => ({
      ...current,
      sort: column ? { column: column.sort, direction: next?.desc ? 'desc' : 'asc' } : undefined,
    }));
  };

  const columnVisibility: VisibilityState = useMemo(
    () => Object.fromEntries(COLUMNS.map((c) => [c.id, visible.includes(c.id)])),
    [visible],
  );

  const selectedIds = useMemo(
    () =>
      Object.entries(selection)
        .filter(([, on]) => on)
        .map(([id]) => Number(id)),
    [selection],
  );
  const total = pages.total ?? 0;
  const allSelected = total > 0 && selectedIds.length >= Math.min(total, SELECT_LIMIT);

  async function toggleAll() {
    if (selectedIds.length > 0) return setSelection({});
    setSelecting(true);
    try {
      const ids = await allMatchingIds(state, SELECT_LIMIT);
      setSelection(Object.fromEntries(ids.map((id) => [String(id), true])));
      if (total > SELECT_LIMIT) setAnnouncement(format(t.selectAllLimited, { limit: SELECT_LIMIT }));
    } finally {
      setSelecting(false);
    }
  }

  const open = useCallback((row: PersonRow) => navigate({ name: 'person', id: row.id }), [navigate]);

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && total > 0) {
      event.preventDefault();
      tableRef.current?.focusRow(0);
    }
  }

  const count =
    pages.total === null ? t.countLoading : pages.total === 1 ? t.countOne : format(t.count, { count: pages.total });
  const filtered = hasFilters(state.filters) || state.text.trim() !== '';

  return (
    <main className="page page--wide contacts-page" aria-labelledby="contacts-title">
      <div className="page-head">
        <h1 id="contacts-title">{t.title}</h1>
        <p className="page-head__count" role="status" aria-live="polite">
          {count}
        </p>
        {canWrite && (
          <div className="page-head__actions">
            <button type="button" className="button" onClick={() => navigate({ name: 'import' })}>
              {messages.imports.open}
            </button>
            {mayExportLists && (
              <button type="button" className="button" onClick={() => navigate({ name: 'mailing-list' })}>
                {messages.imports.mailing.open}
              </button>
            )}
            <button type="button" className="button button--primary" onClick={() => navigate({ name: 'person-new' })}>
              {t.newPerson}
            </button>
          </div>
        )}
      </div>

      <div className="toolbar">
        <div className="field search-field">
          <label htmlFor="contacts-search">{t.search}</label>
          <input
            id="contacts-search"
            ref={searchRef}
            type="search"
            value={searchText}
            placeholder={t.searchPlaceholder}
            aria-describedby="contacts-search-hint"
            onChange={(event) => setSearchText(event.target.value)}
            onKeyDown={onSearchKeyDown}
            maxLength={200}
          />
          <p id="contacts-search-hint" className="visually-hidden">
            {t.searchHint}
          </p>
        </div>
        <ViewPicker
          state={state}
          savedViews={savedViews}
          canWrite={canWrite}
          onApply={applyView}
          onSave={saveView}
          onDelete={deleteView}
        />
      </div>

      <div className="toolbar toolbar--filters">
        <FilterBar filters={state.filters} lists={lists} onChange={setFilters} />
        <ColumnPicker visible={visible} onChange={setVisibleColumns} />
        {isOwner && <TableExport query={state} columns={visible} onDone={setAnnouncement} />}
      </div>

      <div className="toolbar toolbar--chips">
        <ActiveFilters filters={state.filters} onChange={setFilters} />
        {filtered && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setSearchText('');
              changeQuery(() => EMPTY_QUERY);
            }}
          >
            {t.clearFilters}
          </button>
        )}
      </div>

      <p className="ok announcement" role="status">
        {announcement}
      </p>

      {canWrite && selectedIds.length > 0 && (
        <BulkActions
          ids={selectedIds}
          onClear={() => setSelection({})}
          onDone={(message) => {
            setAnnouncement(message);
            setSelection({});
            pages.reload();
            // A new interest tag becomes a choice in the filter.
            reloadLists();
          }}
        />
      )}

      {pages.failed && (
        <p className="form-alert" role="alert">
          {messages.register.common.loadFailed}{' '}
          <button type="button" className="link-button" onClick={pages.reload}>
            {messages.register.common.retry}
          </button>
        </p>
      )}

      {pages.total === 0 ? (
        <p className="empty-state">{filtered ? t.empty : t.emptyRegister}</p>
      ) : (
        <ContactsTable
          handle={tableRef}
          pages={pages}
          lists={lists}
          sorting={sorting}
          onSortingChange={onSortingChange}
          columnVisibility={columnVisibility}
          rowSelection={selection}
          onRowSelectionChange={(updater) => setSelection((current) => resolve(updater, current))}
          selectAll={{
            // Checked at once while the ids are fetched, so the box answers the click.
            checked: allSelected || selecting,
            indeterminate: selectedIds.length > 0 && !allSelected && !selecting,
            onToggle: () => void toggleAll(),
            busy: selecting || !canWrite,
          }}
          onOpen={open}
        />
      )}
    </main>
  );
}
