// Small pieces the request screens share: the request as main returns it, its status and urgency
// badges (words, not colour alone), and how its deadline reads.
import type { ChannelOutput } from '../../../src-shared/contract';
import { useFormats } from '../../components/format';
import { useI18n } from '../../i18n';

export type RequestView = ChannelOutput<'requests.get'>;
export type RequestType = RequestView['type'];

export const isOpen = (request: Pick<RequestView, 'status'>) =>
  request.status === 'received' || request.status === 'verified' || request.status === 'in_progress';

export function RequestStatusBadge({ request }: { request: Pick<RequestView, 'status' | 'refusedInPart'> }) {
  const { messages } = useI18n();
  const t = messages.requests;
  const text = request.status === 'refused' && request.refusedInPart ? t.refusedInPart : t.statuses[request.status];
  return <span className={`badge badge--request-${request.status}`}>{text}</span>;
}

/** "Myöhässä" or "Erääntyy pian"; nothing when the deadline is comfortably ahead or the request closed. */
export function UrgencyBadge({ urgency }: { urgency: RequestView['urgency'] }) {
  const { messages } = useI18n();
  if (urgency !== 'overdue' && urgency !== 'due_soon') return null;
  return <span className={`badge badge--${urgency.replace('_', '-')}`}>{messages.requests.urgency[urgency]}</span>;
}

/** "12 päivää jäljellä", "erääntyy tänään", "3 päivää myöhässä". */
export function useDaysText(): (daysLeft: number) => string {
  const { messages, format } = useI18n();
  const t = messages.requests.days;
  return (daysLeft) => {
    if (daysLeft === 0) return t.today;
    if (daysLeft === 1) return t.leftOne;
    if (daysLeft === -1) return t.lateOne;
    return daysLeft > 0 ? format(t.left, { count: daysLeft }) : format(t.late, { count: -daysLeft });
  };
}

/** The deadline cell: the date, how many days are left (open requests only) and the badge. */
export function Deadline({ request }: { request: RequestView }) {
  const { messages } = useI18n();
  const formats = useFormats();
  const daysText = useDaysText();
  return (
    <span className="deadline">
      <span className="nowrap">
        {formats.date(request.deadline)}
        {request.extendedTo && <span className="muted"> ({messages.requests.extendedMark})</span>}
      </span>
      {isOpen(request) && (
        <>
          {' '}
          <span className="deadline__days nowrap">{daysText(request.daysLeft)}</span>
          <UrgencyBadge urgency={request.urgency} />
        </>
      )}
    </span>
  );
}

/** Who asked, or a neutral word once the person was erased and the request redacted. */
export function useRequester(): (request: RequestView) => string {
  const { messages } = useI18n();
  return (request) => (request.redacted ? messages.requests.redactedRequester : request.requesterName);
}

export function dayAfter(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
