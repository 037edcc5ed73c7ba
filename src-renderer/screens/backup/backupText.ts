// Backups in words: how old the last good one is, why an attempt failed, and which keys open a
// backup. Shared by the dashboard card and the backup screen.
import type { ChannelOutput } from '../../../src-shared/contract';
import { errorMessages } from '../../../src-shared/errors/messages';
import type { Formats } from '../../components/format';
import type { Language } from '../../i18n';
import type { Messages } from '../../i18n/fi';

type Texts = Messages['backup'];
type Format = (template: string, params?: Record<string, string | number>) => string;
export type BackupAttempt = NonNullable<ChannelOutput<'backup.now'>>;

export function ageText(t: Texts, format: Format, formats: Formats, status: ChannelOutput<'backup.status'>): string {
  if (status.lastVerifiedAt === null || status.ageDays === null) return t.age.none;
  const date = formats.dateTime(status.lastVerifiedAt);
  if (status.ageDays <= 0) return format(t.age.today, { date });
  if (status.ageDays === 1) return format(t.age.yesterday, { date });
  return format(t.age.days, { days: status.ageDays, date });
}

/**
 * Why an attempt failed, from the error code main recorded: the backup's own wording for the
 * failures a backup has (a copy that did not verify, a folder that could not be written), the
 * app's general message for any other code.
 */
export function failureText(t: Texts, language: Language, code: string): string {
  const known = errorMessages[language] as Record<string, string | undefined>;
  return t.failures[code] ?? known[code] ?? known['INTERNAL'] ?? code;
}

/** A reason shown on its own (not after "failed:") starts with a capital. */
export function asSentence(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

export function opensWithText(t: Texts, format: Format, attempt: BackupAttempt): string {
  const users = attempt.opensWithUsers.join(', ');
  if (attempt.currentRecoveryKey) return users ? format(t.list.opensCurrentUsers, { users }) : t.list.opensCurrent;
  return users ? format(t.list.opensOldUsers, { users }) : t.list.opensOld;
}
