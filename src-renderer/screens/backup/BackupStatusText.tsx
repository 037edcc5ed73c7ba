// The backup status in sentences: age of the last verified backup, the reminder, the last failure.
import type { ChannelOutput } from '../../../src-shared/contract';
import { useFormats } from '../../components/format';
import { useI18n } from '../../i18n';
import { ageText, failureText } from './backupText';

export function BackupStatusText({
  status,
  isOwner,
  showFailure = true,
}: {
  status: ChannelOutput<'backup.status'>;
  isOwner: boolean;
  /** False while "back up now" itself reports the failure just now. */
  showFailure?: boolean;
}) {
  const { messages, language, format } = useI18n();
  const t = messages.backup;
  const formats = useFormats();
  const reminder = () => {
    const none = status.lastVerifiedAt === null;
    if (!isOwner) return none ? t.reminderStaffNone : t.reminderStaffOld;
    if (none) return t.reminderNone;
    return status.reminderDays === 1 ? t.reminderOldOne : format(t.reminderOld, { days: status.reminderDays });
  };
  return (
    <>
      <p data-testid="backup-age">{ageText(t, format, formats, status)}</p>
      {status.reminderDue && (
        <p className="warning-text" data-testid="backup-reminder">
          {reminder()}
        </p>
      )}
      {showFailure && status.lastFailure !== null && (
        <p className="problem" data-testid="backup-failure">
          {format(t.lastFailed, { reason: failureText(t, language, status.lastFailure) })}
        </p>
      )}
    </>
  );
}
