// A recovery key shown once: the printable sheet (whose key, for which register, what to do with
// it), a print button (no copy button: clipboard managers keep what they are given) and a
// confirmation that it is stored before going on. Used at first run and with a key change.
import { useState } from 'react';
import { useI18n } from '../i18n';
import { useChannel } from './useChannel';

interface Whose {
  displayName: string;
  username: string;
  business: string;
}

/** The signed-in owner and the business the register's settings name (blank at first run). */
function useWhose(): Whose | null {
  const { language } = useI18n();
  const user = useChannel('app.status', {}, []).data?.session?.user;
  // Unreadable settings leave the business blank; the sheet waits only until the answer is in.
  const settings = useChannel('notice.settings', {}, []);
  if (!user || (settings.data === null && settings.error === null)) return null;
  const profile = settings.data?.profile;
  const business = profile?.controller.name.trim() || profile?.registerName[language].trim() || '';
  return { displayName: user.displayName, username: user.username, business };
}

export function RecoveryKeySheet({
  recoveryKey,
  continueLabel,
  onContinue,
}: {
  recoveryKey: string;
  continueLabel: string;
  onContinue: () => void;
}) {
  const { messages, language, format } = useI18n();
  const t = messages.recovery;
  const whose = useWhose();
  const [confirmed, setConfirmed] = useState(false);
  const createdOn = new Date().toLocaleDateString(language === 'fi' ? 'fi-FI' : 'en-GB');

  return (
    <>
      <div className="recovery__sheet">
        <p className="recovery__label" id="recovery-key-label">
          {t.keyLabel}
        </p>
        {whose && (
          <dl className="recovery__whose">
            {whose.business && (
              <>
                <dt>{t.business}</dt>
                <dd>{whose.business}</dd>
              </>
            )}
            <dt>{t.owner}</dt>
            <dd>{format(t.ownerValue, { name: whose.displayName, username: whose.username })}</dd>
          </dl>
        )}
        <p className="recovery__key" aria-labelledby="recovery-key-label" data-testid="recovery-key">
          {recoveryKey}
        </p>
        <p className="recovery__date">
          {t.printedOn}: {createdOn}
        </p>
        <h2 className="recovery__howto-title">{t.howTitle}</h2>
        <ol className="recovery__howto">
          <li>{t.howOpen}</li>
          <li>{format(t.howType, { username: whose?.username ?? '' })}</li>
          <li>{t.howPassword}</li>
        </ol>
        <p>{t.keep}</p>
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
