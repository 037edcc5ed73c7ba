// Show or hide the table's columns; the choice is remembered on this computer.
import { useI18n } from '../../i18n';
import { useContactHeaders } from './headers';
import { COLUMNS, type ColumnId } from './query';

export function ColumnPicker({ visible, onChange }: { visible: ColumnId[]; onChange: (columns: ColumnId[]) => void }) {
  const { messages } = useI18n();
  const t = messages.register.contacts;
  const headers = useContactHeaders();
  return (
    <details className="column-picker">
      <summary className="button">{t.columns}</summary>
      <fieldset className="column-picker__panel">
        <legend>{t.columnsHint}</legend>
        {COLUMNS.filter((column) => column.hideable).map((column) => (
          <label key={column.id} className="checkbox">
            <input
              type="checkbox"
              checked={visible.includes(column.id)}
              onChange={(event) =>
                onChange(
                  COLUMNS.map((c) => c.id).filter((id) =>
                    id === column.id ? event.target.checked : visible.includes(id),
                  ),
                )
              }
            />
            <span>{headers[column.id]}</span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}
