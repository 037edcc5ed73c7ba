import { actionLabel } from '../../components/actionLabel';
import { useChannel } from '../../components/useChannel';
import { useI18n } from '../../i18n';

export function ActivityCard() {
  const { messages, language } = useI18n();
  const t = messages.home;
  const recent = useChannel('audit.recent', { limit: 15 }, []);
  // A log that cannot be read shows as empty: the card is a glance, the audit screen says more.
  const rows = recent.data ?? (recent.error ? [] : null);

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
