// A form's field errors that go away as the user fixes the field: errors from the form's own check
// are re-checked on every render and dropped once their field passes (a new one shows only on
// submit); errors from main stay until the next submit.
import { useState } from 'react';
import type { FormErrors } from './FormError';

export function useFormErrors(check: () => Record<string, string>) {
  const [checked, setChecked] = useState<string[]>([]);
  const [fromMain, setFromMain] = useState<FormErrors>({ fields: {} });
  const now = checked.length > 0 ? check() : {};
  const live = Object.fromEntries(checked.filter((key) => now[key] !== undefined).map((key) => [key, now[key]!]));
  const errors: FormErrors = { ...fromMain, fields: { ...fromMain.fields, ...live } };
  return {
    errors,
    /** Checks the whole form as it is sent; true when it may be sent. */
    checkAll(): boolean {
      const fields = check();
      setChecked(Object.keys(fields));
      setFromMain({ fields: {} });
      return Object.keys(fields).length === 0;
    },
    /** What main answered (a form-level message or fields). */
    setFromMain,
  };
}
