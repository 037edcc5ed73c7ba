// The owner-configurable lists: kinds of relationship and data sources. Built-ins come with the
// schema; the owner adds more (e.g. palveluntarjoaja) so another notice fits without code changes.
import { asc, eq } from 'drizzle-orm';
import type { ReadableDb } from '../../db/open';
import { customFields, dataSources, relationshipKinds } from '../../db/schema-register';
import { KaappiError } from '../../../src-shared/errors';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';
import { assertKindsExist } from './groups';

export * from './groups';

export type ListName = 'kinds' | 'sources';
const tables = { kinds: relationshipKinds, sources: dataSources } as const;

export interface ListEntry {
  key: string;
  labelFi: string;
  labelEn: string;
  builtin: boolean;
  active: boolean;
}

export function listEntries(db: ReadableDb, list: ListName): ListEntry[] {
  const table = tables[list];
  return db
    .select({
      key: table.key,
      labelFi: table.labelFi,
      labelEn: table.labelEn,
      builtin: table.builtin,
      active: table.active,
    })
    .from(table)
    .orderBy(asc(table.position), asc(table.id))
    .all();
}

export function kindIdByKey(db: ReadableDb, key: string): number {
  const row = db
    .select({ id: relationshipKinds.id })
    .from(relationshipKinds)
    .where(eq(relationshipKinds.key, key))
    .get();
  if (!row) throw new KaappiError('UNKNOWN_KIND');
  return row.id;
}

export function sourceIdByKey(db: ReadableDb, key: string | null | undefined): number | null {
  if (!key) return null;
  const row = db.select({ id: dataSources.id }).from(dataSources).where(eq(dataSources.key, key)).get();
  if (!row) throw new KaappiError('UNKNOWN_SOURCE');
  return row.id;
}

export function addListEntry(
  register: UnlockedRegister,
  list: ListName,
  entry: { key: string; labelFi: string; labelEn: string },
): ListEntry[] {
  assertRole(register, 'owner');
  const table = tables[list];
  return register.transaction((db) => {
    if (db.select({ id: table.id }).from(table).where(eq(table.key, entry.key)).get()) {
      throw new KaappiError('KEY_TAKEN');
    }
    const last = db.select({ position: table.position }).from(table).orderBy(asc(table.position)).all().at(-1);
    db.insert(table)
      .values({ ...entry, builtin: false, position: (last?.position ?? 0) + 1 })
      .run();
    register.audit({ action: 'settings.list_entry_added', targetType: list, targetId: entry.key });
    return listEntries(db, list);
  });
}

export interface CustomFieldDefinition {
  key: string;
  labelFi: string;
  labelEn: string;
  type: 'text' | 'date' | 'choice';
  choices: string[];
  /** The kinds whose persons have this field; [] = every kind. */
  kindKeys: string[];
}

export function listCustomFields(db: ReadableDb): CustomFieldDefinition[] {
  return db
    .select()
    .from(customFields)
    .where(eq(customFields.active, true))
    .orderBy(asc(customFields.position), asc(customFields.id))
    .all()
    .map(({ key, labelFi, labelEn, type, choices, kindKeys }) => ({
      key,
      labelFi,
      labelEn,
      type,
      choices: JSON.parse(choices) as string[],
      kindKeys: JSON.parse(kindKeys) as string[],
    }));
}

/** A field the owner adds so the register holds what their notice lists, without a code change. */
export function addCustomField(
  register: UnlockedRegister,
  field: Omit<CustomFieldDefinition, 'kindKeys'> & { kindKeys?: string[] | undefined },
): CustomFieldDefinition[] {
  assertRole(register, 'owner');
  return register.transaction((db) => {
    if (db.select({ id: customFields.id }).from(customFields).where(eq(customFields.key, field.key)).get()) {
      throw new KaappiError('KEY_TAKEN');
    }
    assertKindsExist(db, field.kindKeys ?? []);
    const count = db.select({ id: customFields.id }).from(customFields).all().length;
    db.insert(customFields)
      .values({
        ...field,
        choices: JSON.stringify(field.type === 'choice' ? field.choices : []),
        kindKeys: JSON.stringify(field.kindKeys ?? []),
        position: count + 1,
      })
      .run();
    register.audit({ action: 'settings.custom_field_added', targetType: 'custom_field', targetId: field.key });
    return listCustomFields(db);
  });
}
