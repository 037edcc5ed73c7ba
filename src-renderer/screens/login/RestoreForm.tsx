// Restoring the register from a backup, before anyone logs in: main's file dialog picks the
// backup, its manifest shows what it holds, the owner opens it with the password or recovery key
// of that time, and main restores it (erasing again whoever the erasure ledgers list, keeping the
// current register aside). Then the owner logs in to the restored register as usual.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../src-main/ipc/contract';
import { ApiError, invoke } from '../../api';
import { serverErrors } from '../../components/checkForm';
import { Field } from '../../components/Field';
import { FormAlert, type FormErrors } from '../../components/FormError';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../i18n';
import { BackupContents } from './BackupContents';
import { recentUsers } from './recent-users';

type Manifest = NonNullable<ChannelOutput<'backup.chooseRestore'>>;
type Restored = ChannelOutput<'backup.restore'>;
type Method = 'password' | 'recoveryKey';

export function RestoreForm({
  registerExists,
  backLabel,
  onBack,
  onRestored,
}: {
  /** Whether a register is already on this computer (it is then kept aside, and the form says so). */
  registerExists: boolean;
  backLabel: string;
  onBack: () => void;
  onRestored: () => void;
}) {
  const { messages } = useI18n();
  const t = messages.backup.restore;
  const [manifest, setManifest] = useState<Manifest | null>(null);
  const [restored, setRestored] = useState<{ result: Restored; method: Method } | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [chooseProblem, setChooseProblem] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const contentsHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (manifest) contentsHeading.current?.focus();
  }, [manifest]);

  async function choose() {
    setChoosing(true);
    setChooseProblem(null);
    setCancelled(false);
    try {
      const picked = await invoke('backup.chooseRestore', {});
      setManifest(picked);
      setCancelled(picked === null);
    } catch (error) {
      setManifest(null);
      setChooseProblem(error instanceof ApiError ? error.message : messages.unexpected);
    } finally {
      setChoosing(false);
    }
  }

  if (restored) return <RestoreDone restored={restored.result} method={restored.method} onContinue={onRestored} />;

  return (
    <main className="auth-page">
      <section className="card auth-card auth-card--wide" aria-labelledby="restore-title">
        <div className="auth-card__top">
          <p className="brand">{messages.appName}</p>
          <LanguageSwitch />
        </div>
        <h1 id="restore-title">{t.title}</h1>
        <p className="lead">{t.intro}</p>
        <FormAlert message={chooseProblem ?? undefined} />
        {manifest === null ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void choose()}
            disabled={choosing}
            autoFocus
          >
            {choosing ? t.choosing : t.choose}
          </button>
        ) : (
          <>
            <BackupContents manifest={manifest} headingRef={contentsHeading} />
            <button type="button" className="link-button" onClick={() => void choose()} disabled={choosing}>
              {t.chooseOther}
            </button>
            <CredentialsForm key={manifest.file} registerExists={registerExists} onRestored={setRestored} />
          </>
        )}
        <p role="status" className="muted">
          {cancelled ? t.cancelled : ''}
        </p>
        <button type="button" className="link-button" onClick={onBack}>
          {backLabel}
        </button>
      </section>
    </main>
  );
}

function CredentialsForm({
  registerExists,
  onRestored,
}: {
  registerExists: boolean;
  onRestored: (restored: { result: Restored; method: Method }) => void;
}) {
  const { messages } = useI18n();
  const t = messages.backup.restore;
  const methodName = useId();
  const [method, setMethod] = useState<Method>('password');
  const [values, setValues] = useState({ username: recentUsers()[0] ?? '', password: '', recoveryKey: '' });
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const secret = method === 'password' ? 'password' : 'recoveryKey';
    const missing: Record<string, string> = {};
    if (!values.username.trim()) missing['username'] = messages.register.common.required;
    if (!values[secret].trim()) missing[secret] = messages.register.common.required;
    setErrors({ fields: missing });
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const username = values.username.trim();
      const result = await invoke(
        'backup.restore',
        method === 'password'
          ? { username, password: values.password }
          : { username, recoveryKey: values.recoveryKey.trim() },
      );
      onRestored({ result, method });
    } catch (error) {
      setErrors(
        error instanceof ApiError && error.code === 'FORBIDDEN'
          ? { form: t.ownerOnly, fields: {} }
          : serverErrors(error, messages.unexpected),
      );
      setValues((current) => ({ ...current, password: '', recoveryKey: '' }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={busy} aria-labelledby="restore-open-title">
      <h2 id="restore-open-title">{t.openWith}</h2>
      <p className="muted">{t.credentialsHint}</p>
      <FormAlert message={errors.form} />
      <fieldset className="choice-group">
        <legend className="visually-hidden">{t.openWith}</legend>
        {(['password', 'recoveryKey'] as const).map((option) => (
          <label key={option} className="checkbox checkbox--inline">
            <input
              type="radio"
              name={methodName}
              value={option}
              checked={method === option}
              onChange={() => {
                setMethod(option);
                setErrors({ fields: {} });
              }}
            />
            {option === 'password' ? t.withPassword : t.withRecoveryKey}
          </label>
        ))}
      </fieldset>
      <Field
        label={t.username}
        autoComplete="username"
        value={values.username}
        onChange={set('username')}
        error={errors.fields['username']}
        required
      />
      {method === 'password' ? (
        <Field
          label={t.password}
          type="password"
          autoComplete="current-password"
          value={values.password}
          onChange={set('password')}
          error={errors.fields['password']}
          required
        />
      ) : (
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
      )}
      {registerExists && <p className="notice">{t.replaceNote}</p>}
      <button className="button button--primary" type="submit" disabled={busy}>
        {busy ? t.submitting : t.submit}
      </button>
    </form>
  );
}

function RestoreDone({ restored, method, onContinue }: { restored: Restored; method: Method; onContinue: () => void }) {
  const { messages, format } = useI18n();
  const t = messages.backup.restore;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const erased =
    restored.erasedAgain === 0
      ? t.erasedNone
      : restored.erasedAgain === 1
        ? t.erasedOne
        : format(t.erasedMany, { count: restored.erasedAgain });
  return (
    <main className="auth-page">
      <section className="card auth-card" aria-labelledby="restored-title">
        <h1 id="restored-title" ref={heading} tabIndex={-1}>
          {t.doneTitle}
        </h1>
        <p className="ok">{t.done}</p>
        <p data-testid="erased-again">{erased}</p>
        {restored.erasedAgain > 0 && <p className="muted">{t.erasedWhy}</p>}
        {restored.keptAside && <p>{t.keptAside}</p>}
        <p>{t.passwordsThen}</p>
        {method === 'recoveryKey' && <p>{t.forgotThen}</p>}
        <button type="button" className="button button--primary" onClick={onContinue}>
          {t.toLogin}
        </button>
      </section>
    </main>
  );
}
