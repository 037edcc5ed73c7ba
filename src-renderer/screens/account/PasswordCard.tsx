// Changing one's own password: main re-seals this user's key; nobody else is affected.
import { useState, type FormEvent } from 'react';
import { contract } from '../../../src-shared/contract';
import { invoke } from '../../api';
import type { SessionInfo } from '../../app/types';
import { Field } from '../../components/Field';
import { FormAlert } from '../../components/FormError';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { useNewPasswordForm } from '../../components/useNewPasswordForm';
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
  const { messages } = useI18n();
  const t = messages.account;
  const { input, field, pair, busy, errors, submit, reset } = useNewPasswordForm({
    initial: EMPTY,
    schema: contract['users.changeOwnPassword'].input,
    toInput: (v) => ({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    password: 'newPassword',
    again: 'again',
  });
  const [done, setDone] = useState(false);

  function change(event: FormEvent) {
    setDone(false);
    submit(event, async () => {
      await invoke('users.changeOwnPassword', input);
      reset();
      setDone(true);
      onChanged?.();
    });
  }

  return (
    <section className="card" aria-labelledby="password-title">
      <form onSubmit={change} noValidate aria-busy={busy}>
        <h2 id="password-title">{heading ?? t.title}</h2>
        <p>{intro ?? t.intro}</p>
        <FormAlert message={errors.form} />
        {/* Lets password managers pair the new password with the account. */}
        <input type="text" autoComplete="username" value={session.user.username} readOnly hidden />
        <Field label={t.current} type="password" autoComplete="current-password" {...field('currentPassword')} />
        <NewPasswordFields
          labels={{ password: t.next, again: t.again }}
          {...pair}
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
