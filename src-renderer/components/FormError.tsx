// Turns an error from main (or the form's own validation) into per-field and form-level messages.
import { ApiError } from '../api';

export interface FormErrors {
  form?: string;
  fields: Record<string, string>;
}

export function toFormErrors(error: unknown, fallback: string): FormErrors {
  if (error instanceof ApiError) {
    const fields: Record<string, string> = {};
    for (const field of error.fields) fields[field.path] ??= field.message;
    return error.fields.length > 0 ? { fields } : { form: error.message, fields };
  }
  return { form: fallback, fields: {} };
}

export function FormAlert({ message }: { message?: string | undefined }) {
  if (!message) return null;
  return (
    <p className="form-alert" role="alert">
      {message}
    </p>
  );
}
