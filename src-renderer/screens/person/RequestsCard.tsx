// The person's data-subject requests, each a link to it, and a way to record a new one for them.
import type { ChannelOutput } from '../../../src-shared/contract';
import { useFormats } from '../../components/format';
import { useNavigation } from '../../components/Navigation';
import { useI18n } from '../../i18n';
import { Deadline, isOpen, RequestStatusBadge } from '../requests/parts';

export type PersonRequests = ChannelOutput<'requests.list'>;

export function RequestsCard({ personId, requests }: { personId: number; requests: PersonRequests }) {
  const { messages } = useI18n();
  const t = messages.requests;
  const formats = useFormats();
  const { navigate, canWrite } = useNavigation();
  return (
    <section className="card" aria-labelledby="person-requests-title" id="requests">
      <h2 id="person-requests-title">{t.person.title}</h2>
      {requests.length === 0 ? (
        <p className="muted">{t.person.empty}</p>
      ) : (
        <ul className="plain-list log-list">
          {requests.map((request) => (
            <li key={request.id}>
              <p className="log-list__head">
                <a
                  href={`#request-${request.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate({ name: 'request', id: request.id });
                  }}
                >
                  {t.types[request.type]}
                </a>
                <RequestStatusBadge request={request} />
              </p>
              <p className="muted">
                {t.columns.received} {formats.date(request.receivedOn)}
                {isOpen(request) && (
                  <>
                    {' · '}
                    {t.columns.deadline} <Deadline request={request} />
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <button type="button" className="button" onClick={() => navigate({ name: 'request-new', personId })}>
          {t.person.newRequest}
        </button>
      )}
    </section>
  );
}
