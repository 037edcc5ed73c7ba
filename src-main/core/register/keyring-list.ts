// The register's own list of the keyring entries allowed to hold its key. The keyring file sits
// beside the register where anyone with the OS account can write it; the list is inside the
// encrypted database, so an entry added to the file by hand is not on it and is dropped.
import { eq, inArray } from 'drizzle-orm';
import type { RegisterDb, ReadableDb } from '../../db/open';
import { keyringEntries, registerInfo, users } from '../../db/schema';
import { userTag, type Keyring, type KeyringEntry } from '../keyring';

export type ListedEntry = typeof keyringEntries.$inferSelect;

/** Puts entries on the list; a user's entry names the user, the recovery key's names nobody. */
export function listEntries(
  db: RegisterDb,
  entries: Array<{ entry: KeyringEntry; userId: number | null }>,
  at: string,
) {
  for (const { entry, userId } of entries) {
    db.insert(keyringEntries)
      .values({ entryId: entry.id, publicKey: entry.publicKey, kind: entry.kind, userId, addedAt: at })
      .onConflictDoNothing()
      .run();
  }
}

/** Takes off the list every entry the keyring no longer has (after a re-key wrote it). */
export function unlistMissing(db: RegisterDb, keyring: Keyring): void {
  const present = new Set(keyring.entries.map((e) => e.id));
  const gone = db
    .select({ entryId: keyringEntries.entryId })
    .from(keyringEntries)
    .all()
    .filter((row) => !present.has(row.entryId))
    .map((row) => row.entryId);
  if (gone.length > 0) db.delete(keyringEntries).where(inArray(keyringEntries.entryId, gone)).run();
}

export function unlistEntries(db: RegisterDb, entryIds: string[]): void {
  if (entryIds.length > 0) db.delete(keyringEntries).where(inArray(keyringEntries.entryId, entryIds)).run();
}

function activeUsers(db: ReadableDb) {
  return db.select({ id: users.id, username: users.username }).from(users).where(eq(users.active, true)).all();
}

/**
 * Splits the keyring's entries into those the register allows and the rest. Allowed: listed with
 * the same public key, and either the recovery key's or an active user's under that user's own
 * tag (a listed entry relabelled for another user is not theirs).
 */
export function allowedEntries(db: ReadableDb, keyring: Keyring): { allowed: KeyringEntry[]; dropped: KeyringEntry[] } {
  const listed = new Map(
    db
      .select()
      .from(keyringEntries)
      .all()
      .map((row) => [row.entryId, row]),
  );
  const tagOf = new Map(activeUsers(db).map((u) => [u.id, userTag(keyring, u.username)]));
  const allowed: KeyringEntry[] = [];
  const dropped: KeyringEntry[] = [];
  for (const entry of keyring.entries) {
    const row = listed.get(entry.id);
    const ok =
      row !== undefined &&
      row.publicKey === entry.publicKey &&
      row.kind === entry.kind &&
      (entry.kind === 'recovery' || (row.userId !== null && tagOf.get(row.userId) === entry.userTag));
    (ok ? allowed : dropped).push(entry);
  }
  return { allowed, dropped };
}

/** Whether the entry that opened the key is on the list for this user (or is the recovery key's). */
export function isAllowed(db: ReadableDb, keyring: Keyring, entry: KeyringEntry): boolean {
  return allowedEntries(db, { ...keyring, entries: [entry] }).allowed.length === 1;
}

/**
 * A register made before the list existed adopts its keyring as it is now: each active user's
 * entry when they have exactly one (the one just used, for the user logging in), and the recovery
 * entry when there is exactly one. Anything else is left off, so the re-key that follows drops it.
 * Returns null when the register has its list already.
 */
export function adoptKeyringIfUnlisted(
  db: RegisterDb,
  keyring: Keyring,
  opener: { entry: KeyringEntry; userId: number },
  at: string,
): { users: number; recovery: boolean } | null {
  const info = db.select({ listedAt: registerInfo.keyringListedAt }).from(registerInfo).get();
  if (!info || info.listedAt !== null) return null;
  const adopted: Array<{ entry: KeyringEntry; userId: number | null }> = [];
  for (const user of activeUsers(db)) {
    const tag = userTag(keyring, user.username);
    const own = keyring.entries.filter((e) => e.kind === 'user' && e.userTag === tag);
    if (user.id === opener.userId && opener.entry.kind === 'user')
      adopted.push({ entry: opener.entry, userId: user.id });
    else if (own.length === 1) adopted.push({ entry: own[0]!, userId: user.id });
  }
  const recovery = keyring.entries.filter((e) => e.kind === 'recovery');
  if (recovery.length === 1) adopted.push({ entry: recovery[0]!, userId: null });
  listEntries(db, adopted, at);
  db.update(registerInfo).set({ keyringListedAt: at }).run();
  return { users: adopted.filter((a) => a.userId !== null).length, recovery: recovery.length === 1 };
}
