// "Backup now" as the app does it: every attempt is recorded (a failed one is reported and never
// counts as the last good backup), the dashboard reads the age of the last verified one, old
// backups in a folder are removed on request, and each backup says which keys open it.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { backups, users } from '../../db/schema';
import { KaappiError } from '../../../src-shared/errors';
import { userTag, type Keyring } from '../keyring';
import type { UnlockedRegister } from '../register';
import { readSettings } from '../settings';
import { assertRole } from '../users';
import { createBackup } from './backup';
import { readManifest } from './restore';

const DAY_MS = 86_400_000;

/** Who can open a backup: the recovery key of that time, and users' passwords as they were then. */
export interface OpensWith {
  recoveryKeyId: string | null;
  users: string[];
}

function opensWith(register: UnlockedRegister, keyring: Keyring): OpensWith {
  const tags = new Set(keyring.entries.filter((e) => e.kind === 'user').map((e) => e.userTag));
  const names = register.db
    .select({ username: users.username, displayName: users.displayName })
    .from(users)
    .all()
    .filter((u) => tags.has(userTag(keyring, u.username)))
    .map((u) => u.displayName);
  return { recoveryKeyId: keyring.entries.find((e) => e.kind === 'recovery')?.id ?? null, users: names };
}

export interface BackupAttempt {
  id: number;
  at: string;
  folder: string;
  manifestFile: string | null;
  keyVersion: number;
  bytes: number | null;
  verified: boolean;
  failure: string | null;
  opensWithUsers: string[];
  /** Whether today's recovery key opens it (false: only the one valid when it was made). */
  currentRecoveryKey: boolean;
}

/** Writes a backup to `folder`, verifies it, and records the attempt whatever the outcome. */
export async function backupNow(
  register: UnlockedRegister,
  folder: string,
  appVersion: string,
): Promise<BackupAttempt> {
  assertRole(register, 'owner');
  const keyring = register.readKeyring();
  const at = register.deps.clock.now().toISOString();
  const base = {
    at,
    folder,
    keyVersion: keyring.keyVersion,
    openedBy: JSON.stringify(opensWith(register, keyring)),
    byUserId: register.user.id,
  };
  try {
    // The folder came from the dialog a moment ago; if it is gone (the stick was pulled out),
    // creating it anew would put the "backup" on the laptop itself.
    if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new KaappiError('BACKUP_FOLDER_UNAVAILABLE');
    const { manifestPath, manifest } = await createBackup(register, folder, { appVersion });
    const bytes = statSync(join(folder, manifest.database)).size;
    await register.settled();
    const id = insertAttempt(register, { ...base, manifestFile: basename(manifestPath), bytes, verified: true });
    return listBackups(register).find((b) => b.id === id)!;
  } catch (error) {
    await register.settled();
    // Locked meanwhile: there is no open register to record the attempt in.
    if (!register.isOpen) throw error;
    const code = error instanceof KaappiError ? error.code : 'INTERNAL';
    insertAttempt(register, { ...base, manifestFile: null, bytes: null, verified: false, failure: code });
    throw error;
  }
}

function insertAttempt(register: UnlockedRegister, row: typeof backups.$inferInsert): number {
  return register.transaction((db) => {
    const { id } = db.insert(backups).values(row).returning({ id: backups.id }).get();
    if (!row.verified) {
      register.audit({ action: 'backup.failed', targetType: 'backup', details: { failure: row.failure ?? null } });
    }
    return id;
  });
}

export function listBackups(register: UnlockedRegister): BackupAttempt[] {
  const currentRecovery = register.readKeyring().entries.find((e) => e.kind === 'recovery')?.id ?? null;
  return register.db
    .select()
    .from(backups)
    .orderBy(desc(backups.at), desc(backups.id))
    .limit(100)
    .all()
    .map((row) => {
      const opened = JSON.parse(row.openedBy) as OpensWith;
      return {
        id: row.id,
        at: row.at,
        folder: row.folder,
        manifestFile: row.manifestFile,
        keyVersion: row.keyVersion,
        bytes: row.bytes,
        verified: row.verified,
        failure: row.failure,
        opensWithUsers: opened.users,
        currentRecoveryKey: opened.recoveryKeyId !== null && opened.recoveryKeyId === currentRecovery,
      };
    });
}

export interface BackupStatus {
  lastVerifiedAt: string | null;
  /** Whole days since the last verified backup; null if there is none. */
  ageDays: number | null;
  /** No verified backup, or the last is older than the reminder setting. */
  reminderDue: boolean;
  reminderDays: number;
  /** The most recent attempt failed (shown until a backup succeeds). */
  lastFailure: string | null;
}

export function backupStatus(register: UnlockedRegister): BackupStatus {
  const { backupReminderDays } = readSettings(register);
  const last = register.db
    .select()
    .from(backups)
    .where(eq(backups.verified, true))
    .orderBy(desc(backups.at))
    .limit(1)
    .get();
  const latest = register.db.select().from(backups).orderBy(desc(backups.at), desc(backups.id)).limit(1).get();
  const ageDays = last ? Math.floor((register.deps.clock.now().getTime() - Date.parse(last.at)) / DAY_MS) : null;
  return {
    lastVerifiedAt: last?.at ?? null,
    ageDays,
    reminderDue: ageDays === null || ageDays >= backupReminderDays,
    reminderDays: backupReminderDays,
    lastFailure: latest && !latest.verified ? latest.failure : null,
  };
}

/**
 * The backups in `folder` beyond the newest `keep`, by their manifests. Only files a manifest
 * names are touched, so nothing else on the stick is ever deleted.
 */
export function pruneBackups(
  register: UnlockedRegister,
  folder: string,
  options: { apply: boolean },
): { kept: string[]; removed: string[] } {
  assertRole(register, 'owner');
  const { backupKeep } = readSettings(register);
  const manifests = readdirSync(folder)
    .filter((f) => f.endsWith('.manifest.json'))
    .map((file) => ({ file, manifest: readManifest(join(folder, file)) }))
    .sort((a, b) => b.manifest.createdAt.localeCompare(a.manifest.createdAt));
  const kept = manifests.slice(0, backupKeep).map((m) => m.file);
  const removed = manifests.slice(backupKeep).map((m) => m.file);
  if (options.apply && removed.length > 0) {
    for (const { file, manifest } of manifests.slice(backupKeep)) {
      const named = [manifest.database, manifest.keyring, manifest.erasures, manifest.removedUsers, file];
      for (const name of named.filter((n): n is string => n !== undefined)) {
        const path = join(folder, name);
        if (existsSync(path)) rmSync(path);
      }
    }
    register.transaction(() =>
      register.audit({ action: 'backup.pruned', targetType: 'backup', details: { removed: removed.length } }),
    );
  }
  return { kept, removed };
}
