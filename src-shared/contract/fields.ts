// Field schemas shared by several channels. The renderer's forms validate with these same schemas.
import { z } from 'zod';
import { isPlainLine, isPlainLines } from '../fields';
import { languageSchema } from '../language';

/**
 * Every text that comes in passes one of these two: one line refuses all control characters (tab
 * and line breaks too) and bidi overrides; free text with lines keeps line feeds and tabs. Put
 * after trim(), so a pasted value's trailing line break is trimmed rather than refused.
 */
export const plainLine = (schema: z.ZodString) =>
  schema.refine(isPlainLine, { params: { kaappi: 'CONTROL_CHARACTER' } });
export const plainLines = (schema: z.ZodString) =>
  schema.refine(isPlainLines, { params: { kaappi: 'CONTROL_CHARACTER_LINES' } });

export const ROLE_VALUES = ['owner', 'staff', 'readonly'] as const;
export const role = z.enum(ROLE_VALUES);

/** Letters, digits and . _ - ; compared case-insensitively. */
export const username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .refine((value) => /^[\p{L}\p{N}._-]+$/u.test(value), { params: { kaappi: 'USERNAME_FORMAT' } });

export const displayName = plainLine(z.string().trim().min(1).max(100));

/**
 * A password being typed to log in: any non-empty text. Control characters are not refused here:
 * a password is never shown or stored as text, and refusing one at login could lock out a
 * password set before the rule.
 */
export const password = z.string().min(1).max(1024);

/** A calendar date as YYYY-MM-DD that really exists (no 2026-02-30). */
export const isoDate = z.string().refine(
  (value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  },
  { params: { kaappi: 'DATE_FORMAT' } },
);

/**
 * The day a confidentiality agreement was signed: a real date, not before 1900 (0000-01-01 was
 * taken). Core refuses one after today by the register's clock (core/users/confidentiality.ts).
 */
export const signedOnDate = isoDate.refine((value) => !/^\d{4}-/.test(value) || value >= '1900-01-01', {
  params: { kaappi: 'DATE_BEFORE_1900' },
});

export const language = languageSchema;

export const sessionInfo = z.object({
  user: z.object({ id: z.number().int(), username: z.string(), displayName: z.string(), role }),
  autoLockMinutes: z.number().int(),
  /** The owner set this user's password: they must choose their own before anything else. */
  mustChangePassword: z.boolean(),
  /** A restore awaits the owner's decision (backup.restorePending) before anything else. */
  restorePending: z.boolean(),
  /** Keyring entries this login dropped because the register does not list them. */
  keyringEntriesDropped: z.number().int(),
});

export const userSummary = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role,
  confidentialitySignedOn: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});

export const empty = z.object({}).strict();

/** The audit log's guards as verify found them (core/register/verify.ts). */
export const ANCHOR_PROBLEM_CODES = [
  'AUDIT_HEAD_MISSING',
  'AUDIT_HEAD_FORGED',
  'AUDIT_LOG_SHORTENED',
  'AUDIT_HEAD_MISMATCH',
  'AUDIT_TRIGGERS_CHANGED',
  'AUDIT_FIRST_ENTRY',
] as const;
export const anchorVerification = z.object({
  ok: z.boolean(),
  since: z.string().nullable(),
  problems: z.array(
    z.object({
      code: z.enum(ANCHOR_PROBLEM_CODES),
      triggers: z.array(z.string()).optional(),
      headCount: z.number().int().optional(),
      logCount: z.number().int().optional(),
    }),
  ),
});
