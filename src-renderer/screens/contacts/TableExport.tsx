// Vie taulukko: the contacts table's current view (search, filters, sort) as CSV or XLSX,
// made in main and saved as a download. Owner only, as main's channel is.
import { useState } from 'react';
import { invoke } from '../../api';
import { useI18n } from '../../i18n';
import { downloadBase64 } from '../requests/attachments';
import type { ColumnId, ContactsQuery } from './query';
import { errorText } from '../../components/useChannel';

export function TableExport({
  query,
  columns,
  onDone,
}: {
  query: ContactsQuery;
  /** The columns the table shows: the file holds those (plus the restriction marker). */
  columns: readonly ColumnId[];
  onDone: (message: string) => void;
}) {
  const { messages, format } = useI18n();
  const t = messages.imports.table;
  const [busy, setBusy] = useState(false);

  // Not useSubmit: the outcome, a refusal too, is told by the contacts screen's announcement.
  async function exportAs(fileFormat: 'csv' | 'xlsx') {
    setBusy(true);
    try {
      const { file, rows } = await invoke('exports.table', {
        query: {
          ...(query.text.trim() ? { text: query.text.trim() } : {}),
          filters: query.filters,
          ...(query.sort ? { sort: query.sort } : {}),
        },
        format: fileFormat,
        columns: [...columns],
      });
      downloadBase64(file);
      onDone(format(t.done, { rows, name: file.fileName }));
    } catch (error) {
      onDone(errorText(error, messages.unexpected));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="table-export" role="group" aria-label={t.label} title={t.hint}>
      <span className="table-export__label">{t.export}:</span>
      <button type="button" className="button button--small" disabled={busy} onClick={() => void exportAs('csv')}>
        {t.csv}
      </button>
      <button type="button" className="button button--small" disabled={busy} onClick={() => void exportAs('xlsx')}>
        {t.xlsx}
      </button>
    </div>
  );
}
