// Adding an entry to a log on the person view (a contact, an order): the Add button for whoever
// may write, and the dialog with its form, which starts afresh (dated today) each time it opens.
import { useState, type ReactNode } from 'react';
import { ActionDialog } from '../../components/ActionDialog';

/** The form's values while the dialog is open; `fresh` gives them each time it opens. */
export function useEntryForm<V extends Record<string, string>>(fresh: () => V) {
  const [values, setValues] = useState(fresh);
  const [adding, setAdding] = useState(false);
  const setValue = (key: keyof V, value: string) => setValues((current) => ({ ...current, [key]: value }));
  return {
    values,
    adding,
    setValue,
    /** A field's onChange. */
    set: (key: keyof V) => (event: { target: { value: string } }) => setValue(key, event.target.value),
    open() {
      setValues(fresh());
      setAdding(true);
    },
    close: () => setAdding(false),
  };
}

export function AddEntry({
  label,
  editable,
  form,
  onSubmit,
  children,
}: {
  /** The button's and the dialog's title. */
  label: string;
  editable: boolean;
  form: { adding: boolean; open: () => void; close: () => void };
  /** Resolves to field errors to show, or null when added. */
  onSubmit: () => Promise<Record<string, string> | null>;
  children: (errors: Record<string, string>) => ReactNode;
}) {
  return (
    <>
      {editable && (
        <div className="button-row">
          <button type="button" className="button" onClick={form.open}>
            {label}
          </button>
        </div>
      )}
      {form.adding && (
        <ActionDialog title={label} submitLabel={label} onClose={form.close} onSubmit={onSubmit}>
          {children}
        </ActionDialog>
      )}
    </>
  );
}
