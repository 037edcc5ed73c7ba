// The owner's backup settings: after how many days the dashboard reminds, and how many backups to
// keep in a folder when old ones are removed.
import { useState, type FormEvent } from 'react';
import { contract, type ChannelOutput } from '../../../src-main/ipc/contract';
import { invoke } from '../../api';
import { checkForm, serverErrors } from '../../components/checkForm';
import { Field } from '../../components/Field';
import { FormAlert, type FormErrors } from '../../components/FormError';
import { useI18n } from '../../i18n';

type Settings = ChannelOutput<'settings.get'>;

export function BackupSettingsCard({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { messages, language } = useI18n();
  const t = messages.backup.settings;
  const [values, setValues] = useState({
    backupReminderDays: String(settings.backupReminderDays),
    backupKeep: String(settings.backupKeep),
  });
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [saved, setSaved] = useState(false);
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) => {
    setSaved(false);
    setValues((current) => ({ ...current, [name]: event.target.value }));
  };
  const asNumber = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const input = {
      backupReminderDays: asNumber(values.backupReminderDays),
      backupKeep: asNumber(values.backupKeep),
    };
    const checked = checkForm(contract['settings.update'].input, input, language, {
      requiredMessage: messages.register.common.required,
    });
    if (!checked.ok) {
      // A number field left empty is "required", not the schema's "expected a number".
      const fields = { ...checked.fields };
      for (const [name, value] of Object.entries(values))
        if (value.trim() === '') fields[name] = messages.register.common.required;
      return setErrors({ fields });
    }
    setErrors({ fields: {} });
    try {
      onSaved(await invoke('settings.update', checked.value));
      setSaved(true);
    } catch (error) {
      setErrors(serverErrors(error, messages.unexpected));
    }
  }

  return (
    <section className="card" aria-labelledby="backup-settings-title">
      <form onSubmit={save} noValidate>
        <h2 id="backup-settings-title">{t.title}</h2>
        <FormAlert message={errors.form} />
        <Field
          label={t.reminderDays}
          hint={t.reminderHint}
          type="number"
          inputMode="numeric"
          min={1}
          max={90}
          className="narrow"
          value={values.backupReminderDays}
          onChange={set('backupReminderDays')}
          error={errors.fields['backupReminderDays']}
        />
        <Field
          label={t.keep}
          hint={t.keepHint}
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          className="narrow"
          value={values.backupKeep}
          onChange={set('backupKeep')}
          error={errors.fields['backupKeep']}
        />
        <button type="submit" className="button">
          {messages.register.common.save}
        </button>
        <p role="status" className="ok">
          {saved ? t.saved : ''}
        </p>
      </form>
    </section>
  );
}
