// A notice text in both languages: a Finnish and an English box side by side, each with its error.
import { TextAreaField } from '../../components/FormFields';
import { useI18n } from '../../i18n';
import { LANGUAGES } from '../../../src-shared/language';

export interface Localized {
  fi: string;
  en: string;
}

export function LocalizedArea({
  name,
  label,
  hint,
  value,
  onChange,
  errors,
  readOnly,
  rows = 4,
}: {
  /** The field's path in the notice, e.g. 'sources'; errors are keyed `${name}.fi` and `${name}.en`. */
  name: string;
  label: string;
  hint?: string | undefined;
  value: Localized;
  onChange: (value: Localized) => void;
  errors: Record<string, string>;
  readOnly: boolean;
  rows?: number;
}) {
  const { messages, format } = useI18n();
  const t = messages.settings;
  return (
    <div className="form-grid form-grid--two settings-localized">
      {LANGUAGES.map((lang) => (
        <TextAreaField
          key={lang}
          name={`${name}.${lang}`}
          label={format(lang === 'fi' ? t.inFinnish : t.inEnglish, { label })}
          hint={lang === 'fi' ? hint : undefined}
          rows={rows}
          value={value[lang]}
          readOnly={readOnly}
          error={errors[`${name}.${lang}`]}
          onChange={(event) => onChange({ ...value, [lang]: event.target.value })}
        />
      ))}
    </div>
  );
}
