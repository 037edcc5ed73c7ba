// Choosing whose history the audit log shows: search by name or email, pick one. The log holds
// only ids, so the name comes from the search (or from the person view that opened the log).
import { useEffect, useId, useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { useI18n } from '../../i18n';

export interface ChosenPerson {
  id: number;
  name: string;
}

type Row = ChannelOutput<'persons.search'>['rows'][number];

const DEBOUNCE_MS = 300;

export function PersonFilter({
  chosen,
  onChoose,
}: {
  chosen: ChosenPerson | null;
  onChoose: (person: ChosenPerson | null) => void;
}) {
  const { messages, format } = useI18n();
  const t = messages.staff.audit;
  const id = useId();
  const [text, setText] = useState('');
  const [rows, setRows] = useState<Row[] | null>(null);

  // Not useChannel: the search waits until typing pauses, and a short query keeps the last rows.
  useEffect(() => {
    const query = text.trim();
    if (query.length < 2) return;
    let live = true;
    const timer = window.setTimeout(() => {
      invoke('persons.search', { text: query, offset: 0, limit: 8 })
        .then((page) => live && setRows(page.rows))
        .catch(() => live && setRows([]));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [text]);

  if (chosen) {
    return (
      <div className="field audit-person">
        <p className="audit-person__chosen">
          <strong>{format(t.personChosen, { name: chosen.name })}</strong>
        </p>
        <button type="button" className="button button--small" onClick={() => onChoose(null)}>
          {t.clearPerson}
        </button>
      </div>
    );
  }
  const shown = text.trim().length >= 2 ? rows : null;
  return (
    <div className="field audit-person">
      <label htmlFor={id}>{t.personSearch}</label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={text}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setText(event.target.value)}
      />
      <p id={`${id}-hint`} className="field__hint">
        {t.personSearchHint}
      </p>
      {shown && (
        <ul className="audit-person__matches" aria-label={t.person}>
          {shown.length === 0 && <li className="muted">{t.noMatches}</li>}
          {shown.map((row) => {
            const name = `${row.firstName} ${row.lastName}`.trim();
            return (
              <li key={row.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setText('');
                    setRows(null);
                    onChoose({ id: row.id, name });
                  }}
                >
                  {t.choose}: {name}
                </button>
                {row.email && <span className="muted"> · {row.email}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
