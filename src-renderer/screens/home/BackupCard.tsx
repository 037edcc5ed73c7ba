// The dashboard's backup card: how old the last verified backup is, a reminder when it is due
// (in words, not by colour alone), the last failure; the owner backs up from here.
import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { useI18n } from '../../i18n';
import { BackupNow } from '../backup/BackupNow';
import { useBackupRun } from '../backup/backupRun';
import { BackupStatusText } from '../backup/BackupStatusText';

export function BackupCard({ isOwner, onOpen }: { isOwner: boolean; onOpen: () => void }) {
  const { messages } = useI18n();
  const t = messages.backup;
  const [status, setStatus] = useState<ChannelOutput<'backup.status'> | null>(null);
  const run = useBackupRun();
  const reload = useCallback(() => {
    invoke('backup.status', {})
      .then(setStatus)
      .catch(() => setStatus(null));
  }, []);
  // Read again whenever a backup run ends, wherever it was started.
  useEffect(reload, [reload, run.finished]);

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
