// Channels of backups: status for the dashboard, backup now, the list with which keys open each,
// removing old ones, re-keying on demand, and restoring from the login screen. Paths come from
// main's own dialogs and the backup history, never from the window.
import { z } from 'zod';
import { ALL_ROLES, OWNER_ONLY, type Channel } from './base';
import { entityId } from './register-fields';
import { password, plainLine, username } from './fields';

const attempt = z.object({
  id: z.number().int(),
  at: z.string(),
  folder: z.string(),
  manifestFile: z.string().nullable(),
  keyVersion: z.number().int(),
  bytes: z.number().int().nullable(),
  verified: z.boolean(),
  failure: z.string().nullable(),
  opensWithUsers: z.array(z.string()),
  currentRecoveryKey: z.boolean(),
});

const manifest = z.object({
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  keyVersion: z.number().int(),
  counts: z.record(z.string(), z.number()),
  file: z.string(),
});

export const backupChannels = {
  'backup.status': {
    input: z.object({}).strict(),
    output: z.object({
      lastVerifiedAt: z.string().nullable(),
      ageDays: z.number().int().nullable(),
      reminderDue: z.boolean(),
      reminderDays: z.number().int(),
      lastFailure: z.string().nullable(),
    }),
    access: ALL_ROLES,
  },
  'backup.list': { input: z.object({}).strict(), output: z.array(attempt), access: OWNER_ONLY },
  /** Asks for a folder with the system dialog, then writes and verifies; null = cancelled. */
  'backup.now': { input: z.object({}).strict(), output: attempt.nullable(), access: OWNER_ONLY, concurrent: true },
  /** Old backups in the folder of backup `backupId`, beyond the newest N; removed with apply. */
  'backup.prune': {
    input: z.object({ backupId: entityId, apply: z.boolean() }).strict(),
    output: z.object({ kept: z.array(z.string()), removed: z.array(z.string()) }),
    access: OWNER_ONLY,
  },
  'register.rotateKey': {
    input: z.object({ newRecoveryKey: z.boolean() }).strict(),
    output: z.object({ keyVersion: z.number().int(), recoveryKey: z.string().nullable() }),
    access: OWNER_ONLY,
  },
  /** Login screen: pick a backup's manifest; shows what it holds. Null = cancelled. */
  'backup.chooseRestore': { input: z.object({}).strict(), output: manifest.nullable(), access: 'public' },
  'backup.restore': {
    input: z.union([
      z.object({ username, password }).strict(),
      z.object({ username, recoveryKey: plainLine(z.string().min(1).max(200)) }).strict(),
    ]),
    output: z.object({ erasedAgain: z.number().int(), keptAside: z.boolean() }),
    access: 'public',
  },
} as const satisfies Record<string, Channel>;
