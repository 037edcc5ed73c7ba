// Creating and editing a person: every field of the contract's personInput, checked with the same
// schema main uses; main's own errors land on the same fields.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useDraft } from '../../app/resume';
import { DraftNotice } from '../../components/DraftNotice';
import { contract, type ChannelInput } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { checkForm, serverErrors } from '../../components/checkForm';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { FormAlert } from '../../components/FormError';
import { SelectField, TextAreaField } from '../../components/FormFields';
import { useNavigation } from '../../components/Navigation';
import { OrganizationPicker, type PickedOrganization } from '../../components/OrganizationPicker';
import { useLabel, useLists, type Lists } from '../../components/useLists';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { undeclaredFields } from './groupFields';
import { emptyPerson, personValues, type PersonField, type PersonRecord, type PersonValues } from './personValues';

export function PersonFormScreen({ id }: { id?: number }) {
  const { messages } = useI18n();
  const [person, setPerson] = useState<PersonRecord | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (id === undefined) return;
    let live = true;
    invoke('persons.get', { id })
      .then((detail) => live && setPerson(detail.person))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [id]);

  // The lists say which fields the notice declares: the form waits for them rather than showing
  // every field and then taking some away.
  const lists = useLists();
  if ((id !== undefined && !person) || !lists) {
    return (
      <main className="page">
        <p className={failed ? 'form-alert' : 'muted'} role={failed ? 'alert' : 'status'}>
          {failed ? messages.register.common.loadFailed : messages.loading}
        </p>
      </main>
    );
  }
  return <PersonForm person={person} lists={lists} />;
}

/** The fields of the form's "more" section. */
const MORE_FIELDS: readonly PersonField[] = ['birthDate', 'age', 'ipAddress', 'notes'];

interface PersonDraft {
  values: PersonValues;
  organization: PickedOrganization | null;
  title: string;
  customerActivity: boolean;
}

function PersonForm({ person, lists }: { person: PersonRecord | null; lists: Lists }) {
  const { messages, language, format } = useI18n();
  const t = messages.register;
  const { navigate, back } = useNavigation();
  const label = useLabel();
  // Kept in memory across a lock (and leaving the screen) until saved or cancelled.
  const draft = useDraft<PersonDraft>(person ? `person-edit:${person.id}` : 'person-new', () => ({
    values: person ? personValues(person) : emptyPerson('customer'),
    organization: null,
    title: '',
    customerActivity: false,
  }));
  const { values, organization, title, customerActivity } = draft.value;
  // A new person's default source is "entered by hand" only while the register uses it: a source
  // the notice no longer lists is not put on anyone without her choosing it.
  const { prefill, restored } = draft;
  const manualOff = lists?.sources.some((source) => source.key === 'manual' && !source.active) ?? false;
  useEffect(() => {
    if (!person && !restored && manualOff)
      prefill((current) =>
        current.values.sourceKey === 'manual' ? { ...current, values: { ...current.values, sourceKey: '' } } : current,
      );
  }, [person, restored, manualOff, prefill]);
  const update = (changes: Partial<PersonDraft>) => draft.set((current) => ({ ...current, ...changes }));
  const prefix = person ? 'changes' : 'person';
  const { busy, errors, setErrors, run } = useSubmit({
    toErrors: (error, unexpected) => serverErrors(error, unexpected, { prefix, codeFields: { EMAIL_TAKEN: 'email' } }),
  });
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);
  const [failedSaves, setFailedSaves] = useState(0);
  useEffect(() => {
    // After a failed save, take the user to the first field to fix.
    if (failedSaves > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failedSaves]);

  const setValue = (field: PersonField, value: string) => {
    draft.set((current) => ({ ...current, values: { ...current.values, [field]: value } }));
    // The field's own error goes once the user changes it; the rest wait for the next save.
    setErrors((current) => {
      if (!current.fields[field]) return current;
      const { [field]: _cleared, ...fields } = current.fields;
      return { ...current, fields };
    });
  };
  const set = (field: PersonField) => (event: { target: { value: string } }) => setValue(field, event.target.value);

  const options = {
    requiredMessage: t.common.required,
    friendly: {
      age: t.friendly.age,
      ipAddress: t.friendly.ipAddress,
      birthDate: t.friendly.date,
      informedOn: t.friendly.date,
    },
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = person
      ? checkForm(contract['persons.update'].input, { id: person.id, changes: values, customerActivity }, language, {
          ...options,
          prefix,
        })
      : checkForm(
          contract['persons.create'].input,
          { person: values, organizationId: organization?.id ?? null, title },
          language,
          { ...options, prefix },
        );
    if (!checked.ok) {
      setErrors({ form: t.personForm.errorsTitle, fields: checked.fields });
      setFailedSaves((count) => count + 1);
      return;
    }
    const saved = await run(async () => {
      // What the schema parsed (trimmed, phone in E.164) is what main gets.
      if (person) {
        await invoke('persons.update', checked.value as ChannelInput<'persons.update'>);
        draft.discard();
        back();
      } else {
        const created = await invoke('persons.create', checked.value as ChannelInput<'persons.create'>);
        draft.discard();
        navigate({ name: 'person', id: created.id }, { replace: true });
      }
    });
    if (!saved) setFailedSaves((count) => count + 1);
  }

  // The fields the notice does not list for the person's group (its own list, else the register's).
  const own = lists?.groups.find((group) => group.key === values.kindKey)?.dataCategories?.map((c) => c.key);
  const declared = own ?? lists?.dataCategories;
  const hidden = undeclaredFields(declared, (field) => values[field].trim() !== '' && field !== 'country');
  // The organization a person represents is data too: offered only where the notice lists it.
  const offersEmployer = !declared || declared.includes('organization') || organization !== null;
  const shown = (field: PersonField) => !hidden.has(field);
  const text = (field: PersonField, extra: Record<string, unknown> = {}) =>
    shown(field) && (
      <Field
        label={t.fields[field]}
        value={values[field]}
        onChange={set(field)}
        error={errors.fields[field]}
        {...extra}
      />
    );
  const heading = person
    ? format(t.personForm.editTitle, { name: `${person.firstName} ${person.lastName}` })
    : t.personForm.newTitle;
  const kinds = lists?.kinds.filter((kind) => kind.active || kind.key === values.kindKey) ?? [];
  const sources = lists?.sources.filter((source) => source.active || source.key === values.sourceKey) ?? [];

  return (
    <main className="page" aria-labelledby="person-form-title">
      <form ref={formRef} className="card person-form" onSubmit={submit} noValidate aria-busy={busy}>
        <h1 id="person-form-title" ref={headingRef} tabIndex={-1}>
          {heading}
        </h1>
        {person?.restricted && (
          <p className="restricted-banner" role="alert">
            <strong>{t.person.restrictedTitle}.</strong> {t.person.restrictedBody}
          </p>
        )}
        {draft.restored && <DraftNotice onStartOver={draft.startOver} />}
        <FormAlert message={errors.form} />
        {hidden.size > 0 && (
          <p className="notice" id="group-fields-hint">
            {own ? t.personForm.groupHidesFields : t.personForm.noticeHidesFields}{' '}
            <button type="button" className="link-button" onClick={() => navigate({ name: 'settings', step: 'data' })}>
              {t.personForm.groupSettings}
            </button>
          </p>
        )}

        <fieldset className="form-section" disabled={person?.restricted}>
          <legend>{t.personForm.basics}</legend>
          <div className="form-grid">
            {text('firstName', { required: true, autoComplete: 'off' })}
            {text('lastName', { required: true, autoComplete: 'off' })}
            {text('jobTitle')}
            <SelectField
              label={t.fields.kindKey}
              value={values.kindKey}
              onChange={set('kindKey')}
              error={errors.fields['kindKey']}
            >
              {kinds.length === 0 && <option value={values.kindKey}>{values.kindKey}</option>}
              {kinds.map((kind) => (
                <option key={kind.key} value={kind.key}>
                  {label(kind)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t.fields.language}
              value={values.language}
              onChange={set('language')}
              error={errors.fields['language']}
            >
              <option value="fi">{t.languages['fi']}</option>
              <option value="en">{t.languages['en']}</option>
            </SelectField>
          </div>
        </fieldset>

        <fieldset className="form-section" disabled={person?.restricted}>
          <legend>{t.personForm.contact}</legend>
          <div className="form-grid">
            {text('phone', { type: 'tel', hint: t.hints.phone, autoComplete: 'off' })}
            {text('email', { type: 'email', autoComplete: 'off' })}
            {text('www')}
          </div>
        </fieldset>

        <fieldset
          className="form-section"
          disabled={person?.restricted}
          hidden={!['street', 'postalCode', 'city'].some((f) => shown(f as PersonField))}
        >
          <legend>{t.personForm.address}</legend>
          <div className="form-grid">
            {text('street', { autoComplete: 'off' })}
            {text('postalCode', { inputMode: 'numeric', hint: t.hints.postalCode, className: 'medium' })}
            {text('city')}
            {text('country', { hint: t.hints.country, className: 'narrow', maxLength: 2 })}
          </div>
        </fieldset>

        {/* A section whose every field the notice leaves out is not shown at all. */}
        {MORE_FIELDS.some(shown) && (
          <fieldset className="form-section" disabled={person?.restricted}>
            <legend>{t.personForm.more}</legend>
            <div className="form-grid">
              {shown('birthDate') && (
                <DateField
                  label={t.fields.birthDate}
                  value={values.birthDate}
                  onChange={(value) => setValue('birthDate', value)}
                  error={errors.fields['birthDate']}
                />
              )}
              {text('age', { inputMode: 'numeric', hint: t.hints.age, className: 'narrow' })}
              {text('ipAddress', { className: 'medium' })}
            </div>
            {shown('notes') && (
              <TextAreaField
                label={t.fields.notes}
                value={values.notes}
                onChange={set('notes')}
                error={errors.fields['notes']}
                rows={4}
              />
            )}
          </fieldset>
        )}

        <fieldset className="form-section" disabled={person?.restricted}>
          <legend>{t.personForm.register}</legend>
          {/* Two columns: a source's name can be long, and a select must not cut it. */}
          <div className="form-grid form-grid--two">
            <SelectField
              label={t.fields.sourceKey}
              value={values.sourceKey}
              onChange={set('sourceKey')}
              error={errors.fields['sourceKey']}
            >
              <option value="">{t.personForm.chooseSource}</option>
              {sources.map((source) => (
                <option key={source.key} value={source.key}>
                  {label(source)}
                </option>
              ))}
            </SelectField>
            <DateField
              label={t.fields.informedOn}
              hint={t.hints.informedOn}
              value={values.informedOn}
              onChange={(value) => setValue('informedOn', value)}
              error={errors.fields['informedOn']}
            />
          </div>
          {text('informedHow', { hint: t.hints.informedHow })}
        </fieldset>

        {!person && offersEmployer && (
          <fieldset className="form-section">
            <legend>{t.personForm.employer}</legend>
            <p className="muted">{t.personForm.employerIntro}</p>
            <div className="form-grid form-grid--two">
              <OrganizationPicker
                value={organization}
                onChange={(picked) => update({ organization: picked })}
                error={errors.fields['organizationId']}
              />
              <Field
                label={t.fields.title}
                hint={t.hints.title}
                value={title}
                onChange={(event) => update({ title: event.target.value })}
                error={errors.fields['title']}
              />
            </div>
          </fieldset>
        )}

        {person && (
          <div className="checkbox-field">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={customerActivity}
                disabled={person.restricted}
                onChange={(event) => update({ customerActivity: event.target.checked })}
                aria-describedby="customer-activity-hint"
              />
              <span>{t.personForm.customerActivity}</span>
            </label>
            <p id="customer-activity-hint" className="field__hint">
              {t.personForm.customerActivityHint}
            </p>
          </div>
        )}

        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy || person?.restricted}>
            {busy ? t.common.saving : person ? t.common.save : t.personForm.create}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              draft.discard();
              back();
            }}
          >
            {t.common.cancel}
          </button>
        </div>
      </form>
    </main>
  );
}
