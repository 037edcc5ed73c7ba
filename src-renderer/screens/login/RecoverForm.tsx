// Opening the register with the recovery key: the owner sets a new password on the way in.
import { useState, type FormEvent } from 'react';
import { contract } from '../../../src-shared/contract';
import { invoke } from '../../api';
import type { SessionInfo } from '../../app/types';
import { Field } from '../../components/Field';
import { FormAlert, toFormErrors } from '../../components/FormError';
import { NewPasswordFields, newPasswordFormErrors } from '../../components/NewPasswordFields';
import { useFormErrors } from '../../components/useFormErrors';
import { useI18n } from '../../i18n';

export function RecoverForm({
  onRecovered,
  onBack,
}: {
  onRecovered: (session: SessionInfo) => void;
  onBack: () => void;
}) {
  const { messages, language } = useI18n();
  const t = messages.recover;
  const [values, setValues] = useState({ recoveryKey: '', username: '', newPassword: '', again: '' });
  const input = { recoveryKey: values.recoveryKey, username: values.username, newPassword: values.newPassword };
  const { errors, checkAll, setFromMain } = useFormErrors(() =>
    newPasswordFormErrors(contract['session.recover'].input, input, language, {
      password: values.newPassword,
      again: values.again,
      againField: 'again',
      mismatch: messages.firstRun.passwordsDiffer,
    }),
  );
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!checkAll()) return;
    setBusy(true);
    try {
      onRecovered(await invoke('session.recover', input));
    } catch (error) {
      setFromMain(toFormErrors(error, messages.unexpected));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={submit} noValidate aria-busy={busy}>
        <h1>{t.title}</h1>
        <p className="lead">{t.intro}</p>
        <FormAlert message={errors.form} />
        <Field
          label={t.recoveryKey}
          className="mono"
          autoComplete="off"
          spellCheck={false}
          value={values.recoveryKey}
          onChange={set('recoveryKey')}
          error={errors.fields['recoveryKey']}
          required
        />
        <Field
          label={t.username}
          autoComplete="username"
          value={values.username}
          onChange={set('username')}
          error={errors.fields['username']}
          required
        />
        <NewPasswordFields
          labels={{ password: t.newPassword, again: t.newPasswordAgain }}
          password={values.newPassword}
          again={values.again}
          onPassword={(value) => setValues((v) => ({ ...v, newPassword: value }))}
          onAgain={(value) => setValues((v) => ({ ...v, again: value }))}
          errors={{ password: errors.fields['newPassword'], again: errors.fields['again'] }}
          userInputs={[values.username]}
        />
        <button className="button button--primary" type="submit" disabled={busy}>
          {t.submit}
        </button>
        <button type="button" className="link-button" onClick={onBack}>
          {t.back}
        </button>
      </form>
    </main>
  );
}
