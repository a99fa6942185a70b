/**
 * Reading an Observation's result: its date, a coded positive/negative (answer or interpretation), a quantity
 * converted to the profile's unit with the terminology's UCUM table.
 * @module
 */
import type { Located } from './bundle.js';
import { codingsOf, describeConcept, type Terminology } from './coding.js';
import { parseFhirDate, sortKey } from './date.js';
import { type JsonObject, num, obj, objs, str } from './json.js';

/** FHIR R4 Observation statuses that carry no usable result. */
const NO_RESULT = new Set(['entered-in-error', 'cancelled', 'registered']);

/** True when the Observation's status says it carries a result (final, amended, corrected, preliminary, ...). */
export function hasResult(observation: JsonObject): boolean {
  const status = str(observation, 'status');
  return status === undefined || !NO_RESULT.has(status);
}

/** The clinically relevant time of an Observation (`effective[x]`, else `issued`) as a `sortKey`. */
export function observedAt(observation: JsonObject): number | undefined {
  const text =
    str(observation, 'effectiveDateTime') ??
    str(obj(observation, 'effectivePeriod'), 'start') ??
    str(observation, 'effectiveInstant') ??
    str(observation, 'issued');
  const parsed = text === undefined ? undefined : parseFhirDate(text);
  return parsed === undefined ? undefined : sortKey(parsed);
}

/** A positive / negative result and where it was read. */
export interface Presence {
  readonly value: 'positive' | 'negative';
  readonly from: 'answer' | 'interpretation';
}

/**
 * Positive / negative from `valueCodeableConcept` (a coded answer such as LOINC LA6576-8), else from
 * `interpretation` (POS / NEG). Answers that map to both values give `undefined`.
 */
export function presenceOf(observation: JsonObject, term: Terminology): Presence | undefined {
  const answers = new Set(
    term.lookupConcept('answer', obj(observation, 'valueCodeableConcept')).map((m) => m.value),
  );
  if (answers.size === 1) {
    const [value] = answers;
    return value === undefined ? undefined : { value, from: 'answer' };
  }
  if (answers.size > 1) {
    return undefined;
  }
  const interpretations = new Set(
    objs(observation, 'interpretation').flatMap((cc) =>
      term.lookupConcept('interpretation', cc).map((m) => m.value),
    ),
  );
  if (interpretations.size === 1) {
    const [value] = interpretations;
    return value === undefined ? undefined : { value, from: 'interpretation' };
  }
  return undefined;
}

/** `valueQuantity` as written. */
export interface Quantity {
  readonly value: number;
  readonly unit?: string;
  readonly comparator?: string;
}

/** The Observation's `valueQuantity` (UCUM `code`, else the `unit` text), when it has a numeric value. */
export function quantityOf(observation: JsonObject): Quantity | undefined {
  const q = obj(observation, 'valueQuantity');
  const value = num(q, 'value');
  if (value === undefined) {
    return undefined;
  }
  const unit = str(q, 'code') ?? str(q, 'unit');
  const comparator = str(q, 'comparator');
  return {
    value,
    ...(unit === undefined ? {} : { unit }),
    ...(comparator === undefined ? {} : { comparator }),
  };
}

/** A converted number, or why the quantity could not be converted. */
export type Converted =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly reason: string };

/** Rounds away binary floating-point noise (0.1 × 0.01 = 0.0010000000000000002 → 0.001). */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}

/**
 * Converts a quantity to the profile's unit for `fact` with the terminology's unit entries (UCUM `code` as
 * written; `10*3/uL` and `10*9/L` are the same number, `/uL` ÷ 1000, MRD `%` × 0.01).
 */
export function convert(q: Quantity, fact: 'wbc' | 'cd20Percent' | 'mrd', term: Terminology): Converted {
  if (q.comparator !== undefined) {
    return {
      ok: false,
      reason: `the value is "${q.comparator}${q.value}", a bound rather than a measured value`,
    };
  }
  const unit = q.unit;
  if (unit === undefined) {
    return { ok: false, reason: `${q.value} has no unit` };
  }
  const mapping = term
    .lookup('unit', { system: 'http://unitsofmeasure.org', code: unit })
    .find((m) => m.fact === fact);
  if (mapping === undefined) {
    return { ok: false, reason: `the unit "${unit}" is not one Frontline converts for ${fact}` };
  }
  return { ok: true, value: clean(q.value * mapping.factor) };
}

/** Why an Observation gave no usable value, for missing entries: dataAbsentReason, or what its value is. */
export function describeValue(observation: JsonObject): string {
  const absent = obj(observation, 'dataAbsentReason');
  if (absent !== undefined) {
    return `no value (dataAbsentReason ${describeConcept(absent)})`;
  }
  const q = quantityOf(observation);
  if (q !== undefined) {
    return `the value ${q.comparator ?? ''}${q.value}${q.unit === undefined ? '' : ` ${q.unit}`}`;
  }
  const cc = obj(observation, 'valueCodeableConcept');
  if (cc !== undefined) {
    return `the coded value ${describeConcept(cc)}`;
  }
  const text = str(observation, 'valueString');
  if (text !== undefined) {
    return `the text "${text}"`;
  }
  return 'no value';
}

/** The first code of a located Observation, for messages. */
export function codeOf(at: Located): string {
  const first = codingsOf(obj(at.resource, 'code'))[0];
  return first?.code ?? 'uncoded';
}
