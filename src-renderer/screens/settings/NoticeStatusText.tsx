// Whether the printed privacy notice is current, in words (never only a colour), with what it
// still lacks. Shared by the settings screen and the dashboard card.
import { useFormats } from '../../components/format';
import { useI18n } from '../../i18n';
import type { NoticeStatus } from './types';

export function NoticeStatusText({ status }: { status: NoticeStatus }) {
  const { messages, format } = useI18n();
  const { date } = useFormats();
  const t = messages.settings.notice;
  const current = !status.outOfDate && status.generatedAt !== null;
  return (
    <>
      <p className={current ? 'ok' : 'notice'} data-testid="notice-status">
        {status.generatedAt === null
          ? t.never
          : status.outOfDate
            ? t.outOfDate
            : format(t.upToDate, { date: date(status.generatedAt) })}
      </p>
      {status.gaps.length > 0 && (
        <p className="notice">
          {t.gapsTitle} {status.gaps.map((gap) => t.gaps[gap]).join(', ')}.
        </p>
      )}
    </>
  );
}
