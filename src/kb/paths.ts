/**
 * Where the package's own files are: the project root (the folder holding `kb/`), from this module's location
 * (`src/kb/` when run from source, `dist/kb/` when built).
 * @module
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const KB_DIR = join(PROJECT_ROOT, 'kb');

/**
 * Finds a source's full text: an explicit path, then `FRONTLINE_SOURCE_DIR`, then `shared/sources/<file>` in the
 * project's parent folders (the workspace layout: `../shared/sources/`).
 */
export function locateSourceText(textFile: string, explicit?: string): string | undefined {
  if (explicit !== undefined) {
    return resolve(explicit);
  }
  const envDir = process.env.FRONTLINE_SOURCE_DIR;
  if (envDir !== undefined && envDir !== '') {
    const p = join(resolve(envDir), textFile);
    return existsSync(p) ? p : undefined;
  }
  let dir = PROJECT_ROOT;
  for (;;) {
    const candidate = join(dir, '..', 'shared', 'sources', textFile);
    if (existsSync(candidate)) {
      return resolve(candidate);
    }
    const parent = dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}
