// The backup status in sentences: age of the last verified backup, the reminder, the last failure.
import type { ChannelOutput } from '../../../src-main/ipc/contract';
import { useFormats } from '../../components/format';
import { useI18n } from '../../i18n';
import { ageText, failureText } from './backupText';

export function BackupStatusText({ status, isOwner }: { status: ChannelOutput<'backup.status'>; isOwner: boolean }) {
  const { messages, language, format } = useI18n();
  const t = messages.backup;
  const formats = useFormats();
  return (
    <>
      <p data-testid="backup-age">{ageText(t, format, formats, status)}</p>
      {status.reminderDue && (
        <p className="warning-text" data-testid="backup-reminder">
          {status.lastVerifiedAt === null
            ? t.reminderNone
            : status.reminderDays === 1
              ? t.reminderOldOne
              : format(t.reminderOld, { days: status.reminderDays })}
          {!isOwner && ` ${t.reminderAskOwner}`}
        </p>
      )}
      {status.lastFailure !== null && (
        <p className="problem" data-testid="backup-failure">
          {format(t.lastFailed, { reason: failureText(t, language, status.lastFailure) })}
        </p>
      )}
    </>
  );
}
