// Channels of the register's access layer: status, creating the register, sessions, users,
// settings and the audit log.
import { z } from 'zod';
import {
  anchorVerification,
  displayName,
  empty,
  language,
  password,
  plainLine,
  role,
  sessionInfo,
  signedOnDate,
  userSummary,
  username,
} from './fields';
import { newPassword } from './new-password';

import { ALL_ROLES, OWNER_ONLY, type Channel } from './base';

const settingsOutput = z.object({
  autoLockMinutes: z.number().int(),
  bookkeepingYears: z.number().int(),
  backupReminderDays: z.number().int(),
  backupKeep: z.number().int(),
  staffMayExportLists: z.boolean(),
});

export const accessChannels = {
  'app.status': {
    input: empty,
    output: z.object({ registerExists: z.boolean(), session: sessionInfo.nullable() }),
    access: 'public',
  },
  'app.setLanguage': {
    input: z.object({ language }).strict(),
    output: z.null(),
    access: 'public',
  },
  'register.create': {
    input: z
      .object({ username, displayName, password: newPassword, confidentialitySignedOn: signedOnDate.nullable() })
      .strict(),
    output: z.object({ recoveryKey: z.string(), session: sessionInfo }),
    access: 'public',
  },
  'session.login': {
    input: z.object({ username: plainLine(z.string().trim().min(1).max(64)), password }).strict(),
    output: sessionInfo,
    access: 'public',
  },
  'session.recover': {
    input: z.object({ recoveryKey: plainLine(z.string().trim().min(1).max(200)), username, newPassword }).strict(),
    output: sessionInfo,
    access: 'public',
  },
  'session.lock': { input: empty, output: z.null(), access: ALL_ROLES, beforeOwnPassword: true, duringRestore: true },
  /** The user is typing or clicking: counts as activity for the idle lock, like any call. */
  'session.activity': {
    input: empty,
    output: z.null(),
    access: ALL_ROLES,
    beforeOwnPassword: true,
    duringRestore: true,
  },
  'users.list': { input: empty, output: z.array(userSummary), access: OWNER_ONLY },
  'users.add': {
    input: z
      .object({ username, displayName, role, password: newPassword, confidentialitySignedOn: signedOnDate })
      .strict(),
    output: userSummary,
    access: OWNER_ONLY,
  },
  'users.deactivate': {
    input: z.object({ userId: z.number().int().positive() }).strict(),
    output: z.object({ keyVersion: z.number().int() }),
    access: OWNER_ONLY,
  },
  'users.changeOwnPassword': {
    input: z.object({ currentPassword: password, newPassword }).strict(),
    output: z.null(),
    access: ALL_ROLES,
    beforeOwnPassword: true,
  },
  'settings.get': {
    input: empty,
    output: settingsOutput,
    access: ALL_ROLES,
  },
  'settings.update': {
    input: z
      .object({
        autoLockMinutes: z.number().int().min(1).max(240),
        bookkeepingYears: z.number().int().min(0).max(20),
        backupReminderDays: z.number().int().min(1).max(90),
        backupKeep: z.number().int().min(1).max(100),
        staffMayExportLists: z.boolean(),
      })
      .partial()
      .strict(),
    output: settingsOutput,
    access: OWNER_ONLY,
  },
  'audit.verify': {
    input: empty,
    output: z.object({
      chain: z.object({ ok: z.boolean(), checked: z.number().int(), firstBrokenId: z.number().int().nullable() }),
      database: z.object({ ok: z.boolean(), problems: z.array(z.string()) }),
      anchor: anchorVerification,
      derived: z.object({
        ok: z.boolean(),
        differing: z.number().int(),
        personIds: z.array(z.number().int()),
        counts: z.array(z.string()),
        /** Persons whose kept due day or blocking state (the review's counts) differs from the sweep's. */
        dueState: z.object({ differing: z.number().int(), personIds: z.array(z.number().int()) }),
      }),
    }),
    access: OWNER_ONLY,
  },
  /** The owner accepts the audit log as it is now, after a problem verify reported was looked into. */
  'audit.acceptLog': { input: empty, output: anchorVerification, access: OWNER_ONLY },
  'audit.recent': {
    input: z.object({ limit: z.number().int().min(1).max(200) }).strict(),
    output: z.array(
      z.object({
        id: z.number().int(),
        at: z.string(),
        action: z.string(),
        actor: z.string().nullable(),
        targetType: z.string().nullable(),
        targetId: z.string().nullable(),
      }),
    ),
    access: OWNER_ONLY,
  },
} as const satisfies Record<string, Channel>;
