/**
 * The committed golden files: `test/golden/profiles.ndjson` (one `{ "id", "profile" }` per line) and
 * `test/golden/decisions.ndjson` (one snapshot per line, same order). Reading reports a bad line by number.
 * @module
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../kb/paths.js';
import type { GoldenProfile } from './generate.js';
import { type DecisionSnapshot, snapshotLine } from './snapshot.js';

export const GOLDEN_DIR = join(PROJECT_ROOT, 'test', 'golden');
export const PROFILES_FILE = join(GOLDEN_DIR, 'profiles.ndjson');
export const DECISIONS_FILE = join(GOLDEN_DIR, 'decisions.ndjson');

function lines<T>(text: string, file: string, check: (v: unknown) => v is T): T[] {
  const out: T[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') {
      return;
    }
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1}: not JSON`);
    }
    if (!check(v)) {
      throw new Error(`${file}:${i + 1}: not a golden record`);
    }
    out.push(v);
  });
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isProfile(v: unknown): v is GoldenProfile {
  return isRecord(v) && typeof v.id === 'string' && isRecord(v.profile);
}

function isSnapshot(v: unknown): v is DecisionSnapshot {
  return (
    isRecord(v) &&
    typeof v.id === 'string' &&
    Array.isArray(v.options) &&
    Array.isArray(v.pending) &&
    isRecord(v.optionWarnings) &&
    Array.isArray(v.warnings) &&
    Array.isArray(v.missing)
  );
}

export function profilesText(profiles: readonly GoldenProfile[]): string {
  return profiles.map((p) => `${JSON.stringify({ id: p.id, profile: p.profile })}\n`).join('');
}

export function decisionsText(snapshots: readonly DecisionSnapshot[]): string {
  return snapshots.map((s) => `${snapshotLine(s)}\n`).join('');
}

export function parseProfiles(text: string, file = PROFILES_FILE): GoldenProfile[] {
  return lines(text, file, isProfile);
}

export function parseDecisions(text: string, file = DECISIONS_FILE): DecisionSnapshot[] {
  return lines(text, file, isSnapshot);
}

/** The committed corpus, or undefined when this copy of Frontline has none (an installed package). */
export function readCommittedProfiles(file = PROFILES_FILE): GoldenProfile[] | undefined {
  return existsSync(file) ? parseProfiles(readFileSync(file, 'utf8'), file) : undefined;
}

export function readCommittedDecisions(file = DECISIONS_FILE): DecisionSnapshot[] | undefined {
  return existsSync(file) ? parseDecisions(readFileSync(file, 'utf8'), file) : undefined;
}

export function writeGolden(
  profiles: readonly GoldenProfile[],
  snapshots: readonly DecisionSnapshot[],
): void {
  writeFileSync(PROFILES_FILE, profilesText(profiles));
  writeFileSync(DECISIONS_FILE, decisionsText(snapshots));
}
