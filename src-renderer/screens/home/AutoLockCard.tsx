// The owner's setting for the idle lock; main applies it to the running session at once.
import { useState, type FormEvent } from 'react';
import { contract, validate } from '../../../src-main/ipc/contract';
import { invoke } from '../../api';
import { Field } from '../../components/Field';
import { FormAlert, toFormErrors, type FormErrors } from '../../components/FormError';
import { useI18n } from '../../i18n';

export function AutoLockCard({ minutes, onSaved }: { minutes: number; onSaved: (minutes: number) => void }) {
  const { messages, language } = useI18n();
  const t = messages.autoLock;
  const [value, setValue] = useState(String(minutes));
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const input = { autoLockMinutes: value.trim() === '' ? Number.NaN : Number(value) };
    const checked = validate(contract['settings.update'].input, input, language);
    if (!checked.ok) return setErrors({ fields: { autoLockMinutes: checked.fields[0]?.message ?? '' } });
    setErrors({ fields: {} });
    try {
      const updated = await invoke('settings.update', input);
      onSaved(updated.autoLockMinutes);
      setSaved(true);
    } catch (error) {
      setErrors(toFormErrors(error, messages.unexpected));
    }
  }

  return (
    <section className="card" aria-labelledby="autolock-title">
      <form onSubmit={submit} noValidate>
        <h2 id="autolock-title">{t.title}</h2>
        <FormAlert message={errors.form} />
        <Field
          label={t.minutes}
          hint={t.hint}
          type="number"
          inputMode="numeric"
          min={1}
          max={240}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          error={errors.fields['autoLockMinutes']}
          className="narrow"
        />
        <button type="submit" className="button">
          {t.save}
        </button>
        <p role="status" className="ok">
          {saved ? t.saved : ''}
        </p>
      </form>
    </section>
  );
}
