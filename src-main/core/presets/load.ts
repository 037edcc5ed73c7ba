// Finding and reading the preset files. Each *.json in the presets folder is one preset, its id the
// file name; a bad file is reported with the key path and what is wrong, so one cannot hide the rest.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KaappiError } from '../../../src-shared/errors';
import { resourceDirectory } from '../resources';
import { presetSchema, type Preset } from './schema';

const ID = /^[a-z0-9][a-z0-9-]{0,59}$/;
/** Keys of the old format that named a business: refused with their own reason, not as unknown. */
const IDENTITY_KEYS = new Set(['controller', 'contactPerson']);

export interface PresetSummary {
  id: string;
  name: { fi: string; en: string };
  description: { fi: string; en: string };
}

/** What is wrong with a file, as an error code: its fi/en message (src-shared/errors) takes {file} and {path}. */
export type PresetProblemKind =
  | 'PRESET_FILE_NAME'
  | 'PRESET_NOT_JSON'
  | 'PRESET_FORMAT'
  | 'PRESET_IDENTITY'
  | 'PRESET_UNKNOWN_KEY'
  | 'PRESET_UNKNOWN_KIND'
  | 'PRESET_INVALID_VALUE';

export interface PresetProblem {
  file: string;
  problem: PresetProblemKind;
  /** Where in the file: 'notice.transfers', 'kinds.0.key'; '' for the file as a whole. */
  path: string;
}

class PresetFileError extends Error {
  constructor(
    readonly problem: PresetProblemKind,
    readonly path = '',
  ) {
    super(path ? `${problem} at ${path}` : problem);
  }
}

/** The presets folder (see resourceDirectory). */
export function presetsDirectory(): string {
  return resourceDirectory('presets');
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The object schema inside wrappers (optional, nullable, default, pipe), or the schema itself. */
function unwrapped(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    return unwrapped(schema.unwrap() as z.ZodType);
  }
  if (schema instanceof z.ZodPipe) return unwrapped(schema.in as z.ZodType);
  return schema;
}

/**
 * Keys in the file that the schema does not know, found before parsing: zod drops an unknown key of
 * a non-strict object silently, and a misspelt key ("transfer") is likelier than the missing one.
 */
export function unknownKeys(raw: unknown, schema: z.ZodType, path: string[] = []): string[] {
  const inner = unwrapped(schema);
  if (inner instanceof z.ZodArray && Array.isArray(raw)) {
    return raw.flatMap((item, i) => unknownKeys(item, inner.element as z.ZodType, [...path, String(i)]));
  }
  if (!(inner instanceof z.ZodObject) || !isObject(raw)) return [];
  const shape = inner.shape as Record<string, z.ZodType>;
  return Object.entries(raw).flatMap(([key, value]) =>
    key in shape ? unknownKeys(value, shape[key]!, [...path, key]) : [[...path, key].join('.')],
  );
}

function readPreset(folder: string, file: string): Preset {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(folder, file), 'utf8'));
  } catch {
    throw new PresetFileError('PRESET_NOT_JSON');
  }
  if (!isObject(raw) || raw.format !== 'kaappi-preset' || raw.version !== 2) throw new PresetFileError('PRESET_FORMAT');
  const identity = Object.keys(raw).find((key) => IDENTITY_KEYS.has(key));
  if (identity) throw new PresetFileError('PRESET_IDENTITY', identity);
  const unknown = unknownKeys(raw, presetSchema);
  if (unknown.length > 0) throw new PresetFileError('PRESET_UNKNOWN_KEY', unknown[0]);
  const parsed = presetSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // A kind key the preset does not define gets its own message: the fix is in `kinds`, not here.
    const unknownKind = issue.code === 'custom' && issue.params?.kaappi === 'PRESET_UNKNOWN_KIND';
    throw new PresetFileError(unknownKind ? 'PRESET_UNKNOWN_KIND' : 'PRESET_INVALID_VALUE', issue.path.join('.'));
  }
  return parsed.data;
}

function problemOf(file: string, error: unknown): PresetProblem {
  if (error instanceof PresetFileError) return { file, problem: error.problem, path: error.path };
  return { file, problem: 'PRESET_NOT_JSON', path: '' };
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
      problems.push({ file, problem: 'PRESET_FILE_NAME', path: '' });
      continue;
    }
    try {
      const { name, description } = readPreset(folder, file);
      presets.push({ id, name, description });
    } catch (error) {
      problems.push(problemOf(file, error));
    }
  }
  return { presets, problems };
}

/** A preset from the folder by id. */
export function loadPreset(id: string, folder = presetsDirectory()): Preset {
  const file = `${id}.json`;
  if (!ID.test(id) || !existsSync(join(folder, file))) throw new KaappiError('PRESET_NOT_FOUND');
  return loadPresetFile(folder, file);
}

/** A preset from any file (the CLI's --preset FILE); a bad one throws its problem's error. */
export function loadPresetFile(folder: string, file: string): Preset {
  try {
    return readPreset(folder, file);
  } catch (cause) {
    const { problem, path } = problemOf(file, cause);
    throw new KaappiError(problem, { file, path }, { cause });
  }
}
