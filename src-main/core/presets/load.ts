// Finding and reading the preset files. Each *.json in the presets folder is one preset, its id
// the file name; a file that does not parse or validate is reported, not fatal, so one bad file
// cannot hide the others.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KaappiError } from '../errors';
import { resourceDirectory } from '../resources';
import { presetSchema, type Preset } from './schema';

const ID = /^[a-z0-9][a-z0-9-]{0,59}$/;

export interface PresetSummary {
  id: string;
  name: { fi: string; en: string };
  description: { fi: string; en: string };
}

export interface PresetProblem {
  file: string;
  message: string;
}

/** The folder of presets (see resourceDirectory). */
export function presetsDirectory(): string {
  return resourceDirectory('presets');
}

function parse(folder: string, file: string): Preset {
  const parsed = presetSchema.safeParse(JSON.parse(readFileSync(join(folder, file), 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(issue ? `${issue.path.join('.') || '(file)'}: ${issue.message}` : 'invalid preset');
  }
  return parsed.data;
}

export function listPresets(folder = presetsDirectory()): { presets: PresetSummary[]; problems: PresetProblem[] } {
  const presets: PresetSummary[] = [];
  const problems: PresetProblem[] = [];
  const files = existsSync(folder)
    ? readdirSync(folder)
        .filter((file) => file.endsWith('.json'))
        .sort()
    : [];
  for (const file of files) {
    const id = file.slice(0, -'.json'.length);
    if (!ID.test(id)) {
      problems.push({ file, message: 'the file name must be lower-case letters, digits and hyphens' });
      continue;
    }
    try {
      const { name, description } = parse(folder, file);
      presets.push({ id, name, description });
    } catch (error) {
      problems.push({ file, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { presets, problems };
}

export function loadPreset(id: string, folder = presetsDirectory()): Preset {
  const file = `${id}.json`;
  if (!ID.test(id) || !existsSync(join(folder, file))) throw new KaappiError('INVALID_INPUT');
  try {
    return parse(folder, file);
  } catch (cause) {
    throw new KaappiError('INVALID_INPUT', {}, { cause });
  }
}
