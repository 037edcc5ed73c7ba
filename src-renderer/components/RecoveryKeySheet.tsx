// A recovery key shown once: the printable sheet, a print button (no copy button: clipboard
// managers keep what they are given) and a confirmation that it is stored before going on. Used
// at first run and when the owner creates a new recovery key with a key change.
import { useState } from 'react';
import { useI18n } from '../i18n';

export function RecoveryKeySheet({
  recoveryKey,
  continueLabel,
  onContinue,
}: {
  recoveryKey: string;
  continueLabel: string;
  onContinue: () => void;
}) {
  const { messages, language } = useI18n();
  const t = messages.recovery;
  const [confirmed, setConfirmed] = useState(false);
  const createdOn = new Date().toLocaleDateString(language === 'fi' ? 'fi-FI' : 'en-GB');

  return (
    <>
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
        {continueLabel}
      </button>
    </>
  );
}
