// Channels of backups: status for the dashboard, backup now, the list with which keys open each,
// removing old ones, re-keying on demand, and restoring from the login screen. Paths come from
// main's own dialogs and the backup history, never from the window.
import { z } from 'zod';
import { ALL_ROLES, OWNER_ONLY, type Channel } from './base';
import { entityId } from './register-fields';
import { password, plainLine, username } from './fields';

const credentials = z.union([
  z.object({ username, password }).strict(),
  z.object({ username, recoveryKey: plainLine(z.string().min(1).max(200)) }).strict(),
]);

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
  /**
   * Restores the picked backup. Over a register in place, its owner's credentials (liveOwner) are
   * needed; the backup opens with those too unless `backup` gives the ones of its time.
   */
  'backup.restore': {
    input: z
      .object({
        liveOwner: credentials.optional(),
        backup: credentials.optional(),
        replaceOtherRegister: z.boolean().optional(),
      })
      .strict(),
    output: z.object({
      erasedAgain: z.number().int(),
      keptAside: z.boolean(),
      usersRemovedAgain: z.array(z.string()),
      otherRegister: z.boolean(),
    }),
    access: 'public',
  },
  /** A restore the owner has yet to decide on: shown before anything else after their login. */
  'backup.restorePending': {
    input: z.object({}).strict(),
    output: z
      .object({
        at: z.string(),
        backupCreatedAt: z.string(),
        erasedAgain: z.number().int(),
        usersRemovedAgain: z.array(z.string()),
      })
      .nullable(),
    access: OWNER_ONLY,
    duringRestore: true,
  },
  /** Keeps the restored register: the one kept aside is removed. */
  'backup.confirmRestore': {
    input: z.object({}).strict(),
    output: z.null(),
    access: OWNER_ONLY,
    duringRestore: true,
  },
  /** Puts back the register kept aside and removes the restored one; the session ends. */
  'backup.undoRestore': {
    input: z.object({}).strict(),
    output: z.null(),
    access: OWNER_ONLY,
    duringRestore: true,
  },
} as const satisfies Record<string, Channel>;
