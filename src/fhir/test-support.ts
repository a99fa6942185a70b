/**
 * Test support for the FHIR adapter's tests (imported only by `*.test.ts`, never by the adapter, and not
 * exported from `index.ts`): finds the workspace's real example files, loads the terminology, and builds small
 * synthetic resources. This is the one file of `src/fhir/` that reads files.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CodeMapping, KB_DIR, PROJECT_ROOT, parseKb, readKbFiles } from '../kb/index.js';

/**
 * The `shared/standards/examples` folder: `$FRONTLINE_SHARED_DIR/standards/examples` when set (CI sets it), else
 * found by walking up from the calling test file.
 *
 * @param from - the test's `import.meta.url`
 * @throws when no parent folder holds `shared/standards/examples` (the tests need the workspace's real files)
 */
export function examplesDir(from: string): string {
  const env = process.env.FRONTLINE_SHARED_DIR;
  if (env !== undefined && env !== '' && existsSync(join(env, 'standards', 'examples'))) {
    return resolve(env, 'standards', 'examples');
  }
  const start = dirname(fileURLToPath(from));
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'shared', 'standards', 'examples');
    if (existsSync(candidate)) {
      return resolve(candidate);
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        `no shared/standards/examples folder above ${start}: the FHIR tests read the workspace's real example files (SOURCES.md) and cannot run without them`,
      );
    }
    dir = parent;
  }
}

/** Parses one example file, e.g. `fhir/a-adult-ph-negative-b-all-cd20-35pct.json`. */
export function readExample(from: string, file: string): unknown {
  return JSON.parse(readFileSync(join(examplesDir(from), file), 'utf8'));
}

let cached: readonly CodeMapping[] | undefined;

/**
 * The terminology, parsed from `kb/terminology/*.yaml` alone: the same mappings the whole knowledge base holds
 * (`terminology.test.ts` checks they agree), in a tenth of the time, so each test file (and each mutant run of mutation
 * testing) does not parse and prove the whole knowledge base first.
 */
export function terminology(): readonly CodeMapping[] {
  if (cached !== undefined) {
    return cached;
  }
  const own = parseKb(readKbFiles(KB_DIR, PROJECT_ROOT).filter((f) => f.folder === 'terminology'));
  if (own.kb === undefined) {
    throw new Error(
      `kb/terminology does not load: ${own.issues.map((i) => `${i.file}: ${i.path}: ${i.message}`).join('; ')}`,
    );
  }
  cached = own.kb.terminology;
  return cached;
}

// --- synthetic resources ------------------------------------------------------------------------------------

export const SCT = 'http://snomed.info/sct';
export const LOINC = 'http://loinc.org';
export const ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm';
export const UCUM = 'http://unitsofmeasure.org';
export const INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';

type Json = Record<string, unknown>;

/** A CodeableConcept with one coding. */
export function concept(system: string, code: string, display?: string): Json {
  return { coding: [display === undefined ? { system, code } : { system, code, display }] };
}

/** A Patient `p1` (or another id). */
export function patient(birthDate?: string, id = 'p1'): Json {
  return { resourceType: 'Patient', id, ...(birthDate === undefined ? {} : { birthDate }) };
}

/** A Condition about `Patient/p1`. */
export function condition(id: string, codes: readonly Json[], extra: Json = {}): Json {
  return {
    resourceType: 'Condition',
    id,
    clinicalStatus: concept('http://terminology.hl7.org/CodeSystem/condition-clinical', 'active'),
    code: { coding: codes.flatMap((c) => (c.coding as Json[] | undefined) ?? []) },
    subject: { reference: 'Patient/p1' },
    onsetDateTime: '2025-01-10',
    ...extra,
  };
}

/** An Observation about `Patient/p1` with a LOINC (or other) code. */
export function observation(id: string, code: Json, value: Json, date = '2025-01-11'): Json {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code,
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: date,
    ...value,
  };
}

/** `valueQuantity` (UCUM). */
export function quantity(value: number, unit: string): Json {
  return { valueQuantity: { value, unit, system: UCUM, code: unit } };
}

/** A positive/negative LOINC answer. */
export function answer(positive: boolean): Json {
  return {
    valueCodeableConcept: positive
      ? concept(LOINC, 'LA6576-8', 'Positive')
      : concept(LOINC, 'LA6577-6', 'Negative'),
  };
}

/** A POS/NEG interpretation. */
export function interpretation(positive: boolean): Json {
  return { interpretation: [concept(INTERPRETATION, positive ? 'POS' : 'NEG')] };
}

/** A collection Bundle of the resources. */
export function bundle(...resources: readonly Json[]): Json {
  return { resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) };
}
