// Applying a preset: the register is set up to keep what the preset's notice promises, in one
// transaction with its audit entries: all of it happens, or (on any failure) none of it.
import { and, eq, inArray, not } from 'drizzle-orm';
import { customFields, dataSources, relationshipKinds } from '../../db/schema-register';
import { RETENTION_RULES } from '../../db/vocabulary';
import { KaappiError } from '../errors';
import { addCustomField, addListEntry, type ListName } from '../lists';
import type { UnlockedRegister } from '../register';
import { updatePolicy } from '../retention';
import { readRegisterProfile, updateRegisterProfile, type RegisterProfile } from '../settings';
import { assertRole } from '../users';
import type { Preset } from './schema';

const tables = { kinds: relationshipKinds, sources: dataSources } as const;

/**
 * Makes exactly the preset's entries the ones offered for new persons: adds those missing,
 * switches on those present, switches off the rest. Nothing is deleted, and a person keeps a kind
 * or source that was switched off (the notice still lists a kind someone has: see core/notice).
 * The lists service has no "switch off"; this is the one place that needs it.
 */
function setList(register: UnlockedRegister, list: ListName, entries: Preset['kinds']) {
  const table = tables[list];
  const keys = entries.map((entry) => entry.key);
  let added = 0;
  for (const entry of entries) {
    const existing = register.db.select({ id: table.id }).from(table).where(eq(table.key, entry.key)).get();
    if (existing) {
      register.db.update(table).set({ active: true }).where(eq(table.id, existing.id)).run();
    } else {
      addListEntry(register, list, entry);
      added += 1;
    }
  }
  const switchedOff = register.db
    .update(table)
    .set({ active: false })
    .where(and(eq(table.active, true), not(inArray(table.key, keys))))
    .run().changes;
  return { added, switchedOff };
}

/** Adds the preset's custom fields; one that exists with the same type is kept (and switched on). */
function addFields(register: UnlockedRegister, fields: Preset['customFields']): number {
  let added = 0;
  for (const field of fields) {
    const existing = register.db
      .select({ id: customFields.id, type: customFields.type })
      .from(customFields)
      .where(eq(customFields.key, field.key))
      .get();
    if (!existing) {
      addCustomField(register, field);
      added += 1;
    } else if (existing.type !== field.type) {
      throw new KaappiError('KEY_TAKEN');
    } else {
      register.db.update(customFields).set({ active: true }).where(eq(customFields.id, existing.id)).run();
    }
  }
  return added;
}

/**
 * The preset's profile over the current one. A controller (or contact person) the preset names
 * replaces the current one; details the preset leaves out are kept only when it names the same
 * one (applying a business's own preset again keeps the email the owner added), never carried
 * over from another business. The supervisory authority is a setting of its own and stays.
 */
export function presetProfile(current: RegisterProfile, preset: Preset): RegisterProfile {
  const replaced = <T extends { name: string } & Record<string, string>>(base: T, given: Partial<T> | undefined): T => {
    if (!given?.name?.trim()) return base;
    const same = base.name.trim() === given.name.trim();
    const result: Record<string, string> = { ...base };
    for (const key of Object.keys(base)) {
      const value = given[key]?.trim() ?? '';
      if (value !== '') result[key] = value;
      else if (!same) result[key] = '';
    }
    return result as T;
  };
  return {
    ...current,
    controller: replaced(current.controller, preset.controller),
    contactPerson: replaced(current.contactPerson, preset.contactPerson),
    registerName: preset.registerName,
    purposes: preset.purposes,
    notice: preset.notice,
  };
}

export function applyPreset(register: UnlockedRegister, id: string, preset: Preset): void {
  assertRole(register, 'owner');
  register.transaction(() => {
    const kinds = setList(register, 'kinds', preset.kinds);
    const sources = setList(register, 'sources', preset.sources);
    const fieldsAdded = addFields(register, preset.customFields);
    for (const rule of RETENTION_RULES) {
      const policy = preset.retention.find((p) => p.rule === rule);
      if (policy) {
        const { rule: _rule, ...changes } = policy;
        updatePolicy(register, rule, { ...changes, active: true });
      } else {
        updatePolicy(register, rule, { active: false });
      }
    }
    updateRegisterProfile(register, presetProfile(readRegisterProfile(register), preset));
    register.audit({
      action: 'preset.applied',
      targetType: 'preset',
      targetId: id,
      details: {
        kindsAdded: kinds.added,
        kindsSwitchedOff: kinds.switchedOff,
        sourcesAdded: sources.added,
        sourcesSwitchedOff: sources.switchedOff,
        customFieldsAdded: fieldsAdded,
      },
    });
  });
}
