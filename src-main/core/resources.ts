// Files the app ships beside its code (presets, fonts): in Electron's resources folder when
// packaged (electron-builder's extraResources), else `resources/<name>` in the source tree, found
// by walking up from this module (`src-main/core` under tsx and vitest, `out/main` when built).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function resourceDirectory(name: 'presets' | 'fonts'): string {
  const candidates: string[] = [];
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.push(join(resourcesPath, name));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    candidates.push(join(dir, 'resources', name));
    dir = dirname(dir);
  }
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0]!;
}
