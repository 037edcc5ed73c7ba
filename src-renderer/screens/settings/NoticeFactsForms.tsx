// The settings screen's notice sections: legal bases with the balancing note, the prose texts
// (introduction, sources, disclosures, systems, retention, where the notice is) and cookies. Each
// saves only its own part of the notice's facts.
import { useState } from 'react';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n';
import { LocalizedArea, type Localized } from './LocalizedArea';
import { bothWritten, saveNoticePart } from './saveNotice';
import { SectionForm } from './SectionForm';
import type { NoticeFacts, NoticeSettings } from './types';
import { LANGUAGES } from '../../../src-shared/language';

interface SectionProps {
  initial: NoticeFacts;
  canEdit: boolean;
  onSaved: (settings: NoticeSettings) => void;
}

const BASES = ['legitimateInterest', 'contract', 'consent', 'legalObligation'] as const;

export function LegalBasesForm({ initial, canEdit, onSaved }: SectionProps) {
  const { messages, language } = useI18n();
  const t = messages.settings.sections.bases;
  const [bases, setBases] = useState(initial.legalBases);
  return (
    <SectionForm
      id="settings-bases"
      title={t.legend}
      intro={t.intro}
      canEdit={canEdit}
      onSubmit={async () => {
        const extra: Record<string, string> = {};
        if (!BASES.some((key) => bases[key])) extra.legitimateInterest = t.chooseOne;
        if (bases.legitimateInterest && !bothWritten(bases.balancingNote)) {
          for (const lang of LANGUAGES)
            if (!bases.balancingNote[lang].trim()) extra[`legalBases.balancingNote.${lang}`] = t.balancingRequired;
        }
        const result = await saveNoticePart({ legalBases: bases }, language, messages.settings.required, extra);
        if (!result.ok) return result.fields;
        onSaved(result.settings);
        return null;
      }}
    >
      {(errors) => (
        <>
          <fieldset className="form-section" aria-describedby={errors.legitimateInterest ? 'bases-error' : undefined}>
            <legend className="visually-hidden">{t.legend}</legend>
            {BASES.map((key) => (
              <label key={key} className="checkbox">
                <input
                  type="checkbox"
                  name={key}
                  checked={bases[key]}
                  disabled={!canEdit}
                  aria-invalid={errors.legitimateInterest ? true : undefined}
                  onChange={(event) => setBases({ ...bases, [key]: event.target.checked })}
                />{' '}
                {t[key]}
              </label>
            ))}
            {errors.legitimateInterest && (
              <p id="bases-error" className="field__error" role="alert">
                {errors.legitimateInterest}
              </p>
            )}
          </fieldset>
          <LocalizedArea
            name="legalBases.explanation"
            label={t.explanation}
            value={bases.explanation}
            onChange={(explanation) => setBases({ ...bases, explanation })}
            errors={errors}
            readOnly={!canEdit}
          />
          <LocalizedArea
            name="legalBases.balancingNote"
            label={t.balancingNote}
            hint={t.balancingHint}
            value={bases.balancingNote}
            onChange={(balancingNote) => setBases({ ...bases, balancingNote })}
            errors={errors}
            readOnly={!canEdit}
          />
        </>
      )}
    </SectionForm>
  );
}

export const TEXTS = [
  'introduction',
  'informing',
  'sources',
  'disclosures',
  'systems',
  'retention',
  'noticeLocation',
] as const;
export type TextKey = (typeof TEXTS)[number];

/** `keys`: the texts a setup step shows (all by default); `title` names that group. */
export function TextsForm({
  initial,
  canEdit,
  onSaved,
  keys = TEXTS,
  title,
}: SectionProps & { keys?: readonly TextKey[]; title?: string }) {
  const { messages, language } = useI18n();
  const t = messages.settings.sections.texts;
  const [texts, setTexts] = useState(
    () => Object.fromEntries(TEXTS.map((key) => [key, initial[key]])) as Record<TextKey, Localized>,
  );
  const text = (key: TextKey) => texts[key];
  const hints: Partial<Record<TextKey, string>> = {
    introduction: t.introductionHint,
    retention: t.retentionHint,
    noticeLocation: t.noticeLocationHint,
  };
  return (
    <SectionForm
      id="settings-texts"
      title={title ?? t.legend}
      canEdit={canEdit}
      onSubmit={async () => {
        const result = await saveNoticePart(texts, language, messages.settings.required);
        if (!result.ok) return result.fields;
        onSaved(result.settings);
        return null;
      }}
    >
      {(errors) =>
        keys.map((key) => (
          <fieldset key={key} className="form-section">
            <legend>{t[key]}</legend>
            <LocalizedArea
              name={key}
              label={t[key]}
              hint={hints[key]}
              rows={key === 'noticeLocation' ? 2 : 4}
              value={text(key)}
              onChange={(value) => setTexts({ ...texts, [key]: value })}
              errors={errors}
              readOnly={!canEdit}
            />
          </fieldset>
        ))
      }
    </SectionForm>
  );
}

export function CookiesForm({ initial, canEdit, onSaved }: SectionProps) {
  const { messages, language } = useI18n();
  const t = messages.settings.sections.cookies;
  const [cookies, setCookies] = useState(initial.cookies);
  return (
    <SectionForm
      id="settings-cookies"
      title={t.legend}
      canEdit={canEdit}
      onSubmit={async () => {
        const extra: Record<string, string> = {};
        if (cookies.used)
          for (const lang of LANGUAGES) if (!cookies.text[lang].trim()) extra[`cookies.text.${lang}`] = t.textRequired;
        const result = await saveNoticePart({ cookies }, language, messages.settings.required, extra);
        if (!result.ok) return result.fields;
        onSaved(result.settings);
        return null;
      }}
    >
      {(errors) => (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              name="cookies.used"
              checked={cookies.used}
              disabled={!canEdit}
              onChange={(event) => setCookies({ ...cookies, used: event.target.checked })}
            />{' '}
            {t.used}
          </label>
          {cookies.used && (
            <>
              <Field
                label={t.websites}
                name="cookies.websites"
                value={cookies.websites}
                readOnly={!canEdit}
                autoComplete="off"
                error={errors['cookies.websites']}
                onChange={(event) => setCookies({ ...cookies, websites: event.target.value })}
              />
              <LocalizedArea
                name="cookies.text"
                label={t.text}
                value={cookies.text}
                onChange={(text) => setCookies({ ...cookies, text })}
                errors={errors}
                readOnly={!canEdit}
                rows={6}
              />
            </>
          )}
        </>
      )}
    </SectionForm>
  );
}
