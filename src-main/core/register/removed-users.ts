// Users removed from the register, listed in a file beside it (as the erasure ledger is), so that a
// restore of a backup taken before a removal removes them again: the restored file alone still has
// them active, with keyring entries their old passwords open. Ids only: nothing personal.
import { existsSync, readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadableDb } from '../../db/open';
import { registerInfo, users } from '../../db/schema';
import { appendPrivateJsonLines } from '../written-files';

export const removedUsersPath = (registerPath: string) => `${registerPath}.removed-users`;

const entrySchema = z.object({ registerId: z.string().min(1), userId: z.number().int().positive(), at: z.string() });
export type RemovedUser = z.infer<typeof entrySchema>;

export function readRemovedUsers(path: string): RemovedUser[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        const parsed = entrySchema.safeParse(JSON.parse(line));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return []; // a torn last line (power cut mid-append) is skipped
      }
    });
}

export function appendRemovedUsers(path: string, entries: RemovedUser[]): void {
  appendPrivateJsonLines(path, entries);
}

/** Adds every removed (inactive) user the list lacks: after a crash between removal and append. */
export function reconcileRemovedUsers(db: ReadableDb, path: string): number {
  const info = db.select({ registerId: registerInfo.registerId }).from(registerInfo).get();
  if (!info) return 0;
  const known = new Set(
    readRemovedUsers(path)
      .filter((e) => e.registerId === info.registerId)
      .map((e) => e.userId),
  );
  const missing = db
    .select({ id: users.id, at: users.deactivatedAt })
    .from(users)
    .where(eq(users.active, false))
    .all()
    .filter((u) => !known.has(u.id))
    .map((u) => ({ registerId: info.registerId, userId: u.id, at: u.at ?? '' }));
  appendRemovedUsers(path, missing);
  return missing.length;
}

/** After a removal has committed: the list beside the register names the user from now on. */
export function recordRemovedUser(db: ReadableDb, path: string, userId: number, at: string): void {
  const info = db.select({ registerId: registerInfo.registerId }).from(registerInfo).get();
  if (info) appendRemovedUsers(path, [{ registerId: info.registerId, userId, at }]);
}
