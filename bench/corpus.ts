/**
 * The benchmark corpus: seeded, generated, varied patient profiles (the test suite's `validProfile` generator), so
 * every run measures the same 100,000 patients and a change in a figure is a change in the code, not in the data.
 * @module
 */
import fc from 'fast-check';
import { type Profile, parseProfile } from '../src/profile/index.js';
import { validProfile } from '../test/support/arbitraries.js';

/** The seed of every benchmark corpus (change it and the figures are no longer comparable). */
export const CORPUS_SEED = 20250601;

/** `n` profiles as JSON (as a client would send them), the same for the same seed. */
export function profileJson(n: number, seed: number = CORPUS_SEED): Record<string, unknown>[] {
  return fc.sample(validProfile, { seed, numRuns: n });
}

/** `n` parsed, normalized profiles (what the engine reads). */
export function profiles(n: number, seed: number = CORPUS_SEED): Profile[] {
  return profileJson(n, seed).map((json, i) => {
    const parsed = parseProfile(json);
    if (!parsed.ok) {
      throw new Error(`corpus profile ${i} does not parse: ${JSON.stringify(parsed.errors)}`);
    }
    return parsed.profile;
  });
}
