// What a channel is: zod input, zod output, and who may call it ('public' = without a session).
import type { z } from 'zod';
import type { role } from './fields';

export type Role = z.infer<typeof role>;
export const ALL_ROLES: readonly Role[] = ['owner', 'staff', 'readonly'];
export const OWNER_ONLY: readonly Role[] = ['owner'];
/** Who may change the register's contents; read-only users only look. */
export const WRITERS: readonly Role[] = ['owner', 'staff'];

export interface Channel {
  input: z.ZodType;
  output: z.ZodType;
  access: 'public' | readonly Role[];
  /**
   * Runs beside the one-at-a-time queue instead of in it: for long work on its own connection (a
   * backup), so the app stays usable meanwhile. The handler must cope with a lock in between.
   */
  concurrent?: boolean;
  /**
   * Open to a user whose password the owner set (a reset): until they choose their own, only
   * these channels answer (changing it, locking, activity); the rest say PASSWORD_CHANGE_REQUIRED.
   */
  beforeOwnPassword?: boolean;
  /**
   * Open while a restore awaits the owner's decision (keep it or undo it): until then the rest say
   * RESTORE_CONFIRMATION_REQUIRED, so no work happens in a register whose predecessor is kept aside.
   */
  duringRestore?: boolean;
  /**
   * Takes a list of persons out of the register: of the roles in `access`, staff only while the
   * owner allows it (settings.staffMayExportLists); core refuses otherwise (STAFF_EXPORT_NOT_ALLOWED).
   */
  exportsList?: boolean;
}
