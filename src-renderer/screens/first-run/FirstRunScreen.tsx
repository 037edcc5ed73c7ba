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
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { useNewPasswordForm } from '../../components/useNewPasswordForm';
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
  const { messages } = useI18n();
  const t = messages.firstRun;
  const { values, input, field, setValue, pair, busy, errors, submit } = useNewPasswordForm({
    initial: { username: '', displayName: '', confidentialitySignedOn: '', password: '', passwordAgain: '' },
    schema: contract['register.create'].input,
    toInput: (v) => ({
      username: v.username,
      displayName: v.displayName,
      password: v.password,
      confidentialitySignedOn: v.confidentialitySignedOn || null,
    }),
    password: 'password',
    again: 'passwordAgain',
    toErrors: (error, unexpected) =>
      serverErrors(error, unexpected, { codeFields: { DATE_IN_FUTURE: 'confidentialitySignedOn' } }),
  });
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

  const create = (event: FormEvent) => submit(event, async () => setCreated(await invoke('register.create', input)));

  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={create} noValidate aria-busy={busy}>
        <h1>{t.title}</h1>
        <p className="lead">{t.intro}</p>
        <FormAlert message={errors.form} />
        <Field label={t.displayName} autoComplete="name" {...field('displayName')} required />
        <Field label={t.username} hint={t.usernameHint} autoComplete="username" {...field('username')} required />
        <NewPasswordFields
          labels={{ password: t.password, again: t.passwordAgain, hint: t.passwordHint }}
          {...pair}
          userInputs={[values.username, values.displayName]}
        />
        <DateField
          label={t.confidentialityDate}
          hint={`${t.confidentialityHint} ${messages.register.hints.date}.`}
          value={values.confidentialitySignedOn}
          onChange={(value) => setValue('confidentialitySignedOn', value)}
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
