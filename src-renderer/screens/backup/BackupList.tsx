// Every backup attempt, newest first: when, where, how big, verified or why it failed, the key
// version, and in words which keys open it.
import type { ChannelOutput } from '../../../src-shared/contract';
import { fileSize, useFormats } from '../../components/format';
import { useI18n } from '../../i18n';
import { asSentence, failureText, opensWithText } from './backupText';

export function BackupList({ attempts }: { attempts: ChannelOutput<'backup.list'> }) {
  const { messages, language, format } = useI18n();
  const t = messages.backup;
  const formats = useFormats();
  if (attempts.length === 0) return <p className="muted">{t.list.empty}</p>;
  return (
    <>
      <p className="muted">{t.list.passwordsNote}</p>
      <ol className="backup-list">
        {attempts.map((attempt) => {
          const titleId = `backup-${attempt.id}-title`;
          return (
            <li key={attempt.id} aria-labelledby={titleId} data-testid="backup-attempt">
              <h3 id={titleId}>
                {formats.dateTime(attempt.at)}
                <span className={`badge ${attempt.verified ? 'badge--active' : 'badge--restricted'}`}>
                  {attempt.verified ? t.list.verified : t.list.failed}
                </span>
              </h3>
              <dl className="facts">
                <dt>{t.list.folder}</dt>
                <dd>
                  <code>{attempt.folder}</code>
                </dd>
                {attempt.manifestFile && (
                  <>
                    <dt>{t.list.file}</dt>
                    <dd>
                      <code>{attempt.manifestFile}</code>
                    </dd>
                  </>
                )}
                {attempt.bytes !== null && (
                  <>
                    <dt>{t.list.size}</dt>
                    <dd>{fileSize(attempt.bytes, language)}</dd>
                  </>
                )}
                {attempt.verified ? (
                  <>
                    <dt>{t.list.keyVersion}</dt>
                    <dd>{format(t.list.keyVersionValue, { version: attempt.keyVersion })}</dd>
                    <dt>{t.list.opensWith}</dt>
                    <dd>{opensWithText(t, format, attempt)}</dd>
                  </>
                ) : (
                  <>
                    <dt>{t.list.reason}</dt>
                    <dd className="problem">{asSentence(failureText(t, language, attempt.failure ?? 'INTERNAL'))}</dd>
                  </>
                )}
              </dl>
            </li>
          );
        })}
      </ol>
    </>
  );
}
