/**
 * FHIR R4 / mCODE STU4 → Frontline patient profile. Pure: data in, result out (no I/O, no clock, no randomness);
 * malformed input gives issues, never an exception.
 * @module
 */
import type { Issue } from '../issues/index.js';
import type { CodeMapping } from '../kb/index.js';
import { fieldLabel } from '../profile/labels.js';
import { PROFILE_FIELDS } from '../profile/values.js';
import { mapAge } from './age.js';
import { bundleEntries, type Located } from './bundle.js';
import { Terminology } from './coding.js';
import { allConditions } from './condition.js';
import { mapDiagnosisGenetics, mapLineage, mapPhase } from './diagnosis.js';
import { mapPriorTherapy } from './medication.js';
import { type MrdValue, type ObservationFindings, readObservations } from './observation.js';
import { forPatient, selectPatient } from './patient.js';
import { mapPh, phFromConditions } from './ph.js';
import { type Candidate, describeCandidates, type PickPolicy, pick } from './pick.js';
import { dedupe, withoutOutcomes } from './resources.js';
import { Accumulator, type FhirMapResult } from './result.js';

interface FieldPlan<T> {
  readonly field: string;
  readonly label: string;
  readonly candidates: readonly Candidate<T>[];
  readonly policy: PickPolicy;
  readonly show: (v: T) => string;
  readonly same?: (a: T, b: T) => boolean;
}

function pickInto<T>(acc: Accumulator, plan: FieldPlan<T>): void {
  const picked = pick(plan.candidates, plan.policy, plan.same);
  if (picked.kind === 'value') {
    acc.set(plan.field, picked.value, picked.refs);
  } else if (picked.kind === 'conflict') {
    acc.conflict(
      plan.field,
      `${plan.label} results of the same date (or undated) disagree: ${describeCandidates(picked.candidates, plan.show)}`,
      picked.candidates.map((c) => c.ref),
    );
  }
}

const showMrd = (m: MrdValue): string => `${m.value}${m.method === undefined ? '' : ` by ${m.method}`}`;

function mapObservationFields(found: ObservationFindings, acc: Accumulator): void {
  pickInto(acc, { field: 'wbc', label: 'WBC', candidates: found.wbc, policy: 'earliest', show: String });
  pickInto(acc, {
    field: 'cd20Percent',
    label: 'CD20 %',
    candidates: found.cd20Percent,
    policy: 'earliest',
    show: (v) => `${v} %`,
  });
  pickInto(acc, { field: 'cd22', label: 'CD22', candidates: found.cd22, policy: 'earliest', show: String });
  pickInto(acc, {
    field: 'mrd',
    label: 'MRD',
    candidates: found.mrd,
    policy: 'latest',
    show: showMrd,
    same: (a, b) => a.value === b.value && a.method === b.method,
  });
  pickInto(acc, {
    field: 'pediatricRisk',
    label: 'ALL risk group',
    candidates: found.pediatricRisk,
    policy: 'latest',
    show: String,
  });
  if (found.abl1Mutations.length > 0) {
    acc.set(
      'abl1Mutations',
      [...new Set(found.abl1Mutations.map((m) => m.value))],
      found.abl1Mutations.map((m) => m.ref),
    );
  }
}

/** Fields read from immunophenotyping; CD20 and CD22 matter only for B-lineage ALL. */
function markerFields(acc: Accumulator): string[] {
  return acc.input.lineage === 'T' ? ['cd19'] : ['cd19', 'cd20Percent', 'cd22'];
}

/** Free-text immunophenotypes are never parsed: each is named as the place CD19 (and CD20, CD22) would be read. */
function reportFreeText(refs: readonly string[], acc: Accumulator): void {
  for (const ref of refs) {
    for (const field of markerFields(acc).filter((f) => !acc.has(f))) {
      acc.miss(
        field,
        `${ref} is a free-text immunophenotype; Frontline never parses free text for ${fieldLabel(field)}: enter it from the report`,
        ref,
      );
    }
  }
}

/** Missing entries for fields with no result at all (and no more specific entry). */
function reportAbsent(acc: Accumulator): void {
  const lineageT = acc.input.lineage === 'T';
  const absent: [string, string, boolean][] = [
    ['cd20Percent', 'no CD20 % of blasts result (flow cytometry)', !lineageT],
    ['cd22', 'no CD22 result (flow cytometry)', !lineageT],
    ['mrd', 'no measurable residual disease (MRD) result', true],
    ['wbc', 'no white blood cell count', true],
  ];
  for (const [field, text, relevant] of absent) {
    if (relevant && !acc.has(field) && !acc.missing.some((m) => m.field === field)) {
      acc.miss(field, text);
    }
  }
}

/** Orders the input by the profile's field order and the missing entries by field (stable). */
function finish(acc: Accumulator, issues: Issue[]): FhirMapResult {
  const order = (field: string): number => {
    const i = (PROFILE_FIELDS as readonly string[]).indexOf(field);
    return i === -1 ? PROFILE_FIELDS.length : i;
  };
  const input: Record<string, unknown> = {};
  const sources: Record<string, string[]> = {};
  for (const field of Object.keys(acc.input).sort((a, b) => order(a) - order(b))) {
    input[field] = acc.input[field];
    sources[field] = acc.sources[field] ?? [];
  }
  const missing = acc.missing
    .map((m, i) => ({ m, i }))
    .sort((a, b) => order(a.m.field) - order(b.m.field) || a.i - b.i)
    .map(({ m }) => m);
  return { input, sources, missing, warnings: acc.warnings, issues, allDiagnosis: acc.allDiagnosis };
}

/**
 * Maps located resources (from a Bundle or a prefetch) to a profile.
 *
 * @param located - the resources, in input order
 * @param mappings - the terminology (`kb.terminology`)
 * @param issues - structural issues found while locating them; more are added
 */
export function mapResources(
  located: readonly Located[],
  mappings: readonly CodeMapping[],
  issues: Issue[],
): FhirMapResult {
  const term = Terminology.of(mappings);
  const acc = new Accumulator();
  const resources = withoutOutcomes(dedupe(located, issues), issues);
  const patient = selectPatient(resources, issues);
  const mine = forPatient(resources, patient, issues);
  const conditions = allConditions(mine, term);
  acc.allDiagnosis = conditions.length > 0;
  mapAge(patient, conditions[0], acc);
  mapLineage(conditions, acc);
  mapPhase(conditions, acc);
  mapDiagnosisGenetics(conditions, acc);
  const found = readObservations(
    mine.filter((r) => r.type === 'Observation'),
    term,
    acc,
  );
  mapPh([...phFromConditions(conditions), ...found.ph], acc);
  mapObservationFields(found, acc);
  mapPriorTherapy(mine, term, acc);
  reportFreeText(found.immunophenotype, acc);
  reportAbsent(acc);
  return finish(acc, issues);
}

/**
 * Maps a FHIR R4 Bundle (any type: collection, searchset, document, ...) to a Frontline profile input.
 *
 * @param bundle - the Bundle as parsed JSON (anything: a non-Bundle gives an error issue and an empty input)
 * @param terminology - the code maps, `kb.terminology`
 * @returns the profile input, its sources, what is missing, clinical warnings and structural issues
 * @example
 * const { kb } = loadKb();
 * const result = mapBundle(JSON.parse(text), kb.terminology);
 * const parsed = parseProfile(result.input); // lineage may be missing: see result.missing
 */
export function mapBundle(bundle: unknown, terminology: readonly CodeMapping[]): FhirMapResult {
  const issues: Issue[] = [];
  const located = bundleEntries(bundle, '', issues);
  return mapResources(located, terminology, issues);
}
