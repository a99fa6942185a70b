/**
 * The data files of `kb/`, read from disk. Only the file system: no parsing, so start-up can hash them without
 * loading the YAML parser or the schemas.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One data file: its path relative to the project root and its text. */
export interface KbFile {
  readonly path: string;
  readonly text: string;
  /** The `kb/` sub-folder the file is in (`studies`, `rules`, ...); `facts` for files at the top of `kb/`. */
  readonly folder: string;
}

const YAML_FILE = /\.ya?ml$/;

/** Lists the data files of a `kb/` folder (sorted, so the content hash is deterministic). */
export function readKbFiles(kbDir: string, projectRoot: string): KbFile[] {
  const files: KbFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'schema') {
          walk(full);
        }
      } else if (YAML_FILE.test(entry.name)) {
        const inside = relative(kbDir, full).split(/[\\/]/);
        const folder = inside.length > 1 ? (inside[0] ?? '') : 'facts';
        files.push({ path: relative(projectRoot, full), text: readFileSync(full, 'utf8'), folder });
      }
    }
  };
  walk(kbDir);
  return files;
}
