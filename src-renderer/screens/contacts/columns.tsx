// Column definitions of the contacts table (@tanstack/react-table), in the UI language.
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useFormats } from '../../components/format';
import { useLabel, type Lists } from '../../components/useLists';
import { useI18n } from '../../i18n';
import { useContactHeaders } from './headers';
import { COLUMNS, type ColumnId, type PersonRow } from './query';

export interface TableItem {
  index: number;
  row: PersonRow;
}

const helper = createColumnHelper<TableItem>();

export function personName(row: { firstName: string; lastName: string }): string {
  return `${row.lastName}, ${row.firstName}`;
}

export function StatusBadge({ status, title }: { status: string; title?: string | undefined }) {
  const { messages } = useI18n();
  return (
    <span className={`badge badge--${status}`} title={title}>
      {messages.register.status[status] ?? status}
    </span>
  );
}

export function RestrictedBadge() {
  const { messages } = useI18n();
  return <span className="badge badge--restricted">{messages.register.restrictedBadge}</span>;
}

export function useContactColumns(lists: Lists | null, onOpen: (row: PersonRow) => void) {
  const { messages, format } = useI18n();
  const t = messages.register;
  const formats = useFormats();
  const label = useLabel();
  const headers = useContactHeaders();

  return useMemo(() => {
    const kinds = new Map(lists?.kinds.map((kind) => [kind.key, kind]));
    const cells: Record<ColumnId, (row: PersonRow, index: number) => React.ReactNode> = {
      name: (row, index) => (
        <span className="name-cell">
          <button
            type="button"
            className="row-open"
            data-row-index={index}
            aria-label={format(t.contacts.open, { name: personName(row) })}
            title={personName(row)}
            onClick={() => onOpen(row)}
          >
            {personName(row)}
          </button>
          {row.restricted && <RestrictedBadge />}
        </span>
      ),
      organization: (row) => row.organization ?? '',
      email: (row) => row.email ?? '',
      phone: (row) => formats.phone(row.phone),
      city: (row) => row.city ?? '',
      kind: (row) => label(kinds.get(row.kindKey), row.kindKey),
      status: (row) => (
        <StatusBadge
          status={row.status}
          title={row.passivatedOn ? format(t.statusSince.passive ?? '', { date: formats.date(row.passivatedOn) }) : ''}
        />
      ),
      lastActivityOn: (row) => formats.date(row.lastActivityOn),
      informedOn: (row) => formats.date(row.informedOn),
    };
    return [
      helper.display({ id: 'select', enableSorting: false, enableHiding: false }),
      // Accessor columns, because TanStack only sorts columns with an accessor; the sorting itself
      // happens in main (manualSorting), so the accessed value is only the row's id.
      ...COLUMNS.map((column) =>
        helper.accessor((item) => item.row.id, {
          id: column.id,
          header: headers[column.id],
          enableSorting: 'sort' in column,
          enableHiding: column.hideable,
          cell: (context) => cells[column.id](context.row.original.row, context.row.original.index),
        }),
      ),
    ];
  }, [lists, onOpen, t, format, formats, label, headers]);
}
