// The audit trail for this person: every view and change, by whom and when. Repeated views in a
// row are shown once with a count, and the view logged when this screen reloads itself right after
// the user's own change is folded into that change (the audit log itself keeps every entry).
import { useState } from 'react';
import { useFormats } from '../../components/format';
import { actionLabel } from '../../components/actionLabel';
import { useI18n } from '../../i18n';
import type { PersonDetail } from './types';

/** Entries shown before "show all"; the newest come first. */
const SHOWN = 15;

type TrailEntry = PersonDetail['trail'][number] & { count: number };

const REFRESH_MS = 10_000;

/** The trail comes newest first; `older` is the entry logged just before `entry`. */
function isRefresh(entry: PersonDetail['trail'][number], older: PersonDetail['trail'][number] | undefined): boolean {
  return (
    entry.action === 'person.viewed' &&
    older !== undefined &&
    older.action !== 'person.viewed' &&
    older.actor === entry.actor &&
    Date.parse(entry.at) - Date.parse(older.at) < REFRESH_MS
  );
}

function summarise(trail: PersonDetail['trail']): TrailEntry[] {
  const entries: TrailEntry[] = [];
  trail.forEach((entry, i) => {
    if (isRefresh(entry, trail[i + 1])) return;
    const previous = entries.at(-1);
    const repeat = previous?.action === 'person.viewed' && entry.action === previous.action;
    if (previous && repeat && previous.actor === entry.actor) previous.count += 1;
    else entries.push({ ...entry, count: 1 });
  });
  return entries;
}

export function TrailCard({ trail }: { trail: PersonDetail['trail'] }) {
  const { messages, format } = useI18n();
  const t = messages.register.trail;
  const formats = useFormats();
  const entries = summarise(trail);
  const [showAll, setShowAll] = useState(false);
  return (
    <section className="card" aria-labelledby="trail-title" id="trail">
      <h2 id="trail-title">{t.title}</h2>
      <p className="muted">{t.intro}</p>
      {entries.length === 0 ? (
        <p className="muted">{t.empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-labelledby="trail-title">
            <thead>
              <tr>
                <th scope="col">{t.when}</th>
                <th scope="col">{t.who}</th>
                <th scope="col">{t.what}</th>
              </tr>
            </thead>
            <tbody>
              {(showAll ? entries : entries.slice(0, SHOWN)).map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap">{formats.dateTime(entry.at)}</td>
                  <td>{entry.actor ?? '—'}</td>
                  <td>
                    {t.actions[entry.action] ?? actionLabel(messages, entry.action)}
                    {entry.count > 1 && <span className="muted"> {format(t.times, { count: entry.count })}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {entries.length > SHOWN && (
            <button type="button" className="link-button" onClick={() => setShowAll((value) => !value)}>
              {showAll ? t.showLess : format(t.showAll, { count: entries.length })}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
