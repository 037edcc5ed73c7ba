// The dashboard's backup card: how old the last verified backup is, a reminder when it is due
// (in words, not by colour alone), the last failure; the owner backs up from here.
import { useChannel } from '../../components/useChannel';
import { useI18n } from '../../i18n';
import { BackupNow } from '../backup/BackupNow';
import { useBackupRun } from '../backup/backupRun';
import { BackupStatusText } from '../backup/BackupStatusText';

export function BackupCard({ isOwner, onOpen }: { isOwner: boolean; onOpen: () => void }) {
  const { messages } = useI18n();
  const t = messages.backup;
  const run = useBackupRun();
  // Read again whenever a backup run ends, wherever it was started.
  const read = useChannel('backup.status', {}, [run.finished]);
  const status = read.error ? null : read.data;

  const due = status?.reminderDue ?? false;
  return (
    <section className={`card${due ? ' card--alert' : ''}`} aria-labelledby="backup-card-title">
      <h2 id="backup-card-title">
        {t.title}
        {due && <span className="badge badge--due-soon">{t.reminderBadge}</span>}
      </h2>
      {status === null ? (
        <p className="muted">{messages.loading}</p>
      ) : (
        <BackupStatusText status={status} isOwner={isOwner} showFailure={run.outcome.kind !== 'failed'} />
      )}
      {isOwner && (
        <>
          <BackupNow primary={due} />
          <button type="button" className="button" onClick={onOpen}>
            {t.open}
          </button>
        </>
      )}
    </section>
  );
}
