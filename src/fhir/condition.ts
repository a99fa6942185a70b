/**
 * Finding the ALL Condition(s): a Condition whose code, or whose mCODE histology-morphology-behavior extension,
 * is an ALL code of the terminology. Matched on codes, not on `meta.profile` (many EHRs send none; NOTES.md §11).
 * @module
 */
import type { CodeMapping } from '../kb/index.js';
import type { Located } from './bundle.js';
import { codingsOf, type Terminology } from './coding.js';
import { parseFhirDate, sortKey } from './date.js';
import { type JsonObject, num, obj, objs, str } from './json.js';

/** mCODE STU4 `mcode-histology-morphology-behavior` (SD_Condition.fsh). */
const HISTOLOGY_EXTENSION =
  'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior';

/** Verification statuses that mean the diagnosis does not hold (FHIR R4 condition-ver-status). */
const NOT_A_DIAGNOSIS = new Set(['refuted', 'entered-in-error']);

/** A terminology entry read from a Condition's code or its histology morphology. */
export type DiagnosisMapping = Extract<CodeMapping, { kind: 'condition' | 'morphology' }>;
/** A terminology entry read from `Condition.clinicalStatus`. */
export type StatusMapping = Extract<CodeMapping, { kind: 'clinical-status' }>;

/** An ALL Condition and what its codes say. */
export interface AllCondition {
  readonly at: Located;
  /** The diagnosis date as written: `onsetDateTime`, else `onsetPeriod.start`, else `recordedDate`. */
  readonly date?: string;
  /** Which element `date` came from, for messages. */
  readonly dateElement?: string;
  /** `sortKey` of `date`. */
  readonly when?: number;
  /** `onsetAge` in years, when given as a UCUM `a` quantity. */
  readonly onsetAgeYears?: number;
  readonly diagnosis: readonly DiagnosisMapping[];
  readonly status: readonly StatusMapping[];
  /** `clinicalStatus` code as written, for messages. */
  readonly clinicalStatus?: string;
}

function morphologyMappings(condition: JsonObject, term: Terminology): DiagnosisMapping[] {
  return objs(condition, 'extension')
    .filter((e) => str(e, 'url') === HISTOLOGY_EXTENSION)
    .flatMap((e) => term.lookupConcept('morphology', obj(e, 'valueCodeableConcept')));
}

function diagnosisDate(c: JsonObject): { date: string; element: string } | undefined {
  const candidates: [string | undefined, string][] = [
    [str(c, 'onsetDateTime'), 'onsetDateTime'],
    [str(obj(c, 'onsetPeriod'), 'start'), 'onsetPeriod.start'],
    [str(c, 'recordedDate'), 'recordedDate'],
  ];
  for (const [date, element] of candidates) {
    if (date !== undefined) {
      return { date, element };
    }
  }
  return undefined;
}

function onsetAgeYears(c: JsonObject): number | undefined {
  const age = obj(c, 'onsetAge');
  const code = str(age, 'code') ?? str(age, 'unit');
  const value = num(age, 'value');
  return value !== undefined && value >= 0 && (code === 'a' || code === 'yr' || code === 'years')
    ? Math.floor(value)
    : undefined;
}

function readCondition(at: Located, term: Terminology): AllCondition | undefined {
  const c = at.resource;
  const verification = codingsOf(obj(c, 'verificationStatus')).map((x) => x.code);
  if (verification.some((code) => code !== undefined && NOT_A_DIAGNOSIS.has(code))) {
    return undefined;
  }
  const diagnosis = [...term.lookupConcept('condition', obj(c, 'code')), ...morphologyMappings(c, term)];
  if (diagnosis.length === 0) {
    return undefined;
  }
  const dated = diagnosisDate(c);
  const parsed = dated === undefined ? undefined : parseFhirDate(dated.date);
  const clinicalStatus = codingsOf(obj(c, 'clinicalStatus')).find((x) => x.code !== undefined)?.code;
  const ageYears = onsetAgeYears(c);
  return {
    at,
    diagnosis,
    status: term.lookupConcept('clinical-status', obj(c, 'clinicalStatus')),
    ...(dated === undefined ? {} : { date: dated.date, dateElement: dated.element }),
    ...(parsed === undefined ? {} : { when: sortKey(parsed) }),
    ...(ageYears === undefined ? {} : { onsetAgeYears: ageYears }),
    ...(clinicalStatus === undefined ? {} : { clinicalStatus }),
  };
}

/** The ALL Conditions among the resources, earliest diagnosis date first (undated last, input order kept). */
export function allConditions(resources: readonly Located[], term: Terminology): AllCondition[] {
  const found = resources
    .filter((r) => r.type === 'Condition')
    .map((r) => readCondition(r, term))
    .filter((c): c is AllCondition => c !== undefined);
  return found
    .map((c, i) => ({ c, i }))
    .sort(
      (a, b) => (a.c.when ?? Number.POSITIVE_INFINITY) - (b.c.when ?? Number.POSITIVE_INFINITY) || a.i - b.i,
    )
    .map(({ c }) => c);
}
