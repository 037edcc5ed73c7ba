// Restoring the register from a backup, before anyone logs in: main's file dialog picks the
// backup, its manifest shows what it holds, the owner of the register in place proves the right to
// replace it (and gives the backup's own password if it changed since), and main restores it
// (erasing again whoever the erasure ledgers list, removing again users removed since, keeping the
// current register aside until the owner confirms). Then the owner logs in as usual.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { ApiError, invoke } from '../../api';
import { serverErrors } from '../../components/checkForm';
import { FormAlert } from '../../components/FormError';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { BackupContents } from './BackupContents';
import { credentialsOf, CredentialsFields, missingIn, type CredentialValues, type Method } from './CredentialsFields';
import { recentUsers } from './recent-users';

type Manifest = NonNullable<ChannelOutput<'backup.chooseRestore'>>;
type Restored = ChannelOutput<'backup.restore'>;

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

const blank = (username = ''): CredentialValues => ({ method: 'password', username, password: '', recoveryKey: '' });

/**
 * Who may restore. Over a register in place: its owner (password or recovery key), and the
 * backup's own credentials only when it opens with others (the password was changed since).
 * With no register here (a new computer): the backup's credentials alone.
 */
function CredentialsForm({
  registerExists,
  onRestored,
}: {
  registerExists: boolean;
  onRestored: (restored: { result: Restored; method: Method }) => void;
}) {
  const { messages } = useI18n();
  const t = messages.backup.restore;
  const [live, setLive] = useState<CredentialValues>(() => blank(recentUsers()[0]));
  const [backup, setBackup] = useState<CredentialValues>(() => blank(registerExists ? '' : recentUsers()[0]));
  const [separate, setSeparate] = useState(!registerExists);
  const [askOther, setAskOther] = useState(false);
  const [replaceOther, setReplaceOther] = useState(false);
  const { busy, errors, setErrors, submit } = useSubmit({
    toErrors: (error, unexpected) =>
      error instanceof ApiError && error.code === 'FORBIDDEN'
        ? { form: t.ownerOnly, fields: {} }
        : serverErrors(error, unexpected),
  });
  const separateId = useId();
  const otherId = useId();

  const liveLabels = {
    legend: t.liveOwnerTitle,
    hint: t.liveOwnerHint,
    withPassword: t.withPassword,
    withRecoveryKey: t.withRecoveryKey,
    username: t.liveUsername,
    password: t.livePassword,
    recoveryKey: t.liveRecoveryKey,
  };
  const backupLabels = {
    legend: t.openWith,
    hint: t.credentialsHint,
    withPassword: t.withPassword,
    withRecoveryKey: t.withRecoveryKey,
    username: t.username,
    password: t.password,
    recoveryKey: t.recoveryKey,
  };
  const fieldErrors = (prefix: string) => ({
    username: errors.fields[`${prefix}.username`],
    password: errors.fields[`${prefix}.password`],
    recoveryKey: errors.fields[`${prefix}.recoveryKey`],
  });

  function restore(event: FormEvent) {
    event.preventDefault();
    const required = messages.register.common.required;
    const missing = {
      ...(registerExists ? missingIn(live, 'liveOwner', required) : {}),
      ...(separate ? missingIn(backup, 'backup', required) : {}),
    };
    if (Object.keys(missing).length > 0) return setErrors({ fields: missing });
    submit(event, async () => {
      try {
        const result = await invoke('backup.restore', {
          ...(registerExists ? { liveOwner: credentialsOf(live) } : {}),
          ...(separate ? { backup: credentialsOf(backup) } : {}),
          ...(askOther ? { replaceOtherRegister: replaceOther } : {}),
        });
        onRestored({ result, method: (separate ? backup : live).method });
      } catch (error) {
        // A refusal may open the backup's own credentials or the other-register question, and
        // never leaves a secret in the form; useSubmit then shows it.
        const code = error instanceof ApiError ? error.code : null;
        if (code === 'BACKUP_NEEDS_ITS_PASSWORD') setSeparate(true);
        if (code === 'BACKUP_OTHER_REGISTER') setAskOther(true);
        setLive((current) => ({ ...current, password: '', recoveryKey: '' }));
        setBackup((current) => ({ ...current, password: '', recoveryKey: '' }));
        throw error;
      }
    });
  }

  return (
    <form onSubmit={restore} noValidate aria-busy={busy} aria-labelledby="restore-open-title">
      <h2 id="restore-open-title" className="visually-hidden">
        {t.openWith}
      </h2>
      <FormAlert message={errors.form} />
      {registerExists && (
        <CredentialsFields labels={liveLabels} values={live} onChange={setLive} errors={fieldErrors('liveOwner')} />
      )}
      {registerExists && (
        <div className="checkbox-field">
          <label className="checkbox" htmlFor={separateId}>
            <input
              id={separateId}
              type="checkbox"
              checked={separate}
              onChange={(event) => setSeparate(event.target.checked)}
            />
            {t.separateCredentials}
          </label>
        </div>
      )}
      {separate && (
        <CredentialsFields labels={backupLabels} values={backup} onChange={setBackup} errors={fieldErrors('backup')} />
      )}
      {askOther && (
        <div className="checkbox-field notice">
          <p>{t.otherRegisterExplain}</p>
          <label className="checkbox" htmlFor={otherId}>
            <input
              id={otherId}
              type="checkbox"
              checked={replaceOther}
              onChange={(event) => setReplaceOther(event.target.checked)}
            />
            {t.otherRegisterConfirm}
          </label>
        </div>
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
        {restored.otherRegister && <p>{t.otherRegisterDone}</p>}
        <p data-testid="erased-again">{erased}</p>
        {restored.erasedAgain > 0 && <p className="muted">{t.erasedWhy}</p>}
        {restored.usersRemovedAgain.length > 0 && (
          <p data-testid="users-removed-again">
            {format(t.usersRemovedAgain, { names: restored.usersRemovedAgain.join(', ') })}
          </p>
        )}
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
