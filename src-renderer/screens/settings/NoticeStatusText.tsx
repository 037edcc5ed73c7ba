// Whether the printed privacy notice is current and ready, in words (never only a colour), with
// what it lacks and the checklist items left. Shared by the settings screen and the dashboard card.
import { useFormats } from '../../components/format';
import { useI18n } from '../../i18n';
import type { NoticeStatus } from './types';

export function NoticeStatusText({ status }: { status: NoticeStatus }) {
  const { messages, format } = useI18n();
  const { date } = useFormats();
  const t = messages.settings.notice;
  const current = !status.outOfDate && status.generatedAt !== null;
  const left = status.checklist?.items.filter((item) => item.confirmedAt === null).length ?? 0;
  return (
    <>
      <p className={current && status.ready ? 'ok' : 'notice'} data-testid="notice-status">
        {status.generatedAt === null
          ? t.never
          : status.outOfDate
            ? t.outOfDate
            : format(status.ready ? t.upToDate : t.savedNotReady, { date: date(status.generatedAt) })}
      </p>
      {left > 0 && <p className="notice">{format(t.checklistLeft, { count: left })}</p>}
      {status.gaps.length > 0 && (
        <p className="notice">
          {t.gapsTitle} {status.gaps.map((gap) => t.gaps[gap]).join(', ')}.
        </p>
      )}
    </>
  );
}
