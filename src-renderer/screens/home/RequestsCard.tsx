// The dashboard's request card: how many requests are open, overdue and due within a week.
import { useChannel } from '../../components/useChannel';
import { useI18n } from '../../i18n';

export function RequestsCard({ onOpen }: { onOpen: () => void }) {
  const { messages, format } = useI18n();
  const t = messages.requests.home;
  const counts = useChannel('requests.counts', {}, []).data;
  const urgent = counts !== null && counts.overdue > 0;
  return (
    <section className={`card${urgent ? ' card--alert' : ''}`} aria-labelledby="requests-card-title">
      <h2 id="requests-card-title">
        {t.title}
        {urgent && <span className="badge badge--overdue">{messages.requests.urgency['overdue']}</span>}
      </h2>
      <p data-testid="request-counts">
        {counts === null
          ? messages.loading
          : counts.open === 0
            ? t.none
            : format(t.summary, {
                open: counts.open === 1 ? t.openOne : format(t.open, { count: counts.open }),
                overdue: counts.overdue,
                dueSoon: counts.dueSoon,
              })}
      </p>
      <button type="button" className="button" onClick={onOpen}>
        {t.openInbox}
      </button>
    </section>
  );
}
