// A new password typed twice, with the strength meter: the same pair on the first-run screen, the
// recovery form and the password change card.
import type { z } from 'zod';
import { validate } from '../../src-shared/contract';
import type { Language } from '../i18n';
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

/**
 * A new-password form's field errors: the channel's own schema, plus the two passwords that must
 * match (which only the form knows about). Empty when the form may be sent.
 */
export function newPasswordFormErrors(
  schema: z.ZodType,
  input: unknown,
  language: Language,
  pair: { password: string; again: string; againField: string; mismatch: string },
): Record<string, string> {
  const checked = validate(schema, input, language);
  const fields: Record<string, string> = {};
  if (!checked.ok) for (const issue of checked.fields) fields[issue.path] ??= issue.message;
  if (pair.password !== pair.again) fields[pair.againField] = pair.mismatch;
  return fields;
}
