// Login with a user picker (users who have logged in here), a way to the recovery key, and
// restoring the register from a backup.
import { useId, useState, type FormEvent } from 'react';
import { invoke } from '../../api';
import type { SessionInfo } from '../../app/types';
import { Field } from '../../components/Field';
import { FormAlert } from '../../components/FormError';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { RecoverForm } from './RecoverForm';
import { RestoreForm } from './RestoreForm';
import { recentUsers, rememberUser } from './recent-users';

const OTHER = '';

export function LoginScreen({
  onLoggedIn,
  notice,
}: {
  /** `resume`: false when the login was a recovery, which starts afresh at home. */
  onLoggedIn: (session: SessionInfo, how: { resume: boolean }) => void;
  notice?: string | undefined;
}) {
  const { messages } = useI18n();
  const t = messages.login;
  const [known] = useState(recentUsers);
  const [picked, setPicked] = useState(known[0] ?? OTHER);
  const [typed, setTyped] = useState('');
  const [password, setPassword] = useState('');
  const { busy, errors, run } = useSubmit();
  const [recovering, setRecovering] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [restored, setRestored] = useState(false);
  const pickerId = useId();

  const loggedIn = (session: SessionInfo, resume = true) => {
    rememberUser(session.user.username);
    onLoggedIn(session, { resume });
  };

  if (recovering)
    return <RecoverForm onRecovered={(session) => loggedIn(session, false)} onBack={() => setRecovering(false)} />;
  if (restoring)
    return (
      <RestoreForm
        registerExists
        backLabel={messages.backup.restore.back}
        onBack={() => setRestoring(false)}
        onRestored={() => {
          setRestoring(false);
          setRestored(true);
          setPassword('');
        }}
      />
    );
  const shownNotice = restored ? messages.backup.restore.loginNotice : notice;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await run(async () => loggedIn(await invoke('session.login', { username: picked || typed, password })));
    if (!ok) setPassword('');
  }

  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={submit} noValidate aria-busy={busy}>
        <div className="auth-card__top">
          <p className="brand">{messages.appName}</p>
          <LanguageSwitch />
        </div>
        <h1>{t.title}</h1>
        {shownNotice && (
          <p className="notice" role="status">
            {shownNotice}
          </p>
        )}
        <FormAlert message={errors.form} />
        {known.length > 0 && (
          <div className="field">
            <label htmlFor={pickerId}>{t.user}</label>
            <select id={pickerId} value={picked} onChange={(event) => setPicked(event.target.value)}>
              {known.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
              <option value={OTHER}>{t.otherUser}</option>
            </select>
          </div>
        )}
        {picked === OTHER && (
          <Field
            label={t.username}
            autoComplete="username"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            error={errors.fields['username']}
            required
          />
        )}
        <Field
          label={t.password}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.fields['password']}
          required
          autoFocus={known.length > 0}
        />
        <button className="button button--primary" type="submit" disabled={busy}>
          {busy ? t.submitting : t.submit}
        </button>
        <button type="button" className="link-button" onClick={() => setRecovering(true)}>
          {t.forgot}
        </button>
        <button type="button" className="link-button" onClick={() => setRestoring(true)}>
          {messages.backup.restore.link}
        </button>
      </form>
    </main>
  );
}
