// Robustness of every input surface, bounded to a few seconds each: hostile input never crashes the profile
// parser, the FHIR mapper, the CLI or any HTTP endpoint; nothing answers 5xx or prints a stack trace; every rejection
// is a 4xx / non-zero exit with a message, naming the field where there is one. `npm run fuzz` runs the same
// surfaces with 100,000+ cases each (docs/reliability.md).
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cliSurface,
  fhirSurface,
  httpSurface,
  profileSurface,
  type Surface,
  type Violation,
} from './fuzz/surfaces.js';

async function violationsOf<T>(surface: Surface<T>, numRuns: number): Promise<Violation[]> {
  const found: Violation[] = [];
  await fc
    .assert(
      fc.asyncProperty(surface.arbitrary, async (input) => {
        const v = await surface.check(input);
        if (v.length > 0) {
          found.push(...v);
          return false;
        }
        return true;
      }),
      { numRuns, seed: Number(process.env.FUZZ_SEED ?? 42), endOnFailure: true },
    )
    .catch(() => undefined);
  return found;
}

describe('robustness (property-based, bounded)', () => {
  const surfaces = {
    profile: profileSurface(),
    fhir: fhirSurface(),
    cli: cliSurface(),
    http: httpSurface(),
  };
  afterAll(() => {
    for (const s of Object.values(surfaces)) {
      s.close?.();
    }
  });

  it('the profile parser names a field for every rejection and never throws', async () => {
    expect(await violationsOf(surfaces.profile, 2000)).toEqual([]);
  });

  it('the FHIR mapper (Bundle and prefetch) and recommend never throw on mutated bundles', async () => {
    expect(await violationsOf(surfaces.fhir, 500)).toEqual([]);
  });

  it('the CLI exits with a message, never a stack trace or an unexpected error', async () => {
    expect(await violationsOf(surfaces.cli, 300)).toEqual([]);
  });

  it('every HTTP endpoint answers hostile requests with a 4xx that says why, never a 5xx', async () => {
    expect(await violationsOf(surfaces.http, 600)).toEqual([]);
  });
});
