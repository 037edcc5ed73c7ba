// One i18n layer for every UI string: Finnish by default, English second. The choice is kept in
// localStorage and told to main, so error messages from main come in the same language.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { invoke } from '../api';
import { en } from './en';
import { fi, type Messages } from './fi';
import { interpolate, type Language } from '../../src-shared/language';

export type { Language };
const catalogs: Record<Language, Messages> = { fi, en };
const STORAGE_KEY = 'kaappi.language';

interface I18n {
  language: Language;
  messages: Messages;
  setLanguage: (language: Language) => void;
  format: (template: string, params?: Record<string, string | number>) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'fi';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  useEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem(STORAGE_KEY, language);
    void invoke('app.setLanguage', { language }).catch(() => undefined);
  }, [language]);

  const format = useCallback(
    (template: string, params: Record<string, string | number> = {}) => interpolate(template, params),
    [],
  );

  const value = useMemo(
    () => ({ language, messages: catalogs[language], setLanguage: setLanguageState, format }),
    [language, format],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
