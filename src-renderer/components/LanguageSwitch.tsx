import { useI18n, type Language } from '../i18n';

const NAMES: Record<Language, string> = { fi: 'Suomi', en: 'English' };

export function LanguageSwitch() {
  const { language, setLanguage, messages } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={messages.language}>
      {(Object.keys(NAMES) as Language[]).map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={language === code}
          className={language === code ? 'is-active' : undefined}
          onClick={() => setLanguage(code)}
        >
          {NAMES[code]}
        </button>
      ))}
    </div>
  );
}
