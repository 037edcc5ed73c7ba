// Saved views of the contacts table (e.g. "passive > 4 years"), shared by the register's users.
import { eq } from 'drizzle-orm';
import { settings } from '../../db/schema';
import type { PersonFilters, SortColumn } from '../persons';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';

const KEY = 'savedViews';

export interface SavedView {
  name: string;
  text?: string | undefined;
  filters: PersonFilters;
  sort?: { column: SortColumn; direction: 'asc' | 'desc' } | undefined;
  columns?: string[] | undefined;
}

export function listSavedViews(register: UnlockedRegister): SavedView[] {
  const row = register.db.select().from(settings).where(eq(settings.key, KEY)).get();
  return row ? (JSON.parse(row.value) as SavedView[]) : [];
}

function store(register: UnlockedRegister, views: SavedView[], action: string, name: string): SavedView[] {
  const now = register.deps.clock.now().toISOString();
  const value = JSON.stringify(views);
  register.transaction((db) => {
    db.insert(settings)
      .values({ key: KEY, value, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
      .run();
    register.audit({ action, targetType: 'view', targetId: name });
  });
  return views;
}

/** Saves a view under its name, replacing one with the same name. */
export function saveView(register: UnlockedRegister, view: SavedView): SavedView[] {
  assertRole(register, 'owner', 'staff');
  const views = [...listSavedViews(register).filter((v) => v.name !== view.name), view];
  return store(register, views, 'view.saved', view.name);
}

export function deleteView(register: UnlockedRegister, name: string): SavedView[] {
  assertRole(register, 'owner', 'staff');
  return store(
    register,
    listSavedViews(register).filter((v) => v.name !== name),
    'view.deleted',
    name,
  );
}
