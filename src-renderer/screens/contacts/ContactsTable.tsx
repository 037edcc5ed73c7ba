// The contacts table: @tanstack/react-table for columns, sorting state, visibility and selection;
// @tanstack/react-virtual renders only the rows in view, over the whole result's height, and asks
// for the pages those rows are on.
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type OnChangeFn,
  type RowSelectionState,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useRef, type KeyboardEvent, type Ref } from 'react';
import type { Lists } from '../../components/useLists';
import { useI18n } from '../../i18n';
import { personName, useContactColumns } from './columns';
import type { PersonRow } from './query';
import type { PersonPages } from './usePersonPages';

const ROW_HEIGHT = 44;

export interface ContactsTableHandle {
  focusRow: (index: number) => void;
}

export function ContactsTable({
  pages,
  lists,
  sorting,
  onSortingChange,
  columnVisibility,
  rowSelection,
  onRowSelectionChange,
  selectAll,
  onOpen,
  handle,
}: {
  pages: PersonPages;
  lists: Lists | null;
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
  columnVisibility: VisibilityState;
  rowSelection: RowSelectionState;
  onRowSelectionChange: OnChangeFn<RowSelectionState>;
  selectAll: { checked: boolean; indeterminate: boolean; onToggle: () => void; busy: boolean };
  onOpen: (row: PersonRow) => void;
  handle: Ref<ContactsTableHandle>;
}) {
  const { messages, format } = useI18n();
  const t = messages.register.contacts;
  const columns = useContactColumns(lists, onOpen);
  const scrollRef = useRef<HTMLDivElement>(null);
  const selectAllRef = useRef<HTMLInputElement>(null);
  const total = pages.total ?? 0;

  // The table object is used only within this render, never passed to memoized children.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: pages.loaded,
    columns,
    getRowId: (item) => String(item.row.id),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    sortDescFirst: false,
    state: { sorting, columnVisibility, rowSelection },
    onSortingChange,
    onRowSelectionChange,
  });

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollPaddingStart: ROW_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { showRange } = pages;
  useEffect(() => showRange(first, last), [first, last, showRange]);

  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = selectAll.indeterminate;
  }, [selectAll.indeterminate]);

  const focusRow = (index: number) => {
    if (index < 0 || index >= total) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    let tries = 0;
    const attempt = () => {
      const button = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${index}"]`);
      if (button) button.focus();
      else if ((tries += 1) < 30) setTimeout(attempt, 50);
    };
    requestAnimationFrame(attempt);
  };
  useImperativeHandle(handle, () => ({ focusRow }));

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    const index = Number((event.target as HTMLElement).closest('tr')?.dataset['index'] ?? Number.NaN);
    if (Number.isNaN(index)) return;
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    focusRow(Math.min(Math.max(index + step, 0), total - 1));
  }

  const rowsById = table.getRowModel().rowsById;
  const visibleColumns = table.getVisibleLeafColumns();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div className="contacts-table__scroll" ref={scrollRef}>
      <table
        className={`table contacts-table${pages.stale ? ' is-stale' : ''}`}
        aria-label={t.tableLabel}
        aria-rowcount={total + 1}
        aria-busy={pages.stale}
      >
        <colgroup>
          {visibleColumns.map((column) => (
            <col key={column.id} className={`col-${column.id}`} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                if (header.column.id === 'select') {
                  return (
                    <th key={header.id} scope="col" className="cell-select">
                      <input
                        ref={selectAllRef}
                        type="checkbox"
                        aria-label={t.selectAll}
                        title={t.selectAll}
                        checked={selectAll.checked}
                        disabled={total === 0 || selectAll.busy}
                        onChange={selectAll.onToggle}
                      />
                    </th>
                  );
                }
                const sorted = header.column.getIsSorted();
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        {label}
                        <span aria-hidden="true" className="sort-button__mark">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {paddingTop > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={visibleColumns.length} style={{ height: paddingTop }} />
            </tr>
          )}
          {items.map((item) => {
            const person = pages.rowAt(item.index);
            const row = person ? rowsById[String(person.id)] : undefined;
            if (!person || !row) {
              return (
                <tr key={`loading-${item.index}`} aria-rowindex={item.index + 2} className="is-loading">
                  <td colSpan={visibleColumns.length} className="muted">
                    {t.loadingRow}
                  </td>
                </tr>
              );
            }
            return (
              <tr
                key={row.id}
                aria-rowindex={item.index + 2}
                data-index={item.index}
                className={`${row.getIsSelected() ? 'is-selected' : ''}${person.restricted ? ' is-restricted' : ''}`}
              >
                {row.getVisibleCells().map((cell) =>
                  cell.column.id === 'select' ? (
                    <td key={cell.id} className="cell-select">
                      <input
                        type="checkbox"
                        aria-label={format(t.selectRow, { name: personName(person) })}
                        checked={row.getIsSelected()}
                        onChange={row.getToggleSelectedHandler()}
                      />
                    </td>
                  ) : (
                    <td key={cell.id} className={`cell-${cell.column.id}`}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ),
                )}
              </tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={visibleColumns.length} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
