// The state of a form that sets a new password (first run, recovery, one's own change): its
// values, the checks (the channel's schema, and the two passwords that must match) and the call.
import { useState } from 'react';
import type { z } from 'zod';
import { useI18n } from '../i18n';
import { newPasswordFormErrors } from './NewPasswordFields';
import { useSubmit, type ToFormErrors } from './useSubmit';

export function useNewPasswordForm<V extends Record<string, string>, I>(options: {
  initial: V;
  /** The channel's input schema, checked before the form is sent. */
  schema: z.ZodType;
  /** The channel input made of the form's values. */
  toInput: (values: V) => I;
  /** The new password's field (named as in the input) and its repetition's (form only). */
  password: keyof V & string;
  again: keyof V & string;
  toErrors?: ToFormErrors;
}) {
  const { messages, language } = useI18n();
  const { password, again } = options;
  const [values, setValues] = useState(options.initial);
  const input = options.toInput(values);
  const form = useSubmit({
    check: () =>
      newPasswordFormErrors(options.schema, input, language, {
        password: values[password] ?? '',
        again: values[again] ?? '',
        againField: again,
        mismatch: messages.firstRun.passwordsDiffer,
      }),
    ...(options.toErrors ? { toErrors: options.toErrors } : {}),
  });
  const setValue = (name: keyof V, value: string) => setValues((current) => ({ ...current, [name]: value }));
  return {
    ...form,
    values,
    input,
    /** Empties the form after a change that went through. */
    reset: () => setValues(options.initial),
    setValue,
    /** A text field's value, onChange and error (its name as in the channel input). */
    field: (name: keyof V & string) => ({
      value: values[name] ?? '',
      onChange: (event: { target: { value: string } }) => setValue(name, event.target.value),
      error: form.errors.fields[name],
    }),
    /** The props of the NewPasswordFields pair, but for labels and user inputs. */
    pair: {
      password: values[password] ?? '',
      again: values[again] ?? '',
      onPassword: (value: string) => setValue(password, value),
      onAgain: (value: string) => setValue(again, value),
      errors: { password: form.errors.fields[password], again: form.errors.fields[again] },
    },
  };
}
