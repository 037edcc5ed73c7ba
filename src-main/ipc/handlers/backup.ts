// Handlers of the backup channels: thin calls into core/backup, with folders from main's dialogs.
import { basename } from 'node:path';
import { eq } from 'drizzle-orm';
import { backupNow, backupStatus, listBackups, pruneBackups, readManifest, restoreBackup } from '../../core/backup';
import { KaappiError } from '../../../src-shared/errors';
import { confirmRestore, rotateRegisterKey, undoRestore } from '../../core/register';
import { listUsers } from '../../core/users';
import { backups } from '../../db/schema';
import type { backupChannels } from '../../../src-shared/contract/backup';
import type { HandlersFor } from '../registry';

export const backupHandlers: HandlersFor<keyof typeof backupChannels> = {
  'backup.status': ({ register }) => backupStatus(register),
  'backup.list': ({ register }) => listBackups(register),
  'backup.now': async (ctx) => {
    const folder = await ctx.dialogs.chooseFolder('backup');
    return folder === null ? null : backupNow(ctx.register, folder, ctx.appVersion);
  },
  'backup.prune': ({ register }, { backupId, apply }) => {
    const row = register.db.select().from(backups).where(eq(backups.id, backupId)).get();
    if (!row?.verified) throw new KaappiError('BACKUP_INVALID');
    return pruneBackups(register, row.folder, { apply });
  },
  'register.rotateKey': ({ register }, options) => rotateRegisterKey(register, options),
  'backup.chooseRestore': async (ctx) => {
    const manifestPath = await ctx.dialogs.chooseBackup();
    ctx.session.pendingRestore = null;
    if (manifestPath === null) return null;
    const { createdAt, appVersion, schemaVersion, keyVersion, counts, database } = readManifest(manifestPath);
    ctx.session.pendingRestore = manifestPath;
    return { createdAt, appVersion, schemaVersion, keyVersion, counts, file: basename(database) };
  },
  'backup.restore': async (ctx, request) => {
    const manifestPath = ctx.session.pendingRestore;
    if (manifestPath === null) throw new KaappiError('BACKUP_INVALID');
    // The register being replaced must not be open in this window.
    ctx.session.end('user', { silent: true });
    const result = await restoreBackup(ctx.registerPath, manifestPath, request, ctx.deps);
    ctx.session.pendingRestore = null;
    return {
      erasedAgain: result.erasedAgain,
      keptAside: result.keptAsidePath !== null,
      usersRemovedAgain: result.usersRemovedAgain,
      otherRegister: result.otherRegister,
    };
  },
  'backup.restorePending': ({ register }) => {
    const pending = register.restorePending;
    if (!pending) return null;
    const removed = new Set(pending.usersRemovedAgain);
    const names = listUsers(register)
      .filter((user) => removed.has(user.id))
      .map((user) => user.displayName);
    const { at, backupCreatedAt, erasedAgain } = pending;
    return { at, backupCreatedAt, erasedAgain, usersRemovedAgain: names };
  },
  'backup.confirmRestore': (ctx) => {
    confirmRestore(ctx.register);
    ctx.register.restorePending = null;
    ctx.session.restorePending = false;
    return null;
  },
  'backup.undoRestore': (ctx) => {
    // The restored register is closed before its files are swapped for the ones kept aside.
    ctx.session.end('user', { silent: true });
    undoRestore(ctx.registerPath, ctx.deps.clock.now().toISOString());
    return null;
  },
};
