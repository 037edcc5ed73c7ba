// The settings screen's processors (name, what they receive, where, the transfer safeguard) as
// rows to add and remove, with the transfer choice and the transfers in prose beside them.
import { useRef, useState } from 'react';
import { TRANSFER_CHOICES, transferChoiceOf } from '../../../src-shared/contract/notice-facts';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n';
import { LocalizedArea } from './LocalizedArea';
import { bothWritten, saveNoticePart } from './saveNotice';
import { SectionForm } from './SectionForm';
import type { NoticeFacts, NoticeSettings } from './types';
import { LANGUAGES } from '../../../src-shared/language';

type Processor = NoticeFacts['processors'][number];

const blank = (): Processor => ({
  name: '',
  receives: { fi: '', en: '' },
  location: { fi: '', en: '' },
  outsideEea: false,
  safeguard: { fi: '', en: '' },
});

export function ProcessorsForm({
  initial,
  canEdit,
  onSaved,
}: {
  initial: NoticeFacts;
  canEdit: boolean;
  onSaved: (settings: NoticeSettings) => void;
}) {
  const { messages, language, format } = useI18n();
  const t = messages.settings.sections.processors;
  const [processors, setProcessors] = useState(initial.processors);
  const [transfers, setTransfers] = useState(initial.transfers);
  const [transferChoice, setTransferChoice] = useState(initial.transferChoice);
  // A processor outside the EU/EEA leaves one honest choice; the others are shown but disabled.
  const forced = processors.some((processor) => processor.outsideEea);
  const choice = transferChoiceOf({ processors, transferChoice });
  const listRef = useRef<HTMLOListElement>(null);
  const update = (index: number, changes: Partial<Processor>) =>
    setProcessors(processors.map((processor, i) => (i === index ? { ...processor, ...changes } : processor)));

  return (
    <SectionForm
      id="settings-processors"
      title={t.legend}
      intro={t.intro}
      canEdit={canEdit}
      onSubmit={async () => {
        const extra: Record<string, string> = {};
        processors.forEach((processor, index) => {
          if (processor.outsideEea && !bothWritten(processor.safeguard))
            for (const lang of LANGUAGES)
              if (!processor.safeguard[lang].trim())
                extra[`processors.${index}.safeguard.${lang}`] = t.safeguardRequired;
        });
        if (choice === 'outsideEeaSafeguard' && !forced && !bothWritten(transfers))
          for (const lang of LANGUAGES)
            if (!transfers[lang].trim()) extra[`transfers.${lang}`] = t.transfersSafeguardRequired;
        const result = await saveNoticePart(
          { processors, transferChoice: choice, transfers },
          language,
          messages.settings.required,
          extra,
        );
        if (!result.ok) return result.fields;
        setProcessors(result.settings.profile.notice.processors);
        onSaved(result.settings);
        return null;
      }}
    >
      {(errors, changed) => (
        <>
          {processors.length === 0 && <p className="muted">{t.none}</p>}
          <ol className="settings-processors" ref={listRef}>
            {processors.map((processor, index) => {
              const title = format(t.processor, { number: index + 1 });
              return (
                // Rows have no id of their own; the index is their identity until saved.
                <li key={index} className="settings-processor">
                  <fieldset className="form-section">
                    <legend>
                      {title}
                      {processor.name.trim() ? `: ${processor.name}` : ''}
                    </legend>
                    <Field
                      label={t.name}
                      name={`processors.${index}.name`}
                      value={processor.name}
                      readOnly={!canEdit}
                      autoComplete="off"
                      error={errors[`processors.${index}.name`]}
                      onChange={(event) => update(index, { name: event.target.value })}
                    />
                    <LocalizedArea
                      name={`processors.${index}.receives`}
                      label={t.receives}
                      rows={2}
                      value={processor.receives}
                      onChange={(receives) => update(index, { receives })}
                      errors={errors}
                      readOnly={!canEdit}
                    />
                    <LocalizedArea
                      name={`processors.${index}.location`}
                      label={t.location}
                      rows={1}
                      value={processor.location}
                      onChange={(location) => update(index, { location })}
                      errors={errors}
                      readOnly={!canEdit}
                    />
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        name={`processors.${index}.outsideEea`}
                        checked={processor.outsideEea}
                        disabled={!canEdit}
                        onChange={(event) => update(index, { outsideEea: event.target.checked })}
                      />
                      {t.outsideEea}
                    </label>
                    {processor.outsideEea && (
                      <LocalizedArea
                        name={`processors.${index}.safeguard`}
                        label={t.safeguard}
                        hint={t.safeguardHint}
                        rows={2}
                        value={processor.safeguard}
                        onChange={(safeguard) => update(index, { safeguard })}
                        errors={errors}
                        readOnly={!canEdit}
                      />
                    )}
                    {canEdit && (
                      <button
                        type="button"
                        className="button"
                        onClick={() => {
                          setProcessors(processors.filter((_, i) => i !== index));
                          changed();
                        }}
                      >
                        {format(t.remove, { name: processor.name.trim() || t.unnamed })}
                      </button>
                    )}
                  </fieldset>
                </li>
              );
            })}
          </ol>
          {canEdit && (
            <button
              type="button"
              className="button"
              onClick={() => {
                setProcessors([...processors, blank()]);
                changed();
                // Focus the new row's name, so keyboard users land where they type.
                setTimeout(
                  () =>
                    listRef.current
                      ?.querySelector<HTMLInputElement>(
                        'li:last-child input[type="text"], li:last-child input:not([type])',
                      )
                      ?.focus(),
                  0,
                );
              }}
            >
              {t.add}
            </button>
          )}
          <fieldset className="form-section" aria-describedby="transfer-choice-hint">
            <legend>{t.transferChoice}</legend>
            <p id="transfer-choice-hint" className="field__hint">
              {forced ? t.transferForced : t.transferChoiceHint}
            </p>
            {TRANSFER_CHOICES.map((option) => (
              <label key={option} className="checkbox">
                <input
                  type="radio"
                  name="transferChoice"
                  value={option}
                  checked={choice === option}
                  disabled={!canEdit || (forced && option !== 'outsideEeaSafeguard')}
                  onChange={() => setTransferChoice(option)}
                />{' '}
                {t.transferChoices[option]}
              </label>
            ))}
          </fieldset>
          <fieldset className="form-section">
            <legend>{t.transfers}</legend>
            <LocalizedArea
              name="transfers"
              label={t.transfersText}
              value={transfers}
              onChange={setTransfers}
              errors={errors}
              readOnly={!canEdit}
            />
          </fieldset>
        </>
      )}
    </SectionForm>
  );
}
