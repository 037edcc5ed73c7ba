// One retention rule as the owner tunes it: on/off, years, which kinds, delete or anonymise,
// approve each deletion or let it happen automatically.
import { useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../src-main/ipc/contract';
import { invoke } from '../../api';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/FormFields';
import { serverErrors } from '../../components/checkForm';
import { FormAlert, type FormErrors } from '../../components/FormError';
import { useLabel, type Lists } from '../../components/useLists';
import { useI18n } from '../../i18n';

type Policy = ChannelOutput<'retention.policies'>[number];

export function PolicyCard({
  policy,
  lists,
  onSaved,
}: {
  policy: Policy;
  lists: Lists | null;
  onSaved: (p: Policy[]) => void;
}) {
  const { messages, format } = useI18n();
  const t = messages.retention;
  const label = useLabel();
  const [draft, setDraft] = useState({ ...policy, years: String(policy.years) });
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [saved, setSaved] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const years = Number(draft.years);
    if (!Number.isInteger(years) || years < 1 || years > 100) {
      return setErrors({ fields: { years: messages.register.common.required } });
    }
    try {
      onSaved(
        await invoke('retention.updatePolicy', {
          rule: policy.rule,
          years,
          kindKeys: draft.kindKeys,
          action: draft.action,
          mode: draft.mode,
          active: draft.active,
        }),
      );
      setErrors({ fields: {} });
      setSaved(true);
    } catch (error) {
      setErrors(serverErrors(error, messages.unexpected));
    }
  }

  const toggleKind = (key: string) =>
    setDraft((d) => ({
      ...d,
      kindKeys: d.kindKeys.includes(key) ? d.kindKeys.filter((k) => k !== key) : [...d.kindKeys, key],
    }));
  const title = format(t.rules[policy.rule] ?? policy.rule, { years: draft.years || '…' });

  return (
    <form className="policy" onSubmit={save} noValidate aria-label={t.ruleShort[policy.rule] ?? policy.rule}>
      <label className="checkbox policy__title">
        <input
          type="checkbox"
          checked={draft.active}
          onChange={(e) => setDraft((d) => ({ ...d, active: e.target.checked }))}
        />
        <strong>{title}</strong>
      </label>
      <FormAlert message={errors.form} />
      <div className="policy__fields">
        <Field
          label={t.years}
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          className="narrow"
          value={draft.years}
          onChange={(e) => setDraft((d) => ({ ...d, years: e.target.value }))}
          error={errors.fields['years']}
        />
        <SelectField
          label={t.action}
          value={draft.action}
          onChange={(e) => setDraft((d) => ({ ...d, action: e.target.value as Policy['action'] }))}
        >
          <option value="delete">{t.actions['delete']}</option>
          <option value="anonymise">{t.actions['anonymise']}</option>
        </SelectField>
        <SelectField
          label={t.mode}
          value={draft.mode}
          onChange={(e) => setDraft((d) => ({ ...d, mode: e.target.value as Policy['mode'] }))}
        >
          <option value="review">{t.modes['review']}</option>
          <option value="automatic">{t.modes['automatic']}</option>
        </SelectField>
      </div>
      {lists && (
        <fieldset className="policy__kinds">
          <legend>
            {t.kinds}: {draft.kindKeys.length === 0 ? t.allKinds : ''}
          </legend>
          {lists.kinds.map((kind) => (
            <label key={kind.key} className="checkbox checkbox--inline">
              <input
                type="checkbox"
                checked={draft.kindKeys.includes(kind.key)}
                onChange={() => toggleKind(kind.key)}
              />
              {label(kind)}
            </label>
          ))}
        </fieldset>
      )}
      <div className="button-row">
        <button type="submit" className="button">
          {t.savePolicy}
        </button>
        <span role="status" className="ok">
          {saved ? t.saved : ''}
        </span>
      </div>
    </form>
  );
}
