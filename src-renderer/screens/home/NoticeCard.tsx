// The dashboard's card for the printed privacy notice (owner): up to date or out of date in words,
// what the notice still lacks, and the way to the settings screen where it is saved.
import { useChannel } from '../../components/useChannel';
import { useI18n } from '../../i18n';
import { NoticeStatusText } from '../settings/NoticeStatusText';

export function NoticeCard({ onOpen }: { onOpen: () => void }) {
  const { messages } = useI18n();
  const t = messages.settings.card;
  const status = useChannel('notice.status', {}, []).data;
  const current = status !== null && status.ready && !status.outOfDate && status.generatedAt !== null;
  return (
    <section className="card" aria-labelledby="notice-card-title">
      <h2 id="notice-card-title">{t.title}</h2>
      {status === null ? <p className="muted">{messages.loading}</p> : <NoticeStatusText status={status} />}
      <button type="button" className={current ? 'button' : 'button button--primary'} onClick={onOpen}>
        {t.open}
      </button>
    </section>
  );
}
