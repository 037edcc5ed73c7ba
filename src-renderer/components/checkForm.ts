// Form checks with the contract's own schemas (so the form and main say the same thing), plus the
// few touches a form needs: per-field messages keyed by the form's field names, "required" for a
// blank required field, and a second pass so rules that zod runs only on otherwise valid input
// (a Finnish postal code) are reported together with the rest.
import type { z } from 'zod';
import { validate } from '../../src-shared/contract';
import type { Language } from '../i18n';
import { ApiError } from '../api';
import { toFormErrors, type FormErrors } from './FormError';

export interface CheckOptions {
  /** Where the form's fields sit in the channel input, e.g. 'person' or 'changes.0'; '' for the top. */
  prefix?: string;
  requiredMessage: string;
  /** Messages for fields whose schema message is too technical for a form (e.g. an IP address). */
  friendly?: Record<string, string>;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; fields: Record<string, string> };

function fieldKey(path: string, prefix: string): string {
  return prefix && path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path;
}

function formPart(input: unknown, prefix: string): Record<string, unknown> {
  let part = input;
  for (const step of prefix ? prefix.split('.') : []) part = (part as Record<string, unknown> | undefined)?.[step];
  return (part ?? {}) as Record<string, unknown>;
}

/** A copy of `input` with the given form fields blanked, rebuilding only the path to them. */
function withBlanks(input: unknown, path: string[], keys: string[]): unknown {
  if (path.length === 0) {
    const part = { ...(input as Record<string, unknown>) };
    for (const key of keys) if (typeof part[key] === 'string') part[key] = '';
    return part;
  }
  const [step, ...rest] = path as [string, ...string[]];
  const copy: Record<string, unknown> | unknown[] = Array.isArray(input) ? [...input] : { ...(input as object) };
  (copy as Record<string, unknown>)[step] = withBlanks((input as Record<string, unknown>)[step], rest, keys);
  return copy;
}

export function checkForm<S extends z.ZodType>(
  schema: S,
  input: unknown,
  language: Language,
  options: CheckOptions,
): Checked<z.output<S>> {
  const prefix = options.prefix ?? '';
  const first = validate(schema, input, language);
  if (first.ok) return first;
  const issues = [...first.fields];
  const failing = [...new Set(issues.map((issue) => fieldKey(issue.path, prefix)))];
  const second = validate(schema, withBlanks(input, prefix ? prefix.split('.') : [], failing), language);
  if (!second.ok) issues.push(...second.fields.filter((issue) => !failing.includes(fieldKey(issue.path, prefix))));

  const values = formPart(input, prefix);
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = fieldKey(issue.path, prefix);
    const value = values[key];
    const blank = typeof value === 'string' && value.trim() === '';
    fields[key] ??= blank ? options.requiredMessage : (options.friendly?.[key] ?? issue.message);
  }
  return { ok: false, fields };
}

/** An error from main as form errors, with field paths in the form's own names. */
export function serverErrors(
  error: unknown,
  fallback: string,
  options: { prefix?: string; codeFields?: Record<string, string> } = {},
): FormErrors {
  const errors = toFormErrors(error, fallback);
  const field = error instanceof ApiError ? options.codeFields?.[error.code] : undefined;
  if (field && errors.form) return { fields: { [field]: errors.form } };
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors.fields)) fields[fieldKey(path, options.prefix ?? '')] = message;
  return { ...errors, fields };
}
