// One section of the settings screen as its own form: its fields, its Save button, its errors and
// its "Saved." A section saves only its own part of the settings, so two sections never overwrite
// each other. Unsaved changes make leaving ask first (app/unsavedChanges).
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { serverErrors } from '../../components/checkForm';
import { FormAlert } from '../../components/FormError';
import { useSubmit } from '../../components/useSubmit';
import { useUnsavedChanges } from '../../app/unsavedChanges';
import { useI18n } from '../../i18n';

export function SectionForm({
  id,
  title,
  intro,
  canEdit,
  onSubmit,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  canEdit: boolean;
  /** Resolves to field errors to show, or null when saved. */
  onSubmit: () => Promise<Record<string, string> | null>;
  children: (errors: Record<string, string>, changed: () => void) => ReactNode;
}) {
  const { messages } = useI18n();
  const t = messages.settings;
  const { busy, errors, setErrors, run } = useSubmit({
    toErrors: (error, unexpected) => serverErrors(error, unexpected, { prefix: 'notice' }),
  });
  const [saved, setSaved] = useState(false);
  const [unsaved, setUnsaved] = useState(false);
  const [failedSaves, setFailedSaves] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (failedSaves > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failedSaves]);

  /** Resolves true when saved; false when errors are shown instead. */
  async function save(): Promise<boolean> {
    const ok = await run(async () => {
      const fields = await onSubmit();
      if (fields) setErrors({ form: t.errorsTitle, fields });
      return !fields;
    });
    if (ok) {
      setSaved(true);
      setUnsaved(false);
    } else setFailedSaves((count) => count + 1);
    return ok;
  }
  useUnsavedChanges(canEdit && unsaved, save);

  function submit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  const changed = () => {
    setSaved(false);
    setUnsaved(true);
  };
  return (
    <form
      ref={formRef}
      id={id}
      className="card settings-section"
      aria-labelledby={`${id}-title`}
      onSubmit={submit}
      onChange={changed}
      noValidate
      aria-busy={busy}
    >
      <h2 id={`${id}-title`} tabIndex={-1}>
        {title}
      </h2>
      {intro && <p className="muted">{intro}</p>}
      <FormAlert message={errors.form} />
      {children(errors.fields, changed)}
      {canEdit && (
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t.saving : t.save}
          </button>
          <span role="status" className="ok">
            {saved ? t.saved : ''}
          </span>
        </div>
      )}
    </form>
  );
}
