// Creating or editing an organization (name, Y-tunnus, address, contact details), checked with the
// contract's schemas. Used on the organization view and from the organization picker.
import { useState, type FormEvent } from 'react';
import { contract, type ChannelOutput } from '../../src-shared/contract';
import { invoke } from '../api';
import { useI18n } from '../i18n';
import { checkForm, serverErrors } from './checkForm';
import { Field } from './Field';
import { FormAlert } from './FormError';
import { useSubmit } from './useSubmit';

export type OrganizationRecord = ChannelOutput<'organizations.get'>['organization'];

const FIELDS = ['name', 'businessId', 'street', 'postalCode', 'city', 'country', 'phone', 'email', 'www'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

function initialValues(organization: OrganizationRecord | undefined, name: string): Values {
  const values = Object.fromEntries(FIELDS.map((key) => [key, organization?.[key] ?? ''])) as Values;
  if (!organization) values.name = name;
  if (!values.country) values.country = 'FI';
  return values;
}

export function OrganizationForm({
  organization,
  initialName = '',
  onSaved,
  onCancel,
}: {
  organization?: OrganizationRecord;
  initialName?: string;
  onSaved: (organization: OrganizationRecord) => void;
  onCancel: () => void;
}) {
  const { messages, language } = useI18n();
  const t = messages.register;
  const [values, setValues] = useState(() => initialValues(organization, initialName));
  const prefix = organization ? 'changes' : 'organization';
  const { busy, errors, setErrors, submit } = useSubmit({
    toErrors: (error, unexpected) =>
      serverErrors(error, unexpected, { prefix, codeFields: { BUSINESS_ID_TAKEN: 'businessId' } }),
  });
  const set = (key: keyof Values) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [key]: event.target.value }));
    setErrors((current) => {
      if (!current.fields[key]) return current;
      const { [key]: _cleared, ...fields } = current.fields;
      return { ...current, fields };
    });
  };

  // The form's own check runs at submit only, its errors staying until the field is changed.
  function save(event: FormEvent) {
    event.preventDefault();
    const options = { requiredMessage: t.common.required, prefix };
    const checked = organization
      ? checkForm(contract['organizations.update'].input, { id: organization.id, changes: values }, language, options)
      : checkForm(contract['organizations.create'].input, { organization: values }, language, options);
    if (!checked.ok) return setErrors({ form: t.personForm.errorsTitle, fields: checked.fields });
    submit(event, async () =>
      onSaved(
        organization
          ? await invoke('organizations.update', { id: organization.id, changes: values })
          : await invoke('organizations.create', { organization: values }),
      ),
    );
  }

  const field = (key: keyof Values, label: string, extra: Record<string, unknown> = {}) => (
    <Field label={label} value={values[key]} onChange={set(key)} error={errors.fields[key]} {...extra} />
  );

  return (
    <form onSubmit={save} noValidate aria-busy={busy} className="stack-form">
      <FormAlert message={errors.form} />
      {field('name', t.organization.name, { required: true, autoFocus: !organization })}
      {field('businessId', t.organization.businessId, { hint: t.organization.businessIdHint, className: 'medium' })}
      <div className="form-grid">
        {field('street', t.fields.street, { autoComplete: 'off' })}
        {field('postalCode', t.fields.postalCode, { inputMode: 'numeric', className: 'medium' })}
        {field('city', t.fields.city)}
        {field('country', t.fields.country, { className: 'narrow', maxLength: 2 })}
        {field('phone', t.fields.phone, { type: 'tel', hint: t.hints.phone })}
        {field('email', t.fields.email, { type: 'email' })}
        {field('www', t.fields.www)}
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t.common.saving : organization ? t.common.save : t.organization.create}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}
