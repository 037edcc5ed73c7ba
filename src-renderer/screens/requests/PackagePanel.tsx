// Access and portability: main writes the subject's data package to a folder the user picks in the
// system dialog (a USB stick), optionally as an AES-256 zip; the folder and files are shown after.
import { useId, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { isStrongPassword } from '../../../src-shared/password-policy';
import { invoke } from '../../api';
import { serverErrors } from '../../components/checkForm';
import { Field } from '../../components/Field';
import { fileSize } from '../../components/format';
import { StrengthMeter } from '../../components/StrengthMeter';
import type { FormErrors } from '../../components/FormError';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import type { RequestView } from './parts';

type Written = NonNullable<ChannelOutput<'requests.exportPackage'>>;

export function PackagePanel({ request }: { request: RequestView }) {
  const { messages } = useI18n();
  const t = messages.requests.package;
  const living = request.subjects.filter((subject) => subject.name !== null);
  return (
    <section className="subpanel" aria-labelledby="package-title">
      <h3 id="package-title">{t.title}</h3>
      <p className="muted">{t.intro}</p>
      {living.map((subject) => (
        <PackageForm key={subject.personId} request={request} subject={subject} several={living.length > 1} />
      ))}
    </section>
  );
}

function PackageForm({
  request,
  subject,
  several,
}: {
  request: RequestView;
  subject: RequestView['subjects'][number];
  several: boolean;
}) {
  const { messages, format, language } = useI18n();
  const t = messages.requests.package;
  const id = useId();
  const [password, setPassword] = useState('');
  const { busy, errors, setErrors, submit } = useSubmit({ toErrors: serverErrors });
  const error = errors.fields['password'];
  const problem = errors.form;
  const setError = (message: string | undefined) =>
    setErrors((current) => ({ ...current, fields: message ? { password: message } : {} }) as FormErrors);
  const [result, setResult] = useState<Written | 'cancelled' | null>(null);
  const name = subject.name ?? '';
  const userInputs = [...name.split(' '), subject.email ?? ''];

  function write(event: FormEvent) {
    event.preventDefault();
    if (password && !isStrongPassword(password, userInputs)) return setError(t.passwordWeak);
    submit(event, async () => {
      const written = await invoke('requests.exportPackage', {
        id: request.id,
        personId: subject.personId,
        ...(password ? { password } : {}),
      });
      setResult(written ?? 'cancelled');
      if (written) setPassword('');
    });
  }

  return (
    <form className="package-form" onSubmit={write} noValidate aria-busy={busy} aria-labelledby={`${id}-title`}>
      {several ? (
        <h4 id={`${id}-title`}>{format(t.writeFor, { name })}</h4>
      ) : (
        <span id={`${id}-title`} className="visually-hidden">
          {format(t.writeFor, { name })}
        </span>
      )}
      <Field
        label={t.password}
        hint={t.passwordHint}
        type="password"
        autoComplete="new-password"
        className="wide-input"
        value={password}
        maxLength={200}
        onChange={(event) => {
          setPassword(event.target.value);
          setError(undefined);
        }}
        error={error}
        after={password ? <StrengthMeter password={password} userInputs={userInputs} /> : null}
      />
      {problem && (
        <p className="form-alert" role="alert">
          {problem}
        </p>
      )}
      <div className="button-row">
        {/* Once written, marking the request done is the next thing: this one steps back. */}
        <button
          type="submit"
          className={result !== null && result !== 'cancelled' ? 'button' : 'button button--primary'}
          disabled={busy}
        >
          {busy ? t.writing : t.write}
        </button>
      </div>
      <div role="status">
        {result === 'cancelled' && <p className="muted">{t.cancelled}</p>}
        {result !== null && result !== 'cancelled' && (
          <div className="package-written">
            <p className="ok">
              {t.written}: <code>{result.folder}</code>
            </p>
            <table className="table package-files">
              <thead>
                <tr>
                  <th scope="col">{t.file}</th>
                  <th scope="col" className="num">
                    {t.size}
                  </th>
                  <th scope="col">{t.checksum}</th>
                </tr>
              </thead>
              <tbody>
                {result.files.map((file) => (
                  <tr key={file.name}>
                    <td>{file.name}</td>
                    <td className="num nowrap">{fileSize(file.bytes, language)}</td>
                    <td>
                      <code>{file.sha256}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </form>
  );
}
