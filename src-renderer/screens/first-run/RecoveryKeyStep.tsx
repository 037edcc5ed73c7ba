// Shows the recovery key once, with a print step (no copy button: clipboard managers keep what
// they are given), and asks the owner to confirm it is stored.
import { useState } from 'react';
import { useI18n } from '../../i18n';

export function RecoveryKeyStep({ recoveryKey, onContinue }: { recoveryKey: string; onContinue: () => void }) {
  const { messages, language } = useI18n();
  const t = messages.recovery;
  const [confirmed, setConfirmed] = useState(false);
  const createdOn = new Date().toLocaleDateString(language === 'fi' ? 'fi-FI' : 'en-GB');

  return (
    <main className="auth-page">
      <section className="card auth-card recovery" aria-labelledby="recovery-title">
        <h1 id="recovery-title">{t.title}</h1>
        <p className="lead">{t.intro}</p>
        <div className="recovery__sheet">
          <p className="recovery__label" id="recovery-key-label">
            {t.keyLabel}
          </p>
          <p className="recovery__key" aria-labelledby="recovery-key-label" data-testid="recovery-key">
            {recoveryKey}
          </p>
          <p className="recovery__date">
            {t.printedOn}: {createdOn}
          </p>
        </div>
        <div className="button-row no-print">
          <button type="button" className="button" onClick={() => window.print()}>
            {t.print}
          </button>
        </div>
        <label className="checkbox no-print">
          <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
          {t.confirm}
        </label>
        <button type="button" className="button button--primary no-print" disabled={!confirmed} onClick={onContinue}>
          {t.continue}
        </button>
      </section>
    </main>
  );
}
