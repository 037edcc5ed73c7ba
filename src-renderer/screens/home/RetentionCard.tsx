// The dashboard's "N due for deletion" card (owner).
import { useEffect, useState } from 'react';
import { invoke } from '../../api';
import { useI18n } from '../../i18n';

export function RetentionCard({ onOpen }: { onOpen: () => void }) {
  const { messages, format } = useI18n();
  const t = messages.retention;
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    invoke('retention.due', {})
      .then((due) => live && setCount(due.filter((d) => d.holds.length === 0).length))
      .catch(() => live && setCount(null));
    return () => {
      live = false;
    };
  }, []);
  return (
    <section className="card" aria-labelledby="retention-card-title">
      <h2 id="retention-card-title">{t.homeCardTitle}</h2>
      <p data-testid="due-count">
        {count === null ? messages.loading : count === 0 ? t.homeCardNone : format(t.homeCardDue, { count })}
      </p>
      <button type="button" className="button" onClick={onOpen}>
        {t.homeCardOpen}
      </button>
    </section>
  );
}
