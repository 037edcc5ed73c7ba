// First run, after the recovery key: the minimum the privacy notice and letters need (who keeps
// the register and how to reach them) and, optionally, a preset that fills in the rest. Can be
// skipped; everything is also on the settings screen.
import { useRef, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { invoke } from '../../api';
import { serverErrors } from '../../components/checkForm';
import { Field } from '../../components/Field';
import { FormAlert } from '../../components/FormError';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { PresetChanges, usePresets } from '../settings/PresetsCard';

const isEmail = (text: string) => z.email().safeParse(text.trim()).success;

export function SetupStep({ onDone }: { onDone: () => void }) {
  const { messages, language } = useI18n();
  const t = messages.settings.setup;
  const presets = usePresets();
  const [values, setValues] = useState({ name: '', email: '', phone: '' });
  const [presetId, setPresetId] = useState('');
  const { busy, errors, setErrors, submit } = useSubmit({
    toErrors: (error, unexpected) => serverErrors(error, unexpected, { prefix: 'controller' }),
  });
  const formRef = useRef<HTMLFormElement>(null);

  const set = (name: keyof typeof values) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [name]: event.target.value }));
    // A field's error goes once it is changed; a phone number also answers "email or phone".
    const cleared = name === 'phone' ? ['phone', 'email'] : [name];
    setErrors((current) => ({
      ...current,
      fields: Object.fromEntries(Object.entries(current.fields).filter(([key]) => !cleared.includes(key))),
    }));
  };

  function save(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!values.name.trim()) fields.name = messages.settings.required;
    if (!values.email.trim() && !values.phone.trim()) fields.email = t.contactRequired;
    else if (values.email.trim() && !isEmail(values.email)) fields.email = t.emailInvalid;
    if (Object.keys(fields).length > 0) {
      setErrors({ form: messages.settings.errorsTitle, fields });
      setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    submit(event, async () => {
      // The template first: it keeps the controller as it is, and these details then go on top.
      const settings = presetId ? await invoke('presets.apply', { id: presetId }) : await invoke('notice.settings', {});
      const controller = {
        ...settings.profile.controller,
        name: values.name.trim(),
        email: values.email.trim(),
        phone: values.phone.trim(),
      };
      await invoke('notice.updateSettings', { controller });
      onDone();
    });
  }

  const chosen = presets?.presets.find((preset) => preset.id === presetId);
  return (
    <main className="auth-page">
      <form
        ref={formRef}
        className="card auth-card setup-step"
        aria-labelledby="setup-title"
        onSubmit={save}
        noValidate
        aria-busy={busy}
      >
        <h1 id="setup-title">{t.title}</h1>
        <p className="lead">{t.intro}</p>
        <FormAlert message={errors.form} />
        <Field
          label={t.controllerName}
          name="name"
          value={values.name}
          onChange={set('name')}
          autoComplete="organization"
          error={errors.fields.name}
        />
        <Field
          label={t.email}
          name="email"
          type="email"
          value={values.email}
          onChange={set('email')}
          autoComplete="email"
          error={errors.fields.email}
        />
        <Field
          label={t.phone}
          name="phone"
          type="tel"
          value={values.phone}
          onChange={set('phone')}
          autoComplete="tel"
          error={errors.fields.phone}
        />
        {presets && presets.presets.length > 0 && (
          <fieldset className="form-section">
            <legend>{t.presetLegend}</legend>
            <p className="muted">{messages.settings.presets.intro}</p>
            {[
              { id: '', label: t.presetNone },
              ...presets.presets.map((p) => ({ id: p.id, label: p.name[language] })),
            ].map((option) => (
              <label key={option.id || 'none'} className="checkbox">
                <input
                  type="radio"
                  name="preset"
                  value={option.id}
                  checked={presetId === option.id}
                  onChange={() => setPresetId(option.id)}
                />
                {option.label}
              </label>
            ))}
            {chosen && (
              <div className="notice setup-step__preset">
                <PresetChanges preset={chosen} keepsController={false} />
              </div>
            )}
          </fieldset>
        )}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? messages.settings.saving : t.save}
          </button>
          <button type="button" className="button" disabled={busy} onClick={onDone}>
            {t.skip}
          </button>
        </div>
      </form>
    </main>
  );
}
