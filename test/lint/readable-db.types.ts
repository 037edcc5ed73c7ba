// Type-only check, run by `npm run typecheck`: a read handle (ReadableDb) cannot write. Each marked
// line must fail to compile; if one compiled (the type let a write through), tsc reports it unused.
import { sql } from 'drizzle-orm';
import type { UnlockedRegister } from '../../src-main/core/register';
import type { ReadableDb, RegisterDb } from '../../src-main/db/open';
import { persons } from '../../src-main/db/schema-register';

export function readsOnly(db: ReadableDb): void {
  db.select().from(persons).all();
  db.all(sql`SELECT 1`);
  // @ts-expect-error a read handle has no insert
  db.insert(persons);
  // @ts-expect-error a read handle has no update
  db.update(persons);
  // @ts-expect-error a read handle has no delete
  db.delete(persons);
  // @ts-expect-error a read handle has no run
  db.run(sql`DELETE FROM persons`);
  // @ts-expect-error a read handle opens no transaction
  db.transaction(() => undefined);
}

/** The writable handle a transaction hands out still reads: a writer may call read functions. */
export function writes(db: RegisterDb): void {
  readsOnly(db);
}

/** An open register reads through `db`; it writes only with the handle its transaction hands out. */
export function registerWrites(register: UnlockedRegister): void {
  register.db.select().from(persons).all();
  // @ts-expect-error the register's own handle has no insert: writes go through transaction()
  register.db.insert(persons);
  register.transaction((db) => db.update(persons).set({ restricted: false }).run());
}
