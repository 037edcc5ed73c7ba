// One retention policy as the owner tunes it: on/off, the rule and its period (months or years),
// which groups, delete or anonymise, review or automatic; or a stated rule Kaappi does not enforce.
import { useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { Field } from '../../components/Field';
import { SelectField, TextAreaField } from '../../components/FormFields';
import { serverErrors } from '../../components/checkForm';
import { FormAlert, type FormErrors } from '../../components/FormError';
import { useLabel, type Lists } from '../../components/useLists';
import { useI18n } from '../../i18n';
import { periodText } from './period-text';

export type Policy = ChannelOutput<'retention.policies'>[number];

const RULES = ['inactive', 'passive_not_moved', 'after_end', 'prospect_not_converted'] as const;

/** A new policy's starting terms: switched off until the owner has set it as she means. */
export function newPolicy(kind: Policy['kind']): Policy {
  return {
    key: '',
    kind,
    rule: kind === 'enforced' ? 'inactive' : null,
    period: kind === 'enforced' ? { amount: 12, unit: 'months' } : null,
    kindKeys: [],
    action: 'delete',
    mode: 'review',
    active: kind === 'stated',
    text: kind === 'stated' ? { fi: '', en: '' } : null,
  };
}

export function PolicyCard({
  policy,
  lists,
  onSaved,
  onCancel,
}: {
  policy: Policy;
  lists: Lists | null;
  onSaved: (p: Policy[]) => void;
  /** Only for a policy not yet added. */
  onCancel?: () => void;
}) {
  const { messages, format } = useI18n();
  const t = messages.retention;
  const label = useLabel();
  const isNew = policy.key === '';
  const [draft, setDraft] = useState({ ...policy, amount: String(policy.period?.amount ?? '') });
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [saved, setSaved] = useState(false);
  const stated = draft.kind === 'stated';

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const amount = Number(draft.amount);
    const unit = draft.period?.unit ?? 'years';
    if (!stated && (!Number.isInteger(amount) || amount < 1 || amount > (unit === 'months' ? 1200 : 100))) {
      return setErrors({ fields: { amount: t.amountInvalid } });
    }
    const text = draft.text && { fi: draft.text.fi.trim(), en: draft.text.en.trim() };
    if (stated && (!text?.fi || !text.en)) {
      return setErrors({ fields: { textFi: text?.fi ? '' : t.textRequired, textEn: text?.en ? '' : t.textRequired } });
    }
    const terms = {
      rule: stated ? null : draft.rule,
      period: stated ? null : { amount, unit },
      kindKeys: draft.kindKeys,
      action: draft.action,
      mode: draft.mode,
      active: draft.active,
      text: stated ? text : null,
    };
    try {
      onSaved(
        isNew
          ? await invoke('retention.addPolicy', { kind: draft.kind, ...terms })
          : await invoke('retention.updatePolicy', { key: policy.key, ...terms }),
      );
      setErrors({ fields: {} });
      setSaved(!isNew);
    } catch (error) {
      setErrors(serverErrors(error, messages.unexpected));
    }
  }

  async function remove() {
    try {
      onSaved(await invoke('retention.removePolicy', { key: policy.key }));
    } catch (error) {
      setErrors(serverErrors(error, messages.unexpected));
    }
  }

  const toggleKind = (key: string) =>
    setDraft((d) => ({
      ...d,
      kindKeys: d.kindKeys.includes(key) ? d.kindKeys.filter((k) => k !== key) : [...d.kindKeys, key],
    }));
  const period = { amount: Number(draft.amount) || 0, unit: draft.period?.unit ?? 'years' };
  const title = stated
    ? t.statedTitle
    : format(t.rules[draft.rule ?? ''] ?? '', { period: draft.amount ? periodText(t, period) : '…' });
  const short = stated ? t.statedShort : (t.ruleShort[policy.rule ?? ''] ?? '');
  // The built-in policy of each rule keeps the rule's short name; the others add their key.
  const name = isNew ? t.newPolicy : policy.key === policy.rule ? short : `${short} – ${policy.key}`;

  return (
    <form className="policy" onSubmit={save} noValidate aria-label={name}>
      <label className="checkbox policy__title">
        <input
          type="checkbox"
          checked={draft.active}
          onChange={(e) => setDraft((d) => ({ ...d, active: e.target.checked }))}
        />
        <strong>{title}</strong>
      </label>
      {stated && <p className="warning-text">{t.notEnforced}</p>}
      <FormAlert message={errors.form} />
      {stated ? (
        <div className="policy__fields">
          <TextAreaField
            label={t.textFi}
            value={draft.text?.fi ?? ''}
            maxLength={500}
            onChange={(e) => setDraft((d) => ({ ...d, text: { fi: e.target.value, en: d.text?.en ?? '' } }))}
            error={errors.fields['textFi'] || undefined}
          />
          <TextAreaField
            label={t.textEn}
            value={draft.text?.en ?? ''}
            maxLength={500}
            onChange={(e) => setDraft((d) => ({ ...d, text: { fi: d.text?.fi ?? '', en: e.target.value } }))}
            error={errors.fields['textEn'] || undefined}
          />
        </div>
      ) : (
        <div className="policy__fields">
          <SelectField
            label={t.rule}
            value={draft.rule ?? 'inactive'}
            onChange={(e) => setDraft((d) => ({ ...d, rule: e.target.value as (typeof RULES)[number] }))}
          >
            {RULES.map((rule) => (
              <option key={rule} value={rule}>
                {t.ruleShort[rule]}
              </option>
            ))}
          </SelectField>
          <Field
            label={t.amount}
            type="number"
            inputMode="numeric"
            min={1}
            className="narrow"
            value={draft.amount}
            onChange={(e) => setDraft((d) => ({ ...d, amount: e.target.value }))}
            error={errors.fields['amount']}
          />
          <SelectField
            label={t.unit}
            value={period.unit}
            onChange={(e) =>
              setDraft((d) => ({ ...d, period: { amount: period.amount, unit: e.target.value as 'months' | 'years' } }))
            }
          >
            <option value="months">{t.units.months}</option>
            <option value="years">{t.units.years}</option>
          </SelectField>
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
      )}
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
          {isNew ? t.addPolicy : t.savePolicy}
        </button>
        {isNew ? (
          <button type="button" className="button button--small" onClick={onCancel}>
            {t.cancel}
          </button>
        ) : (
          <button type="button" className="button button--danger" onClick={() => void remove()}>
            {t.removePolicy}
          </button>
        )}
        <span role="status" className="ok">
          {saved ? t.saved : ''}
        </span>
      </div>
    </form>
  );
}
