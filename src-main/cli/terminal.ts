// What the CLI writes to a terminal: values from the register have their control and bidi
// characters written out as escapes (\u{1b}), so data stored before the contract refused them cannot drive it.
import { showUnsafeCharacters } from '../../src-shared/fields';

/** A line of output: its line feeds and tabs are the output's own layout; every other control is shown. */
export const terminalText = (text: string) => showUnsafeCharacters(text, true);

/** One value (a table cell, a name in a message): a line break in it is shown too, not obeyed. */
export const terminalValue = (text: string) => showUnsafeCharacters(text);

/**
 * JSON for scripts. JSON.stringify escapes C0 controls but leaves DEL, C1 controls and bidi
 * overrides as they are; those become JSON escapes (\u202e) too, so the text is still valid JSON
 * and parses back to exactly what the register holds.
 */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
