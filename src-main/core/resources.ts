// Files the app ships beside its code (presets, fonts, its package.json): in Electron's resources
// folder when packaged (electron-builder's extraResources), else found by walking up from this
// module (`src-main/core` under tsx and vitest, `out/main` when built).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest existing `relative` path in this module's folder or one above it, or null. */
export function nearestAbove(relative: string): string | null {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

export function resourceDirectory(name: 'presets' | 'fonts'): string {
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  const packaged = resourcesPath ? join(resourcesPath, name) : null;
  if (packaged && existsSync(packaged)) return packaged;
  // Where nothing is found, the first place looked is named in the error that follows.
  return (
    nearestAbove(join('resources', name)) ??
    packaged ??
    join(dirname(fileURLToPath(import.meta.url)), 'resources', name)
  );
}
