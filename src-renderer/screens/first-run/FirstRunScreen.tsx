// First run: the owner creates the register, then sees the recovery key once, then gives the
// controller's details and may pick a preset (or skips that). On a new computer
// the owner can instead restore the register from a backup.
import { useState, type FormEvent } from 'react';
import { contract } from '../../../src-shared/contract';
import { invoke } from '../../api';
import type { SessionInfo } from '../../app/types';
import { Field } from '../../components/Field';
import { serverErrors } from '../../components/checkForm';
import { DateField } from '../../components/DateField';
import { FormAlert } from '../../components/FormError';
import { NewPasswordFields, newPasswordFormErrors } from '../../components/NewPasswordFields';
import { useFormErrors } from '../../components/useFormErrors';
import { useI18n } from '../../i18n';
import { RestoreForm } from '../login/RestoreForm';
import { RecoveryKeyStep } from './RecoveryKeyStep';
import { SetupStep } from './SetupStep';

export function FirstRunScreen({
  onDone,
  onRestored,
}: {
  onDone: (session: SessionInfo) => void;
  /** A backup was restored instead: the owner logs in to it. */
  onRestored: () => void;
}) {
  const { messages, language } = useI18n();
  const t = messages.firstRun;
  const [values, setValues] = useState({
    username: '',
    displayName: '',
    confidentialitySignedOn: '',
    password: '',
    passwordAgain: '',
  });
  const input = {
    username: values.username,
    displayName: values.displayName,
    password: values.password,
    confidentialitySignedOn: values.confidentialitySignedOn || null,
  };
  const { errors, checkAll, setFromMain } = useFormErrors(() =>
    newPasswordFormErrors(contract['register.create'].input, input, language, {
      password: values.password,
      again: values.passwordAgain,
      againField: 'passwordAgain',
      mismatch: t.passwordsDiffer,
    }),
  );
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ recoveryKey: string; session: SessionInfo } | null>(null);
  const [restoring, setRestoring] = useState(false);

  const [keySaved, setKeySaved] = useState(false);

  if (created && keySaved) return <SetupStep onDone={() => onDone(created.session)} />;
  if (created) return <RecoveryKeyStep recoveryKey={created.recoveryKey} onContinue={() => setKeySaved(true)} />;
  if (restoring)
    return (
      <RestoreForm
        registerExists={false}
        backLabel={messages.backup.restore.backToFirstRun}
        onBack={() => setRestoring(false)}
        onRestored={onRestored}
      />
    );

  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!checkAll()) return;
    setBusy(true);
    try {
      setCreated(await invoke('register.create', input));
    } catch (error) {
      setFromMain(
        serverErrors(error, messages.unexpected, { codeFields: { DATE_IN_FUTURE: 'confidentialitySignedOn' } }),
      );
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
          label={t.displayName}
          autoComplete="name"
          value={values.displayName}
          onChange={set('displayName')}
          error={errors.fields['displayName']}
          required
        />
        <Field
          label={t.username}
          hint={t.usernameHint}
          autoComplete="username"
          value={values.username}
          onChange={set('username')}
          error={errors.fields['username']}
          required
        />
        <NewPasswordFields
          labels={{ password: t.password, again: t.passwordAgain, hint: t.passwordHint }}
          password={values.password}
          again={values.passwordAgain}
          onPassword={(value) => setValues((v) => ({ ...v, password: value }))}
          onAgain={(value) => setValues((v) => ({ ...v, passwordAgain: value }))}
          errors={{ password: errors.fields['password'], again: errors.fields['passwordAgain'] }}
          userInputs={[values.username, values.displayName]}
        />
        <DateField
          label={t.confidentialityDate}
          hint={`${t.confidentialityHint} ${messages.register.hints.date}.`}
          value={values.confidentialitySignedOn}
          onChange={(value) => setValues((v) => ({ ...v, confidentialitySignedOn: value }))}
          error={errors.fields['confidentialitySignedOn']}
        />
        <button className="button button--primary" type="submit" disabled={busy}>
          {busy ? t.creating : t.create}
        </button>
        <button type="button" className="link-button" onClick={() => setRestoring(true)}>
          {messages.backup.restore.firstRunLink}
        </button>
      </form>
    </main>
  );
}
