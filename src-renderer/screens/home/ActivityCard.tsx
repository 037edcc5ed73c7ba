import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { actionLabel } from '../../components/actionLabel';
import { useI18n } from '../../i18n';

export function ActivityCard() {
  const { messages, language } = useI18n();
  const t = messages.home;
  const [rows, setRows] = useState<ChannelOutput<'audit.recent'> | null>(null);

  useEffect(() => {
    let live = true;
    invoke('audit.recent', { limit: 15 })
      .then((value) => live && setRows(value))
      .catch(() => live && setRows([]));
    return () => {
      live = false;
    };
  }, []);

  const time = new Intl.DateTimeFormat(language === 'fi' ? 'fi-FI' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
  });
  return (
    <section className="card" aria-labelledby="activity-title">
      <h2 id="activity-title">{t.activityTitle}</h2>
      {rows === null ? (
        <p className="muted">{messages.loading}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t.activityEmpty}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t.when}</th>
              <th scope="col">{t.who}</th>
              <th scope="col">{t.what}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{time.format(new Date(row.at))}</td>
                <td>{row.actor ?? '—'}</td>
                <td>{actionLabel(messages, row.action)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
