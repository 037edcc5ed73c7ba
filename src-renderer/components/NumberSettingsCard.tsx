// A card of whole-number settings (the idle lock's minutes, the backup reminder and how many
// backups to keep): checked with the contract's settings.update schema, saved in one call.
// Leaving with a changed value asks first, as the settings steps do.
import { useState, type FormEvent } from 'react';
import { contract, type ChannelOutput } from '../../src-shared/contract';
import { invoke } from '../api';
import { useUnsavedChanges } from '../app/unsavedChanges';
import { useI18n } from '../i18n';
import { checkForm, serverErrors } from './checkForm';
import { Field } from './Field';
import { FormAlert } from './FormError';
import { useSubmit } from './useSubmit';

type Settings = ChannelOutput<'settings.get'>;
type NumberSetting = 'autoLockMinutes' | 'backupReminderDays' | 'backupKeep';

export interface NumberField {
  name: NumberSetting;
  label: string;
  hint: string;
  min: number;
  max: number;
}

export function NumberSettingsCard({
  id,
  title,
  fields,
  initial,
  savedText,
  onSaved,
}: {
  id: string;
  title: string;
  fields: NumberField[];
  initial: Partial<Record<NumberSetting, number>>;
  savedText: string;
  onSaved: (settings: Settings) => void;
}) {
  const { messages, language } = useI18n();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map(({ name }) => [name, String(initial[name] ?? '')])),
  );
  /** The values as main last stored them: what "changed" is measured against. */
  const [stored, setStored] = useState(values);
  const [saved, setSaved] = useState(false);
  const input = Object.fromEntries(
    fields.map(({ name }) => [name, values[name]!.trim() === '' ? Number.NaN : Number(values[name])]),
  );
  const required = messages.register.common.required;
  const check = () => checkForm(contract['settings.update'].input, input, language, { requiredMessage: required });
  const { errors, run } = useSubmit({
    check: () => {
      const checked = check();
      if (checked.ok) return {};
      // A number field left empty is "required", not the schema's "expected a number".
      const problems = { ...checked.fields };
      for (const { name } of fields) if (values[name]!.trim() === '') problems[name] = required;
      return problems;
    },
    toErrors: serverErrors,
  });

  function persist(): Promise<boolean> {
    setSaved(false);
    const sent = values;
    return run(async () => {
      const checked = check();
      if (!checked.ok) return false;
      onSaved(await invoke('settings.update', checked.value));
      setStored(sent);
      setSaved(true);
    });
  }

  function save(event: FormEvent) {
    event.preventDefault();
    void persist();
  }

  const changed = fields.some(({ name }) => values[name]!.trim() !== stored[name]!.trim());
  useUnsavedChanges(changed, persist);

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <form onSubmit={save} noValidate>
        <h2 id={`${id}-title`}>{title}</h2>
        <FormAlert message={errors.form} />
        {fields.map(({ name, label, hint, min, max }) => (
          <Field
            key={name}
            label={label}
            hint={hint}
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            className="narrow"
            value={values[name]!}
            onChange={(event) => {
              setSaved(false);
              setValues((current) => ({ ...current, [name]: event.target.value }));
            }}
            error={errors.fields[name]}
          />
        ))}
        <button type="submit" className="button">
          {messages.register.common.save}
        </button>
        <p role="status" className="ok">
          {saved ? savedText : ''}
        </p>
      </form>
    </section>
  );
}
