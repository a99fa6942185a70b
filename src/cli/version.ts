/**
 * The version `frontline --version` prints: the package's own, read from the nearest package.json named
 * "frontline" above this module (the compiled tree and the bundle sit at different depths).
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** "0.1.0", or "unknown" when no package.json of Frontline is found. */
export function packageVersion(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (let i = 0; i < 6; i += 1) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof pkg === 'object' && pkg !== null && 'name' in pkg && pkg.name === 'frontline') {
        return 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : 'unknown';
      }
    }
    dir = dirname(dir);
  }
  return 'unknown';
}
