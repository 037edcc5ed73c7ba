// "Back up now": main asks for the folder with the system dialog, writes the copy and verifies it;
// the result says where it went and that it was checked, or why it failed.
import { useId, useState } from 'react';
import { ApiError, invoke } from '../../api';
import { fileSize, useFormats } from '../../components/format';
import { useI18n } from '../../i18n';
import { failureText, type BackupAttempt } from './backupText';

type Outcome =
  | { kind: 'none' }
  | { kind: 'cancelled' }
  | { kind: 'written'; attempt: BackupAttempt }
  | { kind: 'failed'; message: string };

export function BackupNow({ primary, onAttempt }: { primary: boolean; onAttempt: () => void }) {
  const { messages, language, format } = useI18n();
  const t = messages.backup;
  const formats = useFormats();
  const hintId = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });

  async function backUp() {
    setBusy(true);
    setOutcome({ kind: 'none' });
    try {
      const attempt = await invoke('backup.now', {});
      setOutcome(attempt ? { kind: 'written', attempt } : { kind: 'cancelled' });
    } catch (error) {
      const message =
        error instanceof ApiError ? format(t.lastFailed, { reason: failureText(t, language, error.code) }) : '';
      setOutcome({ kind: 'failed', message: message || messages.unexpected });
    } finally {
      setBusy(false);
      onAttempt();
    }
  }

  return (
    <div className="backup-now">
      <div className="button-row">
        <button
          type="button"
          className={primary ? 'button button--primary' : 'button'}
          onClick={() => void backUp()}
          disabled={busy}
          aria-describedby={hintId}
        >
          {busy ? t.now.running : t.now.button}
        </button>
        <span id={hintId} className="muted">
          {t.now.hint}
        </span>
      </div>
      <div role="status" aria-live="polite">
        {outcome.kind === 'cancelled' && <p className="muted">{t.now.cancelled}</p>}
        {outcome.kind === 'failed' && <p className="problem">{outcome.message}</p>}
        {outcome.kind === 'written' && (
          <div className="backup-result" data-testid="backup-result">
            <p className={outcome.attempt.verified ? 'ok' : 'problem'}>
              {outcome.attempt.verified ? t.now.done : t.now.notVerified}
            </p>
            <dl className="facts">
              <dt>{t.now.folder}</dt>
              <dd>
                <code>{outcome.attempt.folder}</code>
              </dd>
              {outcome.attempt.manifestFile && (
                <>
                  <dt>{t.now.file}</dt>
                  <dd>
                    <code>{outcome.attempt.manifestFile}</code>
                  </dd>
                </>
              )}
              {outcome.attempt.bytes !== null && (
                <>
                  <dt>{t.now.size}</dt>
                  <dd>{fileSize(outcome.attempt.bytes, language)}</dd>
                </>
              )}
              {outcome.attempt.verified && (
                <>
                  <dt>{t.now.verified}</dt>
                  <dd>
                    {t.now.verifiedText} ({formats.dateTime(outcome.attempt.at)})
                  </dd>
                </>
              )}
            </dl>
          </div>
        )}
      </div>
    </div>
  );
}
