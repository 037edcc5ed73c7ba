// Characters that must not come in as text, nor reach a terminal as they are: C0 and C1 controls
// and the bidi embeddings, overrides and isolates.

// C0 and C1 controls can move a terminal's cursor or retitle its window; a bidi override makes
// "gpj.exe" read as "exe.jpg". Matching control characters is the point (hence the lint exceptions).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
/** The same without tab and line feed: a carriage return alone can still overwrite a line. */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** Text for one line (a name, a phone number, an address line) has none of the unsafe characters. */
export const isPlainLine = (text: string) => !UNSAFE.test(text);

/** Free text with lines (notes, a request's body) may have line feeds and tabs, nothing else unsafe. */
export const isPlainLines = (text: string) => !UNSAFE_IN_LINES.test(text);

const escaped = (char: string) => `\\u{${char.codePointAt(0)!.toString(16)}}`;

/**
 * Text with each unsafe character written out as an escape (ESC → `\u{1b}`), for showing data that
 * came in before the rule (or around it) where a terminal would obey it. `keepLines` leaves line
 * feeds and tabs as they are, for output that has lines of its own.
 */
export function showUnsafeCharacters(text: string, keepLines = false): string {
  return text.replace(new RegExp((keepLines ? UNSAFE_IN_LINES : UNSAFE).source, 'gu'), escaped);
}
