// Applying a template: the register is set up to keep what its notice promises, in one transaction
// with its audit entry and a fresh checklist; the controller's own details are never touched.
import { and, eq, inArray, not } from 'drizzle-orm';
import { customFields, dataSources, relationshipKinds } from '../../db/schema-register';
import { KaappiError } from '../../../src-shared/errors';
import { addCustomField, addListEntry, scopeCustomField, setKindGroup, type ListName } from '../lists';
import type { UnlockedRegister } from '../register';
import { addPolicy, listPolicies, updatePolicy, type NewPolicy } from '../retention';
import { readRegisterProfile, updateRegisterProfile, updateSettings, type RegisterProfile } from '../settings';
import { assertRole } from '../users';
import { startChecklist, type Checklist } from './checklist';
import type { Preset } from './schema';
import type { RegisterDb } from '../../db/open';

const tables = { kinds: relationshipKinds, sources: dataSources } as const;

/**
 * Makes exactly the preset's entries the ones offered for new persons: adds those missing,
 * switches on (and renames to the preset's labels) those present, switches off the rest. Nothing
 * is deleted, and a person keeps a kind or source that was switched off (the notice still lists a
 * kind someone has: see core/notice). The lists service has no "switch off"; this is the one place
 * that needs it.
 */
function setList(register: UnlockedRegister, db: RegisterDb, list: ListName, entries: Preset['kinds']) {
  const table = tables[list];
  const keys = entries.map((entry) => entry.key);
  let added = 0;
  for (const entry of entries) {
    const existing = db.select({ id: table.id }).from(table).where(eq(table.key, entry.key)).get();
    if (existing) {
      db.update(table)
        .set({ active: true, labelFi: entry.labelFi, labelEn: entry.labelEn })
        .where(eq(table.id, existing.id))
        .run();
    } else {
      addListEntry(register, list, { key: entry.key, labelFi: entry.labelFi, labelEn: entry.labelEn });
      added += 1;
    }
  }
  const switchedOff = db
    .update(table)
    .set({ active: false })
    .where(and(eq(table.active, true), not(inArray(table.key, keys))))
    .run().changes;
  return { added, switchedOff };
}

/**
 * Each kind's own data list and channel modes as the preset gives them; a kind the preset gives
 * none gets the register's (null), since the preset's notice replaces the register's whole.
 */
function setGroups(register: UnlockedRegister, kinds: Preset['kinds']): void {
  for (const kind of kinds) {
    setKindGroup(register, kind.key, {
      dataCategories: kind.dataCategories ?? null,
      marketingChannels: kind.marketingChannels ?? null,
    });
  }
}

/** Adds the preset's custom fields; one that exists with the same type is kept (and switched on). */
function addFields(register: UnlockedRegister, db: RegisterDb, fields: Preset['customFields']): number {
  let added = 0;
  for (const { kindKeys = [], ...field } of fields) {
    const existing = db
      .select({ id: customFields.id, type: customFields.type })
      .from(customFields)
      .where(eq(customFields.key, field.key))
      .get();
    if (!existing) {
      addCustomField(register, { ...field, kindKeys });
      added += 1;
    } else if (existing.type !== field.type) {
      throw new KaappiError('KEY_TAKEN');
    } else {
      db.update(customFields).set({ active: true }).where(eq(customFields.id, existing.id)).run();
      scopeCustomField(register, field.key, kindKeys);
    }
  }
  return added;
}

/**
 * The template's notice over the current profile. Who keeps the register (controller, contact
 * person, supervisory authority) is the owner's own and stays as it is: a template has none.
 */
export function presetProfile(current: RegisterProfile, preset: Preset): RegisterProfile {
  return { ...current, registerName: preset.registerName, purposes: preset.purposes, notice: preset.notice };
}

/**
 * The template's policies on, by key (added where new, their terms replacing the register's); the
 * register's other policies switched off, not removed, so the owner's own rules can come back.
 */
function setPolicies(register: UnlockedRegister, policies: Preset['retention']['policies']): void {
  const existing = new Map(listPolicies(register.db).map((policy) => [policy.key, policy]));
  for (const entry of policies) {
    const policy: NewPolicy =
      entry.kind === 'enforced'
        ? { ...entry, text: null, active: true }
        : { ...entry, rule: null, period: null, action: 'delete', mode: 'review', active: true };
    if (existing.has(entry.key)) updatePolicy(register, entry.key, policy);
    else addPolicy(register, policy);
  }
  const listed = new Set(policies.map((entry) => entry.key));
  for (const [key, policy] of existing) {
    if (!listed.has(key) && policy.active) updatePolicy(register, key, { active: false });
  }
}

export function applyPreset(register: UnlockedRegister, id: string, preset: Preset): Checklist {
  assertRole(register, 'owner');
  return register.transaction((db) => {
    const kinds = setList(register, db, 'kinds', preset.kinds);
    setGroups(register, preset.kinds);
    const sources = setList(register, db, 'sources', preset.sources);
    const fieldsAdded = addFields(register, db, preset.customFields);
    setPolicies(register, preset.retention.policies);
    updateSettings(register, { bookkeepingYears: preset.retention.bookkeepingYears });
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
    return startChecklist(db, register.deps.clock.now().toISOString(), id, preset);
  });
}
