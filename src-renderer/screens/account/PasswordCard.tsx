// Changing one's own password: main re-seals this user's key; nobody else is affected.
import { useState, type FormEvent } from 'react';
import { contract } from '../../../src-shared/contract';
import { invoke } from '../../api';
import type { SessionInfo } from '../../app/types';
import { Field } from '../../components/Field';
import { FormAlert, toFormErrors } from '../../components/FormError';
import { NewPasswordFields, newPasswordFormErrors } from '../../components/NewPasswordFields';
import { useFormErrors } from '../../components/useFormErrors';
import { useI18n } from '../../i18n';

const EMPTY = { currentPassword: '', newPassword: '', again: '' };

/**
 * `onChanged`: called after a successful change (the forced change after an owner's reset moves
 * on to the register then). `heading` and `intro` replace the card's own for that case.
 */
export function PasswordCard({
  session,
  onChanged,
  heading,
  intro,
}: {
  session: SessionInfo;
  onChanged?: () => void;
  heading?: string;
  intro?: string;
}) {
  const { messages, language } = useI18n();
  const t = messages.account;
  const [values, setValues] = useState(EMPTY);
  const input = { currentPassword: values.currentPassword, newPassword: values.newPassword };
  const { errors, checkAll, setFromMain } = useFormErrors(() =>
    newPasswordFormErrors(contract['users.changeOwnPassword'].input, input, language, {
      password: values.newPassword,
      again: values.again,
      againField: 'again',
      mismatch: messages.firstRun.passwordsDiffer,
    }),
  );
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const set = (name: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (!checkAll()) return;
    setBusy(true);
    try {
      await invoke('users.changeOwnPassword', input);
      setValues(EMPTY);
      setDone(true);
      onChanged?.();
    } catch (error) {
      setFromMain(toFormErrors(error, messages.unexpected));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="password-title">
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <h2 id="password-title">{heading ?? t.title}</h2>
        <p>{intro ?? t.intro}</p>
        <FormAlert message={errors.form} />
        {/* Lets password managers pair the new password with the account. */}
        <input type="text" autoComplete="username" value={session.user.username} readOnly hidden />
        <Field
          label={t.current}
          type="password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={errors.fields['currentPassword']}
        />
        <NewPasswordFields
          labels={{ password: t.next, again: t.again }}
          password={values.newPassword}
          again={values.again}
          onPassword={(value) => setValues((v) => ({ ...v, newPassword: value }))}
          onAgain={(value) => setValues((v) => ({ ...v, again: value }))}
          errors={{ password: errors.fields['newPassword'], again: errors.fields['again'] }}
          userInputs={[session.user.username, session.user.displayName]}
        />
        <button type="submit" className="button" disabled={busy}>
          {t.submit}
        </button>
        <p role="status" className="ok">
          {done ? t.done : ''}
        </p>
      </form>
    </section>
  );
}
