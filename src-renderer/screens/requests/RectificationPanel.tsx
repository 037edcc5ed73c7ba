// A rectification: the user enters what the person asks each field to be, sees it as a diff from
// the value now, and the change is applied when the request is marked done.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { formatPhone } from '../../../src-shared/fields';
import { RECTIFIABLE_FIELDS, type RectifiableField } from '../../../src-shared/requests/types';
import { contract, type ChannelInput, type ChannelOutput } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { checkForm, serverErrors } from '../../components/checkForm';
import { displayDate, parseDate } from '../../components/DateField';
import { FormAlert } from '../../components/FormError';
import { useFormats } from '../../components/format';
import { useSubmit } from '../../components/useSubmit';
import { useI18n, type Language } from '../../i18n';
import { isOpen, type RequestView } from './parts';

type Person = ChannelOutput<'persons.get'>['person'];
type Change = NonNullable<RequestView['details']['changes']>[number];

/** How a stored value reads: phone numbers and dates the Finnish way, the language by name. */
function useValueText(): (field: RectifiableField, value: string | null) => string {
  const { messages } = useI18n();
  const formats = useFormats();
  const t = messages.requests.rectification;
  return (field, value) => {
    if (value === null || value === '') return t.empty;
    if (field === 'phone') return formats.phone(value);
    if (field === 'birthDate') return formats.date(value);
    if (field === 'language') return messages.requests.languages[value] ?? value;
    return value;
  };
}

export function ChangesTable({ changes, closed }: { changes: Change[]; closed: boolean }) {
  const { messages } = useI18n();
  const t = messages.requests.rectification;
  const valueText = useValueText();
  if (changes.length === 0) return <p className="muted">{t.none}</p>;
  return (
    <table className="table diff-table">
      <caption className="visually-hidden">{closed ? t.appliedTitle : t.diffTitle}</caption>
      <thead>
        <tr>
          <th scope="col">{t.field}</th>
          <th scope="col">{closed ? t.fromClosed : t.from}</th>
          <th scope="col" aria-hidden="true" className="diff-table__arrow" />
          <th scope="col">{t.to}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.field}>
            <th scope="row">{messages.register.fields[change.field]}</th>
            <td>
              <del className="diff-from">{valueText(change.field, change.from)}</del>
            </td>
            <td aria-hidden="true" className="diff-table__arrow">
              →
            </td>
            <td>
              <ins className="diff-to">{valueText(change.field, change.to)}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A stored value as the text a user edits. */
function asText(field: RectifiableField, value: string | null | undefined, language: Language): string {
  if (value === null || value === undefined) return '';
  if (field === 'phone') return formatPhone(value);
  if (field === 'birthDate') return displayDate(value, language);
  return value;
}

export function RectificationPanel({
  request,
  editable,
  onChange,
}: {
  request: RequestView;
  editable: boolean;
  onChange: (next: RequestView) => void;
}) {
  const { messages } = useI18n();
  const t = messages.requests.rectification;
  const changes = request.details.changes ?? [];
  const subject = request.subjects.find((s) => s.name !== null);
  const open = isOpen(request);
  return (
    <section className="subpanel" aria-labelledby="rectification-title">
      <h3 id="rectification-title">{open ? t.title : t.appliedTitle}</h3>
      {open && editable && request.body.trim() && (
        <figure className="request-quote">
          <figcaption>{t.asked}</figcaption>
          <blockquote className="pre-wrap">{request.body}</blockquote>
        </figure>
      )}
      {open && editable && subject ? (
        <RectificationForm key={subject.personId} request={request} personId={subject.personId} onChange={onChange} />
      ) : open && editable ? (
        <p className="notice">{t.noPerson}</p>
      ) : null}
      {open && editable && <h4 className="subpanel__subtitle">{t.diffTitle}</h4>}
      <ChangesTable changes={changes} closed={!open} />
    </section>
  );
}

function RectificationForm({
  request,
  personId,
  onChange,
}: {
  request: RequestView;
  personId: number;
  onChange: (next: RequestView) => void;
}) {
  const { messages, language, format } = useI18n();
  const t = messages.requests.rectification;
  const valueText = useValueText();
  const id = useId();
  const [person, setPerson] = useState<Person | null>(null);
  const [values, setValues] = useState<Record<RectifiableField, string> | null>(null);
  const { busy, errors, setErrors, run } = useSubmit({
    toErrors: (error, unexpected) => serverErrors(error, unexpected, { prefix: 'changes' }),
  });
  const [status, setStatus] = useState('');

  // Not useChannel: the answer seeds the form (asked values over current ones) once.
  useEffect(() => {
    let live = true;
    invoke('persons.get', { id: personId })
      .then(({ person: loaded }) => {
        if (!live) return;
        const asked = new Map((request.details.changes ?? []).map((change) => [change.field, change.to]));
        setPerson(loaded);
        setValues(
          Object.fromEntries(
            RECTIFIABLE_FIELDS.map((field) => [
              field,
              asText(field, asked.has(field) ? asked.get(field) : loaded[field], language),
            ]),
          ) as Record<RectifiableField, string>,
        );
      })
      .catch(() => live && setErrors({ form: messages.register.common.loadFailed, fields: {} }));
    return () => {
      live = false;
    };
    // Loaded once per person; the language only changes how dates read, not what was typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [personId]);

  if (!person || !values) {
    return errors.form ? <FormAlert message={errors.form} /> : <p className="muted">{messages.loading}</p>;
  }

  const changed = (field: RectifiableField) => values[field].trim() !== asText(field, person[field], language).trim();

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!person || !values) return;
    const typed = { ...values, birthDate: parseDate(values.birthDate) };
    const checked = checkForm(
      contract['requests.setRectification'].input,
      { id: request.id, changes: typed },
      language,
      {
        prefix: 'changes',
        requiredMessage: messages.register.common.required,
        friendly: { birthDate: messages.register.friendly.date },
      },
    );
    if (!checked.ok) {
      setErrors({ form: t.errorsTitle, fields: checked.fields });
      return;
    }
    // Only what differs from the person now is a change (main drops the rest too).
    const parsed = checked.value.changes as Record<RectifiableField, string | null | undefined>;
    const asked = Object.fromEntries(
      RECTIFIABLE_FIELDS.filter((field) => (parsed[field] ?? null) !== (person[field] ?? null)).map((field) => [
        field,
        parsed[field] ?? null,
      ]),
    );
    await run(async () => {
      onChange(
        await invoke('requests.setRectification', {
          id: request.id,
          changes: asked as ChannelInput<'requests.setRectification'>['changes'],
        }),
      );
      setStatus(t.saved);
    });
  }

  const input = (field: RectifiableField) => {
    const common = {
      id: `${id}-${field}`,
      'aria-labelledby': `${id}-new ${id}-${field}-label`,
      'aria-invalid': errors.fields[field] ? true : undefined,
      'aria-describedby': errors.fields[field] ? `${id}-${field}-error` : undefined,
      value: values[field],
      onChange: (event: { target: { value: string } }) => {
        setStatus('');
        setValues({ ...values, [field]: event.target.value });
      },
    };
    if (field === 'language') {
      return (
        <select {...common} className="inline-select">
          <option value="fi">{messages.requests.languages['fi']}</option>
          <option value="en">{messages.requests.languages['en']}</option>
        </select>
      );
    }
    if (field === 'notes') return <textarea {...common} rows={2} />;
    return <input {...common} autoComplete="off" className={field === 'country' ? 'narrow' : undefined} />;
  };

  return (
    <form onSubmit={save} noValidate aria-busy={busy}>
      <p className="muted">{t.intro}</p>
      <p>{format(t.person, { name: `${person.firstName} ${person.lastName}` })}</p>
      <FormAlert message={errors.form} />
      <div className="table-scroll">
        <table className="table rectification-table">
          <thead>
            <tr>
              <th scope="col">{t.field}</th>
              <th scope="col">{t.from}</th>
              <th scope="col" id={`${id}-new`}>
                {t.newValue}
              </th>
            </tr>
          </thead>
          <tbody>
            {RECTIFIABLE_FIELDS.map((field) => (
              <tr key={field} className={changed(field) ? 'is-changed' : undefined}>
                <th scope="row" id={`${id}-${field}-label`}>
                  {messages.register.fields[field]}
                  {changed(field) && <span className="badge badge--changed">{t.changes}</span>}
                </th>
                <td>{valueText(field, person[field] ?? null)}</td>
                <td>
                  <div className={`field field--in-table${errors.fields[field] ? ' field--invalid' : ''}`}>
                    {input(field)}
                    {errors.fields[field] && (
                      <p id={`${id}-${field}-error`} className="field__error" role="alert">
                        {errors.fields[field]}
                      </p>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? messages.register.common.saving : t.save}
        </button>
        <span role="status" className="ok">
          {status}
        </span>
      </div>
    </form>
  );
}
