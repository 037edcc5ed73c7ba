// Presets: the seed notices (and any other business's) as data files that set up the register.
export { applyPreset, presetProfile } from './apply';
export { listPresets, loadPreset, presetsDirectory, type PresetProblem, type PresetSummary } from './load';
export { presetSchema, type Preset } from './schema';
