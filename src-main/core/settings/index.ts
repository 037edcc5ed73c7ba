// Register-wide settings, stored as JSON in the register so every user of this laptop shares them.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { preparedQuery } from '../../db/open';
import { settings } from '../../db/schema';
import type { UnlockedRegister } from '../register';
import { KaappiError } from '../../../src-shared/errors';
import { assertRole } from '../users';

export const registerSettingsSchema = z.object({
  /** Lock after this many idle minutes. */
  autoLockMinutes: z.number().int().min(1).max(240),
  /** Bookkeeping material (orders, invoices) is kept this many years from the end of its
   * financial year (Finnish Accounting Act: 6); deletion of a person waits for it. */
  bookkeepingYears: z.number().int().min(0).max(20),
  /** Remind about backups when the last verified one is this many days old. */
  backupReminderDays: z.number().int().min(1).max(90),
  /** How many backups to keep in a folder when old ones are removed. */
  backupKeep: z.number().int().min(1).max(100),
  /** Staff may take mailing lists and address labels out of the register (off until the owner allows). */
  staffMayExportLists: z.boolean(),
});
export type RegisterSettings = z.infer<typeof registerSettingsSchema>;

export const DEFAULT_SETTINGS: RegisterSettings = {
  autoLockMinutes: 10,
  bookkeepingYears: 6,
  backupReminderDays: 7,
  backupKeep: 5,
  staffMayExportLists: false,
};

/**
 * Lists of persons leaving the register (mailing lists, labels): the owner always, staff only when
 * the owner has allowed it, read-only users never.
 */
export function assertMayExportLists(register: UnlockedRegister): void {
  assertRole(register, 'owner', 'staff');
  if (register.user.role === 'staff' && !readSettings(register).staffMayExportLists) {
    throw new KaappiError('STAFF_EXPORT_NOT_ALLOWED');
  }
}

/** Made once: a schema's partial() builds a new schema, and settings are read for every review page. */
const storedSettings = registerSettingsSchema.partial();
const SETTING_KEYS = JSON.stringify(Object.keys(registerSettingsSchema.shape));

export function readSettings(register: UnlockedRegister): RegisterSettings {
  const stored: Record<string, unknown> = {};
  // Only these settings' rows: the register profile beside them is a long text to parse.
  const rows = preparedQuery(register.db, 'readSettings', () =>
    register.db
      .select()
      .from(settings)
      .where(sql`${settings.key} IN (SELECT value FROM json_each(${sql.placeholder('keys')}))`),
  ).all({ keys: SETTING_KEYS });
  for (const row of rows) stored[row.key] = JSON.parse(row.value);
  const parsed = storedSettings.safeParse(stored);
  return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

export function updateSettings(register: UnlockedRegister, patch: Partial<RegisterSettings>): RegisterSettings {
  assertRole(register, 'owner');
  const valid = storedSettings.parse(patch);
  const now = register.deps.clock.now().toISOString();
  register.transaction((db) => {
    for (const [key, value] of Object.entries(valid)) {
      const json = JSON.stringify(value);
      db.insert(settings)
        .values({ key, value: json, updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: now } })
        .run();
    }
    register.audit({
      action: 'settings.updated',
      targetType: 'settings',
      details: { keys: Object.keys(valid).join(',') },
    });
  });
  return readSettings(register);
}
export * from './register-profile';
export { deleteView, listSavedViews, saveView } from './saved-views';
