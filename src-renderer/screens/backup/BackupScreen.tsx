// Backups (owner): back up now, every attempt with which keys open it, the reminder and how many
// to keep, removing old backups from a folder, and changing the encryption key.
import { useChannel } from '../../components/useChannel';
import { useI18n } from '../../i18n';
import { BackupList } from './BackupList';
import { BackupNow } from './BackupNow';
import { useBackupRun } from './backupRun';
import { NumberSettingsCard } from '../../components/NumberSettingsCard';
import { BackupStatusText } from './BackupStatusText';
import { PruneCard } from './PruneCard';
import { RotateKeyCard } from './RotateKeyCard';

export function BackupScreen() {
  const { messages } = useI18n();
  const t = messages.backup;
  const run = useBackupRun();
  // Read again whenever a backup run ends, wherever it was started.
  const statusRead = useChannel('backup.status', {}, [run.finished]);
  const attemptsRead = useChannel('backup.list', {}, [run.finished]);
  const settingsRead = useChannel('settings.get', {}, []);
  const status = statusRead.data;
  const attempts = attemptsRead.data;
  const settings = settingsRead.data;
  const failed = statusRead.error !== null || attemptsRead.error !== null || settingsRead.error !== null;
  const reload = () => {
    statusRead.reload();
    attemptsRead.reload();
  };

  return (
    <main className="page" aria-labelledby="backup-title">
      <section className="card">
        <h1 id="backup-title">{t.title}</h1>
        <p>{t.intro}</p>
        {failed && (
          <p className="form-alert" role="alert">
            {messages.register.common.loadFailed}
          </p>
        )}
        {status && <BackupStatusText status={status} isOwner showFailure={run.outcome.kind !== 'failed'} />}
        <BackupNow primary={status?.reminderDue ?? false} />
      </section>
      <section className="card" aria-labelledby="backup-list-title">
        <h2 id="backup-list-title">{t.list.title}</h2>
        {attempts === null ? <p className="muted">{messages.loading}</p> : <BackupList attempts={attempts} />}
      </section>
      {settings !== null && (
        <NumberSettingsCard
          id="backup-settings"
          title={t.settings.title}
          fields={[
            {
              name: 'backupReminderDays',
              label: t.settings.reminderDays,
              hint: t.settings.reminderHint,
              min: 1,
              max: 90,
            },
            { name: 'backupKeep', label: t.settings.keep, hint: t.settings.keepHint, min: 1, max: 100 },
          ]}
          initial={settings}
          savedText={t.settings.saved}
          onSaved={(next) => {
            settingsRead.setData(next);
            reload();
          }}
        />
      )}
      {attempts !== null && settings !== null && (
        <PruneCard attempts={attempts} keep={settings.backupKeep} onPruned={reload} />
      )}
      <RotateKeyCard onRotated={reload} />
    </main>
  );
}
