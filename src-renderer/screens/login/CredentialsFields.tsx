// A username with a password or the recovery key, as one group of a form: the restore form asks for
// two (the owner of the register in place, and the backup's own when it opens with another).
import { useId } from 'react';
import { Field } from '../../components/Field';

export type Method = 'password' | 'recoveryKey';
export interface CredentialValues {
  method: Method;
  username: string;
  password: string;
  recoveryKey: string;
}

export const credentialsOf = (values: CredentialValues) =>
  values.method === 'password'
    ? { username: values.username.trim(), password: values.password }
    : { username: values.username.trim(), recoveryKey: values.recoveryKey.trim() };

export interface CredentialLabels {
  legend: string;
  hint: string;
  withPassword: string;
  withRecoveryKey: string;
  username: string;
  password: string;
  recoveryKey: string;
}

export function CredentialsFields({
  labels,
  values,
  onChange,
  errors,
}: {
  labels: CredentialLabels;
  values: CredentialValues;
  onChange: (values: CredentialValues) => void;
  /** Messages by field: username, password, recoveryKey. */
  errors: Record<string, string | undefined>;
}) {
  const methodName = useId();
  const set = (name: keyof CredentialValues) => (event: { target: { value: string } }) =>
    onChange({ ...values, [name]: event.target.value });
  return (
    <fieldset className="form-section">
      <legend>{labels.legend}</legend>
      <p className="muted">{labels.hint}</p>
      <div className="choice-group" role="radiogroup" aria-label={labels.legend}>
        {(['password', 'recoveryKey'] as const).map((option) => (
          <label key={option} className="checkbox checkbox--inline">
            <input
              type="radio"
              name={methodName}
              value={option}
              checked={values.method === option}
              onChange={() => onChange({ ...values, method: option })}
            />
            {option === 'password' ? labels.withPassword : labels.withRecoveryKey}
          </label>
        ))}
      </div>
      <Field
        label={labels.username}
        autoComplete="username"
        value={values.username}
        onChange={set('username')}
        error={errors['username']}
        required
      />
      {values.method === 'password' ? (
        <Field
          label={labels.password}
          type="password"
          autoComplete="current-password"
          value={values.password}
          onChange={set('password')}
          error={errors['password']}
          required
        />
      ) : (
        <Field
          label={labels.recoveryKey}
          className="mono"
          autoComplete="off"
          spellCheck={false}
          value={values.recoveryKey}
          onChange={set('recoveryKey')}
          error={errors['recoveryKey']}
          required
        />
      )}
    </fieldset>
  );
}

/** Blank required fields of a group, keyed `<prefix>.<field>`. */
export function missingIn(values: CredentialValues, prefix: string, required: string): Record<string, string> {
  const missing: Record<string, string> = {};
  if (!values.username.trim()) missing[`${prefix}.username`] = required;
  if (!values[values.method].trim()) missing[`${prefix}.${values.method}`] = required;
  return missing;
}
