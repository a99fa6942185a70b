/**
 * Varied CDS Hooks `patient-view` requests for load tests: the workspace's FHIR example bundles (adult Ph-negative
 * B-ALL, Ph-positive with T315I, T-ALL adolescent, MRD-positive CR1, missing birth date, ICD-10-only, the mCODE
 * patient), each varied by a seeded generator: birth year, every numeric result (CD20 %, MRD, WBC, ...) and whether
 * each observation is present at all. So the server evaluates different patients, with different options and
 * different missing facts, not one body again and again.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { patientViewRequest } from '../test/support/prefetch.js';
import { STANDARDS_DIR } from '../test/support/spec-examples.js';

type Json = Record<string, unknown>;

/** A small seeded generator (mulberry32), so the same seed gives the same patients. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The FHIR example bundles of the workspace (shared/standards/examples/fhir and mcode). */
export function exampleBundles(): Json[] {
  const out: Json[] = [];
  for (const folder of ['fhir', 'mcode']) {
    const dir = join(STANDARDS_DIR, 'examples', folder);
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      out.push(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Json);
    }
  }
  return out;
}

function vary(resource: Json, random: () => number): Json | undefined {
  const r = structuredClone(resource);
  if (r.resourceType === 'Patient' && typeof r.birthDate === 'string') {
    const year = 1945 + Math.floor(random() * 75);
    r.birthDate = `${year}${r.birthDate.slice(4)}`;
  }
  if (r.resourceType === 'Observation') {
    if (random() < 0.15) {
      return undefined; // this result is not in the record: the fact becomes unknown
    }
    const q = r.valueQuantity as { value?: unknown; unit?: unknown } | undefined;
    if (q !== undefined && typeof q.value === 'number') {
      const scaled = q.value * (0.1 + random() * 2.5);
      q.value = Number((q.unit === '%' ? Math.min(100, scaled) : scaled).toPrecision(3));
    }
  }
  return r;
}

/** `n` varied patient-view request bodies (JSON text), seeded. */
export function patientViewBodies(n: number, seed = 7): string[] {
  const bases = exampleBundles();
  const random = rng(seed);
  const bodies: string[] = [];
  for (let i = 0; i < n; i++) {
    const base = bases[i % bases.length] as Json;
    const entries = (base.entry as { resource?: Json }[] | undefined) ?? [];
    const varied = entries.flatMap((e) => {
      const r = e.resource === undefined ? undefined : vary(e.resource, random);
      return r === undefined ? [] : [{ resource: r }];
    });
    const request = patientViewRequest({ ...base, entry: varied }, { hookInstance: randomUUID() });
    bodies.push(JSON.stringify(request));
  }
  return bodies;
}
