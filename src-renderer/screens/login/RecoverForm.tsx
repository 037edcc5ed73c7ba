// Opening the register with the recovery key: the owner sets a new password on the way in.
import type { FormEvent } from 'react';
import { contract } from '../../../src-shared/contract';
import { invoke } from '../../api';
import type { SessionInfo } from '../../app/types';
import { Field } from '../../components/Field';
import { FormAlert } from '../../components/FormError';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { useNewPasswordForm } from '../../components/useNewPasswordForm';
import { useI18n } from '../../i18n';

export function RecoverForm({
  onRecovered,
  onBack,
}: {
  onRecovered: (session: SessionInfo) => void;
  onBack: () => void;
}) {
  const { messages } = useI18n();
  const t = messages.recover;
  const { values, input, field, pair, busy, errors, submit } = useNewPasswordForm({
    initial: { recoveryKey: '', username: '', newPassword: '', again: '' },
    schema: contract['session.recover'].input,
    toInput: (v) => ({ recoveryKey: v.recoveryKey, username: v.username, newPassword: v.newPassword }),
    password: 'newPassword',
    again: 'again',
  });
  const recover = (event: FormEvent) => submit(event, async () => onRecovered(await invoke('session.recover', input)));

  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={recover} noValidate aria-busy={busy}>
        <h1>{t.title}</h1>
        <p className="lead">{t.intro}</p>
        <FormAlert message={errors.form} />
        <Field
          label={t.recoveryKey}
          className="mono"
          autoComplete="off"
          spellCheck={false}
          {...field('recoveryKey')}
          required
        />
        <Field label={t.username} autoComplete="username" {...field('username')} required />
        <NewPasswordFields
          labels={{ password: t.newPassword, again: t.newPasswordAgain }}
          {...pair}
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
