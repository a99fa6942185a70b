/**
 * The golden corpus: patients generated from the knowledge base so that every boundary of every rule, alert and
 * option warning is crossed. For each of them the generator builds patients its own criteria accept (from the first
 * base patient of each age group that can be made to fit), then varies one fact at a time over every value worth
 * trying (thresholds.ts) and "unknown". Deterministic: no randomness, knowledge-base order; a profile met twice keeps
 * its first id.
 * @module
 */
import type { Criterion, FactName, Kb } from '../kb/core.js';
import { parseProfile } from '../profile/index.js';
import { domainOf } from './fact-domain.js';
import { canonicalProfile, type JsonProfile, setFact } from './profile-json.js';
import { satisfy } from './satisfy.js';
import { comparisons, factsOf, valuesToTry } from './thresholds.js';

export interface GoldenProfile {
  /** Stable and readable: `<rule>/<fact>=<value>`, `<rule>/<warning>/base`, `alert:<code>/...`, `base/...`. */
  readonly id: string;
  /** The normalized profile, keys in the contract's order. */
  readonly profile: JsonProfile;
}

export interface Corpus {
  readonly profiles: readonly GoldenProfile[];
  /** Rules, warnings or alerts no base patient could be made to satisfy (their boundaries are not covered). */
  readonly unsatisfied: readonly string[];
}

/**
 * The ages of the base patients: a child, an adult and an older adult. These are not clinical thresholds (those
 * come from the rules); they only give the generator somewhere to start.
 */
const BASE_AGES: readonly (readonly [string, number])[] = [
  ['adult', 40],
  ['child', 10],
  ['older', 70],
];

function words(fact: FactName): readonly string[] {
  const d = domainOf(fact);
  return d.kind === 'enum' ? d.values : [];
}

/** Base patients: every lineage × phase × Ph status (with "unknown" left out) × age group. */
export function basePatients(): GoldenProfile[] {
  const out: GoldenProfile[] = [];
  for (const lineage of words('lineage')) {
    for (const phase of words('phase')) {
      for (const ph of words('ph')) {
        for (const [group, age] of BASE_AGES) {
          const profile: Record<string, unknown> = { age, lineage, phase };
          if (ph !== 'unknown') {
            profile.ph = ph;
          }
          out.push({ id: `base/${lineage}.${phase}.ph-${ph}.${group}`, profile });
        }
      }
    }
  }
  return out;
}

function label(value: unknown): string {
  if (value === undefined) {
    return 'unknown';
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? 'none' : value.map(String).join('+');
  }
  return String(value);
}

interface Target {
  readonly id: string;
  /** What the base patient must satisfy. */
  readonly when: Criterion;
  /** The criterion whose facts are varied. */
  readonly vary: Criterion;
}

function targets(kb: Kb): Target[] {
  const out: Target[] = [];
  for (const rule of kb.recommendations) {
    out.push({ id: rule.id, when: rule.when, vary: rule.when });
    for (const w of rule.warnings) {
      if (w.when !== undefined) {
        out.push({ id: `${rule.id}/${w.code}`, when: { all: [rule.when, w.when] }, vary: w.when });
      }
    }
  }
  for (const alert of kb.alerts) {
    out.push({ id: `alert:${alert.code}`, when: alert.when, vary: alert.when });
  }
  return out;
}

/** The profiles of one target: its satisfying base, then one fact at a time over its values and "unknown". */
function around(prefix: string, t: Target, base: JsonProfile, kb: Kb): GoldenProfile[] {
  const out: GoldenProfile[] = [{ id: `${prefix}/base`, profile: base }];
  const list = comparisons(t.vary);
  for (const fact of factsOf(t.vary)) {
    for (const value of [...valuesToTry(fact, list, kb.boundaries), undefined]) {
      out.push({ id: `${prefix}/${fact}=${label(value)}`, profile: setFact(base, fact, value) });
    }
  }
  return out;
}

/**
 * The satisfying bases of a target: for each age group, the first base patient (in grid order) that can be made to
 * satisfy it, keeping only bases that differ. The first is the target's main base.
 */
function satisfyingBases(t: Target, bases: readonly GoldenProfile[]): [string, JsonProfile][] {
  const out: [string, JsonProfile][] = [];
  const seen = new Set<string>();
  for (const [group] of BASE_AGES) {
    for (const b of bases) {
      if (!b.id.endsWith(`.${group}`)) {
        continue;
      }
      const s = satisfy(t.when, b.profile);
      if (s !== undefined) {
        const key = JSON.stringify(canonicalProfile(s));
        if (!seen.has(key)) {
          seen.add(key);
          out.push([group, s]);
        }
        break;
      }
    }
  }
  return out;
}

/** Generates the golden corpus of a knowledge base. */
export function generateCorpus(kb: Kb): Corpus {
  const bases = basePatients();
  const candidates: GoldenProfile[] = [...bases];
  const unsatisfied: string[] = [];
  for (const t of targets(kb)) {
    const found = satisfyingBases(t, bases);
    if (found.length === 0) {
      unsatisfied.push(t.id);
      continue;
    }
    found.forEach(([group, base], i) => {
      candidates.push(...around(i === 0 ? t.id : `${t.id}[${group}]`, t, base, kb));
    });
  }
  const seenProfiles = new Set<string>();
  const seenIds = new Set<string>();
  const profiles: GoldenProfile[] = [];
  for (const c of candidates) {
    const parsed = parseProfile(c.profile);
    if (!parsed.ok) {
      continue; // e.g. lineage left out while the contract requires it
    }
    const profile = canonicalProfile(parsed.profile);
    const key = JSON.stringify(profile);
    if (seenProfiles.has(key) || seenIds.has(c.id)) {
      continue;
    }
    seenProfiles.add(key);
    seenIds.add(c.id);
    profiles.push({ id: c.id, profile });
  }
  return { profiles, unsatisfied };
}
