// The settings screen's security section: the measures the notice states, as checkboxes each
// showing the sentence it prints, and the owner's own text for paper and electronic material.
import { useState } from 'react';
import { EXCLUSIVE_MEASURES, SECURITY_MEASURES, type SecurityMeasure } from '../../../src-shared/contract/notice-facts';
import { useI18n } from '../../i18n';
import { LocalizedArea } from './LocalizedArea';
import { saveNoticePart } from './saveNotice';
import { SectionForm } from './SectionForm';
import type { NoticeSettings } from './types';

/** The measure a measure excludes (checking one clears the other), if any. */
const excluded = (measure: SecurityMeasure): SecurityMeasure | undefined =>
  EXCLUSIVE_MEASURES.flatMap(([a, b]) => (a === measure ? [b] : b === measure ? [a] : []))[0];

export function SecurityForm({
  settings,
  canEdit,
  onSaved,
}: {
  settings: NoticeSettings;
  canEdit: boolean;
  onSaved: (settings: NoticeSettings) => void;
}) {
  const { messages, language, format } = useI18n();
  const t = messages.settings.sections.security;
  const [security, setSecurity] = useState(settings.profile.notice.security);
  const printed = new Map(settings.defaults.securityMeasures.map(({ key, label }) => [key, label[language]]));
  const chosen = new Set(security.measures);
  const toggle = (measure: SecurityMeasure, on: boolean) => {
    const next = new Set(chosen);
    if (on) {
      next.add(measure);
      const other = excluded(measure);
      if (other) next.delete(other);
    } else next.delete(measure);
    setSecurity({ ...security, measures: SECURITY_MEASURES.filter((m) => next.has(m)) });
  };
  return (
    <SectionForm
      id="settings-security"
      title={t.legend}
      intro={t.intro}
      canEdit={canEdit}
      onSubmit={async () => {
        const result = await saveNoticePart({ security }, language, messages.settings.required);
        if (!result.ok) return result.fields;
        onSaved(result.settings);
        return null;
      }}
    >
      {(errors) => (
        <>
          <fieldset className="form-section">
            <legend>{t.measuresLegend}</legend>
            <ul className="category-list">
              {SECURITY_MEASURES.map((measure) => {
                const other = excluded(measure);
                const hintId = `security-${measure}-hint`;
                return (
                  <li key={measure}>
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        name={`security.measures.${measure}`}
                        checked={chosen.has(measure)}
                        disabled={!canEdit}
                        aria-describedby={hintId}
                        onChange={(event) => toggle(measure, event.target.checked)}
                      />{' '}
                      {t.measures[measure]}
                    </label>
                    <p id={hintId} className="field__hint">
                      {format(t.printed, { text: printed.get(measure) ?? '' })}
                      {other ? ` ${format(t.excludes, { other: t.measures[other] })}` : ''}
                    </p>
                  </li>
                );
              })}
            </ul>
          </fieldset>
          <LocalizedArea
            name="security.manual"
            label={t.manual}
            value={security.manual}
            onChange={(manual) => setSecurity({ ...security, manual })}
            errors={errors}
            readOnly={!canEdit}
          />
          <LocalizedArea
            name="security.electronic"
            label={t.electronic}
            value={security.electronic}
            onChange={(electronic) => setSecurity({ ...security, electronic })}
            errors={errors}
            readOnly={!canEdit}
          />
        </>
      )}
    </SectionForm>
  );
}
