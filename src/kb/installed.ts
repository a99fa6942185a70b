/**
 * The installed knowledge base, fast: `npm run build` writes the validated knowledge base to `dist/kb.json` with a
 * hash of the data files it came from. At start-up the CLI and server read that JSON when the hash still matches
 * the files (a few milliseconds) instead of parsing and validating the YAML again (about a second); after any edit
 * to `kb/` the hash differs and the YAML is loaded and validated as usual.
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type KbFile, readKbFiles } from './files.js';
import type { LoadResult } from './load.js';
import { KB_DIR, PROJECT_ROOT } from './paths.js';
import type { Kb } from './schema/index.js';

export const KB_BUNDLE = join(PROJECT_ROOT, 'dist', 'kb.json');

interface Bundle {
  readonly filesHash: string;
  readonly kb: Kb;
}

/** A hash of the data files' paths and contents. */
export function filesHash(files: readonly KbFile[]): string {
  const h = createHash('sha256');
  for (const f of files) {
    h.update(f.path).update('\0').update(f.text).update('\0');
  }
  return h.digest('hex');
}

/** Validates the knowledge base and writes the bundle; returns the issues when it does not load. */
export async function writeKbBundle(path: string = KB_BUNDLE, kbDir: string = KB_DIR): Promise<LoadResult> {
  const files = readKbFiles(kbDir, PROJECT_ROOT);
  const { parseKb } = await import('./load.js');
  const result = parseKb(files);
  if (result.kb !== undefined) {
    const bundle: Bundle = { filesHash: filesHash(files), kb: result.kb };
    writeFileSync(path, JSON.stringify(bundle));
  }
  return result;
}

/**
 * The installed knowledge base: from the bundle when it matches the data files, else validated from YAML (the YAML
 * parser and the schemas are loaded only then).
 */
export async function loadInstalledKb(
  kbDir: string = KB_DIR,
  bundlePath: string = KB_BUNDLE,
): Promise<LoadResult> {
  const files = readKbFiles(kbDir, PROJECT_ROOT);
  if (existsSync(bundlePath)) {
    try {
      const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as Bundle;
      if (bundle.filesHash === filesHash(files)) {
        return { kb: bundle.kb, issues: [], origins: new Map() };
      }
    } catch {
      // an unreadable bundle is ignored: the YAML is the source of truth
    }
  }
  const { parseKb } = await import('./load.js');
  return parseKb(files);
}
