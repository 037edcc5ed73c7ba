// What applying a template changes in the register's setup, for the owner to read before or after:
// kinds and sources switched on or off, retention rules changed, custom fields added.
import type { ReadableDb } from '../../db/open';
import { customFields } from '../../db/schema-register';
import { listEntries, type ListEntry } from '../lists';
import type { UnlockedRegister } from '../register';
import { listPolicies, type RetentionPolicy } from '../retention';
import { applyPreset } from './apply';
import type { Checklist } from './checklist';
import type { Preset } from './schema';

export interface SetupEntry {
  key: string;
  labelFi: string;
  labelEn: string;
}

/** A retention policy's terms; null where the policy is off or absent. */
export type PolicyTerms = Omit<RetentionPolicy, 'key' | 'active'>;

export interface SetupChanges {
  kinds: { on: SetupEntry[]; off: SetupEntry[] };
  sources: { on: SetupEntry[]; off: SetupEntry[] };
  retention: Array<{ key: string; before: PolicyTerms | null; after: PolicyTerms | null }>;
  /** Fields new to the register, or switched back on. */
  customFields: SetupEntry[];
}

interface Setup {
  kinds: ListEntry[];
  sources: ListEntry[];
  retention: RetentionPolicy[];
  customFields: Array<SetupEntry & { active: boolean }>;
}

function setupOf(db: ReadableDb): Setup {
  return {
    kinds: listEntries(db, 'kinds'),
    sources: listEntries(db, 'sources'),
    retention: listPolicies(db),
    customFields: db
      .select({
        key: customFields.key,
        labelFi: customFields.labelFi,
        labelEn: customFields.labelEn,
        active: customFields.active,
      })
      .from(customFields)
      .all(),
  };
}

const entryOf = ({ key, labelFi, labelEn }: SetupEntry): SetupEntry => ({ key, labelFi, labelEn });

function switched(before: ListEntry[], after: ListEntry[]) {
  const wasOn = new Set(before.filter((entry) => entry.active).map((entry) => entry.key));
  return {
    on: after.filter((entry) => entry.active && !wasOn.has(entry.key)).map(entryOf),
    off: after.filter((entry) => !entry.active && wasOn.has(entry.key)).map(entryOf),
  };
}

function terms(policy: RetentionPolicy | undefined): PolicyTerms | null {
  if (!policy?.active) return null;
  const { key: _key, active: _active, ...rest } = policy;
  return rest;
}

function setupChanges(before: Setup, after: Setup): SetupChanges {
  const retention = after.retention
    .map((policy) => ({
      key: policy.key,
      before: terms(before.retention.find((old) => old.key === policy.key)),
      after: terms(policy),
    }))
    .filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after));
  const fieldsOn = new Set(before.customFields.filter((field) => field.active).map((field) => field.key));
  return {
    kinds: switched(before.kinds, after.kinds),
    sources: switched(before.sources, after.sources),
    retention,
    customFields: after.customFields.filter((field) => field.active && !fieldsOn.has(field.key)).map(entryOf),
  };
}

/** applyPreset, with what it changed in the register's setup. */
export function applyPresetWithChanges(
  register: UnlockedRegister,
  id: string,
  preset: Preset,
): { checklist: Checklist; changes: SetupChanges } {
  const before = setupOf(register.db);
  const checklist = applyPreset(register, id, preset);
  return { checklist, changes: setupChanges(before, setupOf(register.db)) };
}
