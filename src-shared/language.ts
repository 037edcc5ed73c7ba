// The two languages Kaappi speaks (Finnish first), and the one way a text's {name} placeholders are filled.
import { z } from 'zod';

export const LANGUAGES = ['fi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const languageSchema = z.enum(LANGUAGES);

export type TextParams = Readonly<Record<string, string | number | null | undefined>>;

export interface InterpolateOptions {
  /** How a value is shown (the CLI makes values safe for a terminal); as written by default. */
  show?: (value: string) => string;
  /** Leave `{name}` as written when no value is given, so a missed parameter shows instead of vanishing. */
  keepUnknown?: boolean;
}

export function interpolate(template: string, params: TextParams = {}, options: InterpolateOptions = {}): string {
  const show = options.show ?? ((value: string) => value);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return options.keepUnknown && !(name in params) ? whole : '';
    return show(String(value));
  });
}
