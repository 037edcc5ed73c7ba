// Saved views: the built-in ones (names from the i18n layer) and those users saved in the register.
import { useState, type FormEvent } from 'react';
import { contract } from '../../../src-shared/contract';
import { checkForm, serverErrors } from '../../components/checkForm';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormAlert, type FormErrors } from '../../components/FormError';
import { SelectField } from '../../components/FormFields';
import { useI18n } from '../../i18n';
import { BUILTIN_VIEWS, hasFilters, type ContactsState, type SavedView } from './query';

export function ViewPicker({
  state,
  savedViews,
  canWrite,
  onApply,
  onSave,
  onDelete,
}: {
  state: ContactsState;
  savedViews: SavedView[];
  canWrite: boolean;
  onApply: (view: string) => void;
  onSave: (name: string) => Promise<void>;
  onDelete: (name: string) => void;
}) {
  const { messages } = useI18n();
  const t = messages.register.contacts;
  const [saving, setSaving] = useState(false);
  const custom = state.view === '' && (hasFilters(state.filters) || state.text.trim() !== '' || !!state.sort);
  const savedName = state.view.startsWith('saved:') ? state.view.slice('saved:'.length) : null;

  return (
    <div className="view-picker">
      <SelectField label={t.view} value={custom ? 'custom' : state.view} onChange={(e) => onApply(e.target.value)}>
        <option value="">{t.allPersons}</option>
        {custom && (
          <option value="custom" disabled>
            {t.customView}
          </option>
        )}
        <optgroup label={t.builtinViews}>
          {BUILTIN_VIEWS.map((view) => (
            <option key={view.id} value={`builtin:${view.id}`}>
              {t.views[view.id]}
            </option>
          ))}
        </optgroup>
        {savedViews.length > 0 && (
          <optgroup label={t.savedViews}>
            {savedViews.map((view) => (
              <option key={view.name} value={`saved:${view.name}`}>
                {view.name}
              </option>
            ))}
          </optgroup>
        )}
      </SelectField>
      {canWrite && (
        <div className="view-picker__actions">
          <button type="button" className="button button--small" onClick={() => setSaving(true)}>
            {t.saveView}
          </button>
          {savedName !== null && (
            <button type="button" className="button button--small" onClick={() => onDelete(savedName)}>
              {t.deleteView}
            </button>
          )}
        </div>
      )}
      {saving && (
        <SaveViewDialog
          initialName={savedName ?? ''}
          onClose={() => setSaving(false)}
          onSave={async (name) => {
            await onSave(name);
            setSaving(false);
          }}
        />
      )}
    </div>
  );
}

function SaveViewDialog({
  initialName,
  onSave,
  onClose,
}: {
  initialName: string;
  onSave: (name: string) => Promise<void>;
  onClose: () => void;
}) {
  const { messages, language } = useI18n();
  const t = messages.register;
  const [name, setName] = useState(initialName);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });

  async function submit(event: FormEvent) {
    event.preventDefault();
    // The name rule is the one 'views.save' and 'views.delete' share.
    const checked = checkForm(contract['views.delete'].input, { name }, language, {
      requiredMessage: t.common.required,
    });
    if (!checked.ok) return setErrors({ fields: checked.fields });
    try {
      await onSave(name.trim());
    } catch (error) {
      setErrors(serverErrors(error, messages.unexpected));
    }
  }

  return (
    <Dialog title={t.contacts.saveViewTitle} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p className="muted">{t.contacts.saveViewIntro}</p>
        <FormAlert message={errors.form} />
        <Field
          label={t.contacts.viewName}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.fields['name']}
          autoFocus
          maxLength={80}
        />
        <div className="button-row">
          <button type="submit" className="button button--primary">
            {t.common.save}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t.common.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
