// Staff accounts, settings and the audit log, as the owner manages them.
import { users } from '../../db/schema';
import { listAudit } from '../../core/audit';
import { verifyRegister } from '../../core/register';
import { readSettings, updateSettings } from '../../core/settings';
import { addUser, changeOwnPassword, deactivateUser, listUsers } from '../../core/users';
import { assertSignedBy } from '../../core/users/confidentiality';
import type { HandlersFor } from '../registry';

export const userHandlers: HandlersFor<
  'users.list' | 'users.add' | 'users.deactivate' | 'users.changeOwnPassword' | 'settings.get' | 'settings.update'
> = {
  'users.list': (ctx) => listUsers(ctx.register),
  'users.add': (ctx, input) => {
    // Here until addUser checks it itself (core/users/index.ts is being changed on another branch).
    assertSignedBy(input.confidentialitySignedOn, ctx.register.deps.clock);
    return addUser(ctx.register, input);
  },
  'users.deactivate': (ctx, input) => deactivateUser(ctx.register, input.userId),
  'users.changeOwnPassword': async (ctx, input) => {
    await changeOwnPassword(ctx.register, input);
    ctx.session.passwordChangeRequired = false;
    return null;
  },
  'settings.get': (ctx) => readSettings(ctx.register),
  'settings.update': (ctx, input) => {
    const updated = updateSettings(ctx.register, input);
    ctx.session.refreshSettings();
    return updated;
  },
};

export const auditHandlers: HandlersFor<'audit.verify' | 'audit.recent'> = {
  'audit.verify': (ctx) => verifyRegister(ctx.register),
  'audit.recent': (ctx, input) => {
    const db = ctx.register.db;
    const names = new Map(
      db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .all()
        .map((u) => [u.id, u.name]),
    );
    return listAudit(db, input.limit).map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      actor: row.actorUserId === null ? null : (names.get(row.actorUserId) ?? null),
      targetType: row.targetType,
      targetId: row.targetId,
    }));
  },
};
