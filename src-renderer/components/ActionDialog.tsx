// A small form in a dialog: checks with a channel's schema, calls main, maps errors to fields.
import type { FormEvent, ReactNode } from 'react';
import { serverErrors } from './checkForm';
import { Dialog } from './Dialog';
import { FormAlert } from './FormError';
import { useSubmit } from './useSubmit';
import { useI18n } from '../i18n';

export function ActionDialog({
  title,
  intro,
  submitLabel,
  danger,
  codeFields,
  onClose,
  onSubmit,
  children,
}: {
  title: string;
  intro?: string | undefined;
  submitLabel: string;
  /** The submit button warns: the action cannot be undone (a permanent deletion). */
  danger?: boolean;
  /** Errors main tells by code that belong under a field: DATE_IN_FUTURE → the date's field. */
  codeFields?: Record<string, string>;
  onClose: () => void;
  /** Resolves to field errors to show, or null when done (the dialog then closes). */
  onSubmit: () => Promise<Record<string, string> | null>;
  children: (errors: Record<string, string>) => ReactNode;
}) {
  const { messages } = useI18n();
  const { busy, errors, setErrors, submit } = useSubmit({
    toErrors: (error, unexpected) => serverErrors(error, unexpected, codeFields ? { codeFields } : {}),
  });

  /** A field's error goes once the user changes that field (fields carry their names). */
  function clearFieldError(event: FormEvent<HTMLFormElement>) {
    const name = (event.target as HTMLInputElement).name;
    if (name && errors.fields[name]) {
      const { [name]: _cleared, ...rest } = errors.fields;
      setErrors({ ...errors, fields: rest });
    }
  }

  const send = (event: FormEvent) =>
    submit(event, async () => {
      const fields = await onSubmit();
      if (fields) setErrors({ fields });
      else onClose();
    });

  return (
    <Dialog title={title} onClose={onClose} wide>
      <form onSubmit={send} onChange={clearFieldError} noValidate aria-busy={busy}>
        {intro && <p className="muted">{intro}</p>}
        <FormAlert message={errors.form} />
        {children(errors.fields)}
        <div className="button-row">
          <button type="submit" className={`button ${danger ? 'button--danger' : 'button--primary'}`} disabled={busy}>
            {busy ? messages.register.common.saving : submitLabel}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {messages.register.common.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
