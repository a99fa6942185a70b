/**
 * The committed releases of the knowledge base: `kb/releases/<version>.json`, one per released version (the loader
 * reads only YAML, so they are not knowledge-base data and do not change its version).
 * @module
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KB_DIR } from '../kb/paths.js';
import { type KbRelease, parseRelease, releaseText } from './release.js';

export const RELEASES_DIR = join(KB_DIR, 'releases');

/** `kb/releases/<version>.json`. */
export function releaseFile(version: string, dir = RELEASES_DIR): string {
  return join(dir, `${version}.json`);
}

/** Reads and checks one release file. */
export function readRelease(file: string): KbRelease {
  return parseRelease(readFileSync(file, 'utf8'), file);
}

/** Every release, oldest first (by date, then by the order each names its previous one). */
export function listReleases(dir = RELEASES_DIR): KbRelease[] {
  if (!existsSync(dir)) {
    return [];
  }
  const all = readdirSync(dir)
    .filter((f) => /^kb-[0-9a-f]+\.json$/.test(f))
    .map((f) => readRelease(join(dir, f)));
  const rank = (r: KbRelease): number => {
    let n = 0;
    let prev = r.previous;
    while (prev !== undefined && n < all.length) {
      n++;
      const p = prev;
      prev = all.find((x) => x.version === p)?.previous;
    }
    return n;
  };
  return all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : rank(a) - rank(b)));
}

export function writeRelease(r: KbRelease, dir = RELEASES_DIR): string {
  const file = releaseFile(r.version, dir);
  writeFileSync(file, releaseText(r));
  return file;
}
