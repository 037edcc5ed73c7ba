// Fields the owner added so the register holds what their own notice lists (text, date, choice).
import { useState, type FormEvent } from 'react';
import { contract } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { checkForm, serverErrors } from '../../components/checkForm';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { FormAlert, type FormErrors } from '../../components/FormError';
import { SelectField } from '../../components/FormFields';
import { useLabel } from '../../components/useLists';
import { useI18n } from '../../i18n';
import type { CardProps } from './types';

export function CustomFieldsCard({ detail, reload, editable }: CardProps) {
  const { messages, language } = useI18n();
  const t = messages.register;
  const label = useLabel();
  const stored = Object.fromEntries(detail.customFields.map((field) => [field.key, field.value ?? '']));
  const [values, setValues] = useState<Record<string, string>>(stored);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [saved, setSaved] = useState(false);

  if (detail.customFields.length === 0) return null;

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const changed = detail.customFields.filter((field) => (values[field.key] ?? '') !== (field.value ?? ''));
    const fields: Record<string, string> = {};
    for (const field of changed) {
      const input = { id: detail.person.id, key: field.key, value: values[field.key] ?? '' };
      const checked = checkForm(contract['persons.setCustomValue'].input, input, language, {
        requiredMessage: t.common.required,
      });
      if (!checked.ok) fields[field.key] = Object.values(checked.fields)[0] ?? '';
    }
    if (Object.keys(fields).length > 0) return setErrors({ fields });
    try {
      for (const field of changed) {
        await invoke('persons.setCustomValue', {
          id: detail.person.id,
          key: field.key,
          value: values[field.key] ?? '',
        });
      }
      setErrors({ fields: {} });
      setSaved(true);
      await reload();
    } catch (error) {
      setErrors(serverErrors(error, messages.unexpected));
    }
  }

  const set = (key: string) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));

  return (
    <section className="card" aria-labelledby="custom-title" id="custom-fields">
      <h2 id="custom-title">{t.customFields.title}</h2>
      <form onSubmit={save} noValidate>
        <FormAlert message={errors.form} />
        <fieldset disabled={!editable} className="plain-fieldset">
          <div className="form-grid">
            {detail.customFields.map((field) =>
              field.type === 'choice' ? (
                <SelectField
                  key={field.key}
                  label={label(field)}
                  value={values[field.key] ?? ''}
                  onChange={set(field.key)}
                  error={errors.fields[field.key]}
                >
                  <option value="">{t.customFields.choose}</option>
                  {field.choices.map((choice) => (
                    <option key={choice} value={choice}>
                      {choice}
                    </option>
                  ))}
                </SelectField>
              ) : field.type === 'date' ? (
                <DateField
                  key={field.key}
                  label={label(field)}
                  value={values[field.key] ?? ''}
                  onChange={(value) => set(field.key)({ target: { value } })}
                  error={errors.fields[field.key]}
                />
              ) : (
                <Field
                  key={field.key}
                  label={label(field)}
                  value={values[field.key] ?? ''}
                  onChange={set(field.key)}
                  error={errors.fields[field.key]}
                />
              ),
            )}
          </div>
        </fieldset>
        {editable && (
          <div className="button-row">
            <button type="submit" className="button">
              {t.common.save}
            </button>
            <span className="ok" role="status">
              {saved ? t.organization.saved : ''}
            </span>
          </div>
        )}
      </form>
    </section>
  );
}
