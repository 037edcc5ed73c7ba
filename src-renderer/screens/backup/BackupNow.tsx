// "Back up now": main asks for the folder with the system dialog, writes the copy and verifies it;
// the result says where it went and that it was checked, or why it failed. The run itself lives
// in backupRun.ts, so it goes on (and its result stays) when the owner moves to another screen.
import { useId } from 'react';
import { fileSize, useFormats } from '../../components/format';
import { useI18n } from '../../i18n';
import { startBackup, useBackupRun } from './backupRun';
import { failureText } from './backupText';

export function BackupNow({ primary }: { primary: boolean }) {
  const { messages, language, format } = useI18n();
  const t = messages.backup;
  const formats = useFormats();
  const hintId = useId();
  const { running: busy, outcome } = useBackupRun();

  return (
    <div className="backup-now">
      <div className="button-row">
        <button
          type="button"
          className={primary ? 'button button--primary' : 'button'}
          onClick={() => void startBackup()}
          disabled={busy}
          aria-describedby={hintId}
        >
          {busy ? t.now.running : t.now.button}
        </button>
        <span id={hintId} className="muted">
          {busy ? t.now.runningHint : t.now.hint}
        </span>
      </div>
      <div role="status" aria-live="polite">
        {outcome.kind === 'cancelled' && <p className="muted">{t.now.cancelled}</p>}
        {outcome.kind === 'failed' && (
          <p className="problem">
            {outcome.code === null
              ? messages.unexpected
              : format(t.lastFailed, { reason: failureText(t, language, outcome.code) })}
          </p>
        )}
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
