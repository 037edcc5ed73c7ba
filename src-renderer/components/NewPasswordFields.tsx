// A new password typed twice, with the strength meter: the same pair on the first-run screen, the
// recovery form and the password change card.
import { Field } from './Field';
import { StrengthMeter } from './StrengthMeter';

export function NewPasswordFields({
  labels,
  password,
  again,
  onPassword,
  onAgain,
  errors,
  userInputs,
}: {
  labels: { password: string; again: string; hint?: string };
  password: string;
  again: string;
  onPassword: (value: string) => void;
  onAgain: (value: string) => void;
  errors: { password?: string | undefined; again?: string | undefined };
  /** Words the password must not lean on (username, name). */
  userInputs: string[];
}) {
  return (
    <>
      <Field
        label={labels.password}
        {...(labels.hint ? { hint: labels.hint } : {})}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => onPassword(event.target.value)}
        error={errors.password}
        required
        after={<StrengthMeter password={password} userInputs={userInputs} />}
      />
      <Field
        label={labels.again}
        type="password"
        autoComplete="new-password"
        value={again}
        onChange={(event) => onAgain(event.target.value)}
        error={errors.again}
        required
      />
    </>
  );
}
