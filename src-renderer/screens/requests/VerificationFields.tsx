// How a requester's identity was confirmed: one of the means as radio buttons, and a note that
// "another way" needs. Used when confirming identity and, optionally, when recording a request.
import { useId } from 'react';
import { VERIFICATION_MEANS, type VerificationMeans } from '../../../src-shared/vocabulary';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n';

export interface VerificationValues {
  /** '' when nothing is chosen (or, where offered, "confirm later"). */
  means: VerificationMeans | '';
  note: string;
}

/** Field errors by name: 'means' when none is chosen, 'note' when "another way" has no note. */
export function verificationErrors(
  values: VerificationValues,
  messages: { meansRequired: string; noteRequired: string },
  meansRequired: boolean,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (meansRequired && !values.means) errors['means'] = messages.meansRequired;
  if (values.means === 'other' && !values.note.trim()) errors['note'] = messages.noteRequired;
  return errors;
}

/** The contract's shape, or undefined for "confirm later". */
export function verificationInput(values: VerificationValues) {
  if (!values.means) return undefined;
  const note = values.note.trim();
  return { means: values.means, ...(note ? { note } : {}) };
}

export function VerificationFields({
  values,
  onChange,
  errors,
  laterLabel,
  legend,
}: {
  values: VerificationValues;
  onChange: (next: VerificationValues) => void;
  errors: Record<string, string | undefined>;
  /** When given, a first choice that leaves the identity to be confirmed later. */
  laterLabel?: string;
  legend?: string;
}) {
  const { messages } = useI18n();
  const t = messages.requests.verification;
  const id = useId();
  const options: Array<[VerificationMeans | '', string]> = [
    ...(laterLabel ? [['', laterLabel] as [VerificationMeans | '', string]] : []),
    ...VERIFICATION_MEANS.map((means): [VerificationMeans, string] => [means, t.means[means] ?? means]),
  ];
  const meansError = errors['means'];
  return (
    <>
      <fieldset
        className={`plain-fieldset verification-means${meansError ? ' field--invalid' : ''}`}
        aria-describedby={meansError ? `${id}-error` : undefined}
      >
        <legend className="field__label">{legend ?? t.legend}</legend>
        {options.map(([means, label], index) => (
          <label key={means || 'later'} className="checkbox">
            <input
              type="radio"
              name="means"
              value={means}
              checked={values.means === means}
              // The first radio carries the error state, so a failed save can focus the group.
              aria-invalid={meansError && index === 0 ? true : undefined}
              onChange={() => onChange({ ...values, means })}
            />
            <span>{label}</span>
          </label>
        ))}
        {meansError && (
          <p id={`${id}-error`} className="field__error" role="alert">
            {meansError}
          </p>
        )}
      </fieldset>
      <Field
        label={t.note}
        name="note"
        hint={t.noteHint}
        value={values.note}
        maxLength={500}
        autoComplete="off"
        required={values.means === 'other'}
        onChange={(event) => onChange({ ...values, note: event.target.value })}
        error={errors['note']}
      />
    </>
  );
}
