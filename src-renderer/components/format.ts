// How dates, times, money and phone numbers look in the UI language (fi: 1.2.2026, 49,90 €).
import { useMemo } from 'react';
import { formatPhone } from '../../src-shared/fields';
import { useI18n, type Language } from '../i18n';

const locales: Record<Language, string> = { fi: 'fi-FI', en: 'en-GB' };

export interface Formats {
  /** A calendar date `YYYY-MM-DD` (or the date part of an ISO instant). */
  date: (value: string | null | undefined) => string;
  dateTime: (instant: string) => string;
  money: (cents: number) => string;
  phone: (e164: string | null | undefined) => string;
  /** 12 000 (fi), 12,000 (en). */
  count: (n: number) => string;
}

export function makeFormats(language: Language): Formats {
  const dateFormat = new Intl.DateTimeFormat(
    locales[language],
    language === 'fi' ? { day: 'numeric', month: 'numeric', year: 'numeric' } : { dateStyle: 'medium' },
  );
  const dateTimeFormat = new Intl.DateTimeFormat(locales[language], { dateStyle: 'short', timeStyle: 'short' });
  const moneyFormat = new Intl.NumberFormat(locales[language], { style: 'currency', currency: 'EUR' });
  const countFormat = new Intl.NumberFormat(locales[language]);
  return {
    date: (value) => {
      const match = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
      if (!match) return value ?? '';
      return dateFormat.format(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    },
    dateTime: (instant) => dateTimeFormat.format(new Date(instant)),
    money: (cents) => moneyFormat.format(cents / 100),
    phone: (e164) => (e164 ? formatPhone(e164) : ''),
    count: (n) => countFormat.format(n),
  };
}

export function useFormats(): Formats {
  const { language } = useI18n();
  return useMemo(() => makeFormats(language), [language]);
}

/** Today in the computer's own time zone, as `YYYY-MM-DD` for date inputs. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** 240 kt, 1,2 Mt: the size in the UI language's own units. */
export function fileSize(bytes: number, language: Language): string {
  const locale = language === 'fi' ? 'fi-FI' : 'en-GB';
  const mega = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: mega ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: mega ? 1 : 0,
  }).format(mega ? bytes / 1024 / 1024 : Math.max(1, bytes / 1024));
}
