// The request inbox: every data-subject request, open ones first by deadline (main sorts them),
// overdue and nearly due ones marked with a word as well as a colour.
import { useFormats } from '../../components/format';
import { useNavigation, useRemembered } from '../../components/Navigation';
import { useChannel } from '../../components/useChannel';
import { useI18n } from '../../i18n';
import { Deadline, RequestStatusBadge, useRequester, type RequestView } from './parts';

type Filter = 'open' | 'overdue' | 'all';
const FILTERS: Filter[] = ['open', 'overdue', 'all'];

export function RequestsScreen() {
  const { messages, format } = useI18n();
  const t = messages.requests;
  const { navigate, canWrite } = useNavigation();
  const [filter, setFilter] = useRemembered<Filter>('requests.filter', () => 'open');
  const input = filter === 'open' ? { open: true } : filter === 'overdue' ? { overdue: true } : {};
  const list = useChannel('requests.list', input, [filter]);
  const failed = list.error !== null;
  const rows: RequestView[] | null = list.loading ? null : list.data;

  return (
    <main className="page page--wide requests-page" aria-labelledby="requests-title">
      <section className="card">
        <div className="page-head">
          <h1 id="requests-title">{t.title}</h1>
          {canWrite && (
            <button type="button" className="button button--primary" onClick={() => navigate({ name: 'request-new' })}>
              {t.newRequest}
            </button>
          )}
        </div>
        <p className="muted">{t.intro}</p>
        <div className="toolbar requests-toolbar">
          <fieldset className="segmented">
            <legend>{t.filterLabel}</legend>
            {FILTERS.map((name) => (
              <label key={name} className={filter === name ? 'is-current' : undefined}>
                <input
                  type="radio"
                  name="requests-filter"
                  value={name}
                  checked={filter === name}
                  onChange={() => setFilter(name)}
                />
                {t.filters[name]}
              </label>
            ))}
          </fieldset>
          <p className="page-head__count" role="status" aria-live="polite">
            {rows === null ? '' : rows.length === 1 ? t.countOne : format(t.count, { count: rows.length })}
          </p>
        </div>
        {failed ? (
          <p className="form-alert" role="alert">
            {messages.register.common.loadFailed}
          </p>
        ) : rows === null ? (
          <p className="muted">{messages.loading}</p>
        ) : rows.length === 0 ? (
          <p className="empty-state">{t.empty[filter]}</p>
        ) : (
          <RequestTable rows={rows} onOpen={(id) => navigate({ name: 'request', id })} />
        )}
      </section>
    </main>
  );
}

function RequestTable({ rows, onOpen }: { rows: RequestView[]; onOpen: (id: number) => void }) {
  const { messages, format } = useI18n();
  const t = messages.requests;
  const formats = useFormats();
  const requester = useRequester();
  return (
    <div className="table-scroll">
      <table className="table requests-table" aria-labelledby="requests-title">
        <thead>
          <tr>
            <th scope="col">{t.columns.type}</th>
            <th scope="col">{t.columns.received}</th>
            <th scope="col">{t.columns.requester}</th>
            <th scope="col">{t.columns.subjects}</th>
            <th scope="col">{t.columns.status}</th>
            <th scope="col">{t.columns.deadline}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((request) => (
            <tr key={request.id} className={`is-${request.urgency.replace('_', '-')}`}>
              <td>
                <button
                  type="button"
                  className="row-open"
                  aria-label={format(t.openRow, { type: t.types[request.type] ?? '', requester: requester(request) })}
                  onClick={() => onOpen(request.id)}
                >
                  {t.types[request.type]}
                </button>
              </td>
              <td className="nowrap">{formats.date(request.receivedOn)}</td>
              <td>{requester(request)}</td>
              <td>
                {request.subjects.length === 0 ? (
                  <span className="muted">{t.noSubjects}</span>
                ) : (
                  request.subjects.map((s) => s.name ?? t.erasedPerson).join(', ')
                )}
              </td>
              <td>
                <RequestStatusBadge request={request} />
              </td>
              <td>
                <Deadline request={request} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
