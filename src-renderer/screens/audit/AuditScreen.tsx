// Lokitiedot: the audit log for the owner, filtered by user, person, action and dates, a page at a
// time, with the hash chain's status in words and the matching entries as CSV. Opened from a
// person's view it shows that person's history (views, changes, their requests and orders).
import { downloadBlob } from '../../components/download';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { contract, type ChannelInput, type ChannelOutput } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { checkForm } from '../../components/checkForm';
import { DateField } from '../../components/DateField';
import { FormAlert, toFormErrors, type FormErrors } from '../../components/FormError';
import { SelectField } from '../../components/FormFields';
import { useFormats } from '../../components/format';
import { useChannel } from '../../components/useChannel';
import { useI18n } from '../../i18n';
import { AuditTable } from './AuditTable';
import { ChainStatus } from './ChainStatus';
import { PersonFilter, type ChosenPerson } from './PersonFilter';

const PAGE = 50;

type Filter = Omit<ChannelInput<'audit.query'>, 'offset' | 'limit'>;
type Users = ChannelOutput<'users.list'>;
type Page = ChannelOutput<'audit.query'>;

interface Draft {
  userId: string;
  action: string;
  from: string;
  to: string;
}
const EMPTY: Draft = { userId: '', action: '', from: '', to: '' };

export function AuditScreen({
  personId,
  personName,
}: {
  personId?: number | undefined;
  personName?: string | undefined;
}) {
  const { messages, language, format } = useI18n();
  const t = messages.staff.audit;
  const formats = useFormats();
  const users: Users = useChannel('users.list', {}, []).data ?? [];
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [person, setPerson] = useState<ChosenPerson | null>(
    personId !== undefined ? { id: personId, name: personName ?? format(t.personNumber, { id: personId }) } : null,
  );
  const [filter, setFilter] = useState<Filter>(personId !== undefined ? { personId } : {});
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page | null>(null);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  // Not useChannel: main's refusal of a filter shows on the filter's fields, and the last page
  // stays in view meanwhile.
  const load = useCallback(
    (query: Filter, at: number) => {
      invoke('audit.query', { ...query, offset: at, limit: PAGE })
        .then((result) => {
          setPage(result);
          setErrors({ fields: {} });
        })
        .catch((error: unknown) => setErrors(toFormErrors(error, messages.unexpected)));
    },
    [messages.unexpected],
  );

  useEffect(() => load(filter, offset), [load, filter, offset]);

  function filterFrom(values: Draft, chosen: ChosenPerson | null): Filter | null {
    const candidate: Filter = {
      ...(values.userId ? { userId: Number(values.userId) } : {}),
      ...(chosen ? { personId: chosen.id } : {}),
      ...(values.action ? { action: values.action } : {}),
      ...(values.from ? { from: values.from } : {}),
      ...(values.to ? { to: values.to } : {}),
    };
    const checked = checkForm(contract['audit.exportCsv'].input, candidate, language, {
      requiredMessage: messages.register.common.required,
    });
    if (!checked.ok) {
      setErrors({ fields: checked.fields });
      return null;
    }
    return candidate;
  }

  function apply(event?: FormEvent, values = draft, chosen = person) {
    event?.preventDefault();
    const next = filterFrom(values, chosen);
    if (!next) return;
    setAnnouncement('');
    setOffset(0);
    setFilter(next);
  }

  function choosePerson(chosen: ChosenPerson | null) {
    setPerson(chosen);
    apply(undefined, draft, chosen);
  }

  function clear() {
    setDraft(EMPTY);
    setPerson(null);
    setOffset(0);
    setFilter({});
    setErrors({ fields: {} });
  }

  async function exportCsv() {
    try {
      const { csv, rows, fileName } = await invoke('audit.exportCsv', filter);
      downloadBlob(fileName, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      setAnnouncement(format(t.exported, { rows, file: fileName }));
    } catch (error) {
      setErrors(toFormErrors(error, messages.unexpected));
    }
  }

  const pages = page ? Math.max(1, Math.ceil(page.total / PAGE)) : 1;
  const current = Math.floor(offset / PAGE) + 1;

  return (
    <main className="page page--wide" aria-labelledby="audit-title">
      <section className="card">
        <h1 id="audit-title" ref={headingRef} tabIndex={-1}>
          {t.title}
        </h1>
        <p>{t.intro}</p>
        <ChainStatus />
      </section>
      <section className="card" aria-labelledby="audit-filters-title">
        <h2 id="audit-filters-title">{t.filters}</h2>
        <PersonFilter chosen={person} onChoose={choosePerson} />
        <form className="filter-bar audit-filters" onSubmit={apply} noValidate>
          <SelectField
            label={t.user}
            value={draft.userId}
            onChange={(event) => setDraft({ ...draft, userId: event.target.value })}
          >
            <option value="">{t.anyUser}</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.displayName}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t.action}
            value={draft.action}
            onChange={(event) => setDraft({ ...draft, action: event.target.value })}
          >
            <option value="">{t.anyAction}</option>
            {Object.entries(t.actionGroups).map(([action, label]) => (
              <option key={action} value={action}>
                {label}
              </option>
            ))}
          </SelectField>
          <DateField
            label={t.from}
            name="from"
            value={draft.from}
            onChange={(from) => setDraft({ ...draft, from })}
            error={errors.fields['from']}
          />
          <DateField
            label={t.to}
            name="to"
            value={draft.to}
            onChange={(to) => setDraft({ ...draft, to })}
            error={errors.fields['to']}
          />
          <div className="button-row">
            <button type="submit" className="button button--primary">
              {t.apply}
            </button>
            <button type="button" className="button" onClick={clear}>
              {t.clear}
            </button>
          </div>
        </form>
      </section>
      <section className="card" aria-labelledby="audit-results-title">
        <div className="page-head">
          <h2 id="audit-results-title">
            {page ? (page.total === 1 ? t.countOne : format(t.count, { total: page.total })) : messages.loading}
          </h2>
          <button
            type="button"
            className="button"
            onClick={() => void exportCsv()}
            aria-describedby="audit-export-hint"
          >
            {t.exportCsv}
          </button>
        </div>
        <p id="audit-export-hint" className="muted">
          {t.exportHint}
        </p>
        <FormAlert message={errors.form} />
        <p className="ok announcement" role="status">
          {announcement}
        </p>
        {page && page.entries.length === 0 && <p className="muted">{t.empty}</p>}
        {page && page.entries.length > 0 && (
          <AuditTable
            entries={page.entries}
            users={users}
            person={person}
            labelledBy="audit-results-title"
            formats={formats}
          />
        )}
        {page && pages > 1 && (
          <nav className="pager" aria-label={format(t.page, { page: current, pages })}>
            <button
              type="button"
              className="button button--small"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              ← {t.previous}
            </button>
            <span>{format(t.page, { page: current, pages })}</span>
            <button
              type="button"
              className="button button--small"
              disabled={current >= pages}
              onClick={() => setOffset(offset + PAGE)}
            >
              {t.next} →
            </button>
          </nav>
        )}
      </section>
    </main>
  );
}
