// The template's checklist: what the owner must still check before the notice is hers to publish.
// Each tick is saved at once (and audited); the status above says "ready" only when all are done.
import { useState } from 'react';
import { ApiError, invoke } from '../../api';
import { useI18n } from '../../i18n';
import type { NoticeStatus } from './types';

type Checklist = NonNullable<NoticeStatus['checklist']>;

export function ChecklistCard({
  checklist,
  canEdit,
  onChanged,
}: {
  checklist: Checklist;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { messages, language, format } = useI18n();
  const t = messages.settings.checklist;
  const [items, setItems] = useState(checklist.items);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [error, setError] = useState('');
  const done = items.filter((item) => item.confirmedAt !== null).length;

  // Not useSubmit: busy names the item being saved, and a refusal puts the tick back.
  const toggle = async (key: string, confirmed: boolean) => {
    setBusyKey(key);
    setError('');
    // The tick shows at once; main's answer replaces it, or a refusal takes it back.
    const before = items;
    setItems(items.map((item) => (item.key === key ? { ...item, confirmedAt: confirmed ? 'saving' : null } : item)));
    try {
      const next = await invoke('notice.confirmChecklist', { key, confirmed });
      setItems(next.items);
      onChanged();
    } catch (caught) {
      setItems(before);
      setError(caught instanceof ApiError ? caught.message : messages.unexpected);
    } finally {
      setBusyKey(null);
    }
  };

  return (
    <section className="card" aria-labelledby="checklist-title" id="settings-checklist">
      <h2 id="checklist-title" tabIndex={-1}>
        {t.title}
      </h2>
      <p className="muted">{t.intro}</p>
      <p className={done === items.length ? 'ok' : 'notice'} data-testid="checklist-progress">
        {done === items.length ? t.allDone : format(t.progress, { done, total: items.length })}
      </p>
      <ul className="checklist">
        {items.map((item) => (
          <li key={item.key}>
            <label>
              <input
                type="checkbox"
                checked={item.confirmedAt !== null}
                disabled={!canEdit || busyKey !== null}
                onChange={(event) => void toggle(item.key, event.target.checked)}
              />
              <span>{item.text[language]}</span>
            </label>
          </li>
        ))}
      </ul>
      {error && (
        <p className="form-alert" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
