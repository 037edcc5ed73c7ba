// Looking up document texts by key in the document's language, with {name} parameters filled in,
// and the date, time and money formats each language's readers expect.
import { en } from './en';
import { fi } from './fi';
import { interpolate, type Language } from '../../../src-shared/language';

export type CatalogKey = keyof typeof fi;

export const catalogs: Record<Language, Record<CatalogKey, string>> = { fi, en };

export function text(language: Language, key: CatalogKey, params: Record<string, string | number> = {}): string {
  return interpolate(catalogs[language][key], params, { keepUnknown: true });
}

/** A key built from a vocabulary value ('requestType_' + 'access'); unknown values show as they are. */
export function label(language: Language, prefix: string, value: string): string {
  const key = `${prefix}_${value.replace(/\./g, '_')}`;
  return key in catalogs[language] ? catalogs[language][key as CatalogKey] : value;
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** YYYY-MM-DD as 23.11.2026 (fi) or 23 November 2026 (en); anything else is returned unchanged. */
export function formatDate(isoDate: string | null, language: Language): string {
  if (!isoDate) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate.slice(0, 10));
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return language === 'fi'
    ? `${Number(day)}.${Number(month)}.${year}`
    : `${Number(day)} ${MONTHS_EN[Number(month) - 1]} ${year}`;
}

/** An ISO instant as the date and time in Finland, where the register is kept. */
export function formatInstant(iso: string | null, language: Language): string {
  if (!iso) return '';
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Helsinki',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant); // "2026-11-23 11:00"
  const [date = '', time = ''] = parts.split(' ');
  return language === 'fi'
    ? `${formatDate(date, 'fi')} klo ${time.replace(':', '.')}`
    : `${formatDate(date, 'en')} ${time}`;
}

export function formatEuros(cents: number, language: Language): string {
  const amount = new Intl.NumberFormat(language === 'fi' ? 'fi-FI' : 'en-IE', {
    style: 'currency',
    currency: 'EUR',
  }).format(cents / 100);
  // fi-FI groups thousands with U+00A0 and writes minus as U+2212; plain characters print everywhere.
  return amount.replace(/[\u00a0\u202f]/g, ' ').replace('\u2212', '-');
}
