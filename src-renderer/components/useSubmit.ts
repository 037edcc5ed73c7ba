// One form's (or button's) call to main: busy while it runs, one at a time, and what went wrong as
// field errors and a form-level message in the user's language. With `check`, the form's own
// field check runs first and its errors clear live as the user fixes them (see useFormErrors).
import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { errorText, logUnexpected } from './useChannel';
import { toFormErrors, type FormErrors } from './FormError';
import { useFormErrors } from './useFormErrors';

export type ToFormErrors = (error: unknown, unexpected: string) => FormErrors;

/** For a call with no fields: main's message (or `unexpected`) as the form-level message only. */
export const messageOnly: ToFormErrors = (error, unexpected) => ({ form: errorText(error, unexpected), fields: {} });

const noCheck = () => ({});

export function useSubmit({
  check = noCheck,
  toErrors = toFormErrors,
}: { check?: () => Record<string, string>; toErrors?: ToFormErrors } = {}) {
  const { messages } = useI18n();
  const { errors, checkAll, setFromMain } = useFormErrors(check);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);

  /**
   * Checks the form, then runs `action`; true when it went through. The action may return false
   * for a refusal it has shown itself (field errors from `setErrors`).
   */
  async function run(action: () => Promise<boolean | void>): Promise<boolean> {
    // A second click or Enter while the first call runs does nothing (the state updates too late).
    if (running.current || !checkAll()) return false;
    running.current = true;
    setBusy(true);
    try {
      return (await action()) !== false;
    } catch (error) {
      logUnexpected(error);
      setFromMain(toErrors(error, messages.unexpected));
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }

  return {
    busy,
    errors,
    /** Errors the screen finds itself (or clears); replaced on the next run. */
    setErrors: setFromMain,
    run,
    /** A form's onSubmit: no page load, then `run`. */
    submit(event: FormEvent, action: () => Promise<boolean | void>): void {
      event.preventDefault();
      void run(action);
    },
  };
}
