// The dashboard's card for the printed privacy notice (owner): up to date or out of date in words,
// what the notice still lacks, and the way to the settings screen where it is saved.
import { useEffect, useState } from 'react';
import { invoke } from '../../api';
import { useI18n } from '../../i18n';
import { NoticeStatusText } from '../settings/NoticeStatusText';
import type { NoticeStatus } from '../settings/types';

export function NoticeCard({ onOpen }: { onOpen: () => void }) {
  const { messages } = useI18n();
  const t = messages.settings.card;
  const [status, setStatus] = useState<NoticeStatus | null>(null);
  useEffect(() => {
    let live = true;
    invoke('notice.status', {})
      .then((value) => live && setStatus(value))
      .catch(() => live && setStatus(null));
    return () => {
      live = false;
    };
  }, []);
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
