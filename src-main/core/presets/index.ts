// Templates for a kind of business: kinds, sources, fields, retention and notice wording, no identity.
export { applyPreset, presetProfile } from './apply';
export { applyPresetWithChanges, type PolicyTerms, type SetupChanges, type SetupEntry } from './changes';
export { confirmChecklistItem, itemsLeft, readChecklist, type Checklist } from './checklist';
export {
  listPresets,
  loadPreset,
  loadPresetFile,
  presetsDirectory,
  unknownKeys,
  type PresetProblem,
  type PresetProblemKind,
  type PresetSummary,
} from './load';
export { presetSchema, type Preset } from './schema';
