// Finnish field rules shared by the contract (and so by the renderer's forms) and the core:
// phone numbers as people type them, the Y-tunnus check digit, postal codes.
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';

/** `040 123 4567`, `+358 40 1234567`, `00358…` → `+358401234567`; null when not a valid number. */
export function toE164(text: string, defaultCountry: 'FI' = 'FI'): string | null {
  return readPhone(text, defaultCountry).e164;
}

/**
 * A typed number in E.164 (null when not valid) and whether it had an extension ("ext 99", "x99",
 * "#99"): E.164 has no place for one, so a number kept as E.164 would lose it without a word.
 */
export function readPhone(text: string, defaultCountry: 'FI' = 'FI'): { e164: string | null; extension: boolean } {
  try {
    const phone = parsePhoneNumberWithError(text.trim(), defaultCountry);
    return { e164: phone.isValid() ? phone.number : null, extension: phone.ext !== undefined };
  } catch {
    return { e164: null, extension: false };
  }
}

/** How a stored number is shown: Finnish numbers in national form, others international. */
export function formatPhone(e164: string): string {
  try {
    const phone = parsePhoneNumberWithError(e164);
    return phone.country === 'FI' ? phone.formatNational() : phone.formatInternational();
  } catch {
    return e164;
  }
}

const BUSINESS_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

/** A Finnish business ID (Y-tunnus) `1234567-8` whose check digit matches. Accepts 6 leading digits padded. */
export function isValidBusinessId(text: string): boolean {
  const match = /^(\d{6,7})-(\d)$/.exec(text.trim());
  if (!match) return false;
  const digits = match[1]!.padStart(7, '0');
  const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * BUSINESS_ID_WEIGHTS[i]!, 0);
  const remainder = sum % 11;
  if (remainder === 1) return false;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check === Number(match[2]);
}

export function normaliseBusinessId(text: string): string {
  const [body = '', check = ''] = text.trim().split('-');
  return `${body.padStart(7, '0')}-${check}`;
}

export const isFinnishPostalCode = (text: string) => /^\d{5}$/.test(text.trim());

export { isPlainLine, isPlainLines, showUnsafeCharacters } from './characters';
export { COUNTRY_CODES, isCountryCode } from './countries';
