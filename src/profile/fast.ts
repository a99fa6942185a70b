/**
 * The fast path of `parseProfile`: plain checks for the common case, a valid profile, producing exactly what the
 * schema parse and normalization produce, from the contract's plain lists (`values.ts`) and without loading the
 * schema library. Anything it does not accept goes to the schema (`ProfileInput`, the single source of truth), which
 * also words the errors; so the fast path may be stricter than the schema, never looser. A property test holds the
 * two to the same answers. Screening a cohort is mostly this check, so it matters.
 * @module
 */
import {
  CD19_VALUES,
  CD22_VALUES,
  HIGH_RISK_GENETICS,
  LINEAGES,
  MOLECULAR_RESPONSES,
  MRD_METHODS,
  PEDIATRIC_RISKS,
  PH_VALUES,
  PHASES,
  PROFILE_FIELDS,
  type Profile,
} from './values.js';

type Check = (v: unknown) => boolean;

const oneOf = (values: readonly string[]): Check => {
  const set = new Set<unknown>(values);
  return (v) => set.has(v);
};
const numberIn =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
const boolean: Check = (v) => typeof v === 'boolean';
const stringsOf =
  (min: number, max: number): Check =>
  (v) =>
    Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length >= min && s.length <= max);
const enumList = (values: readonly string[]): Check => {
  const ok = oneOf(values);
  return (v) => Array.isArray(v) && v.every(ok);
};

const MRD_KEYS = new Set(['value', 'afterCycle', 'method']);
const isMethod = oneOf(MRD_METHODS);
const isFraction = numberIn(0, 1);
const isCycle: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 20;

function plain(v: unknown): v is Readonly<Record<string, unknown>> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    return false;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The normalized MRD object, or undefined when the fast path does not accept it. */
function mrdOf(v: unknown): Record<string, unknown> | undefined {
  if (!plain(v)) {
    return undefined;
  }
  for (const k of Object.keys(v)) {
    if (!MRD_KEYS.has(k)) {
      return undefined;
    }
  }
  const { value, afterCycle, method } = v;
  if (!isFraction(value)) {
    return undefined;
  }
  if (afterCycle !== undefined && !isCycle(afterCycle)) {
    return undefined;
  }
  if (method !== undefined && !isMethod(method)) {
    return undefined;
  }
  const out: Record<string, unknown> = { value };
  if (afterCycle !== undefined) {
    out.afterCycle = afterCycle;
  }
  if (method !== undefined) {
    out.method = method;
  }
  return out;
}

/** Field → the check of a present, non-null value (MRD is read by `mrdOf`). */
const CHECKS: Readonly<Record<string, Check>> = {
  age: numberIn(0, 120),
  lineage: oneOf(LINEAGES),
  phase: oneOf(PHASES),
  ph: oneOf(PH_VALUES),
  phLike: boolean,
  cd19: oneOf(CD19_VALUES),
  cd20Percent: numberIn(0, 100),
  cd22: oneOf(CD22_VALUES),
  molecularResponse: oneOf(MOLECULAR_RESPONSES),
  highRiskGenetics: enumList(HIGH_RISK_GENETICS),
  abl1Mutations: stringsOf(1, 40),
  cnsDisease: boolean,
  extramedullaryDisease: boolean,
  highDiseaseBurden: boolean,
  wbc: numberIn(0, 2000),
  pdl1Positive: boolean,
  fitForIntensiveChemo: boolean,
  alloHctPlanned: boolean,
  pediatricRisk: oneOf(PEDIATRIC_RISKS),
  priorTherapy: stringsOf(1, 60),
};

const FIELD_INDEX = new Map<string, number>(PROFILE_FIELDS.map((f, i) => [f, i]));
const FIELD_CHECKS: readonly (Check | undefined)[] = PROFILE_FIELDS.map((f) => CHECKS[f]);

/** A field's normalized value; `undefined` = leave it out (unknown). */
function normalized(field: string, value: unknown): unknown {
  if (field === 'ph' && value === 'unknown') {
    return undefined;
  }
  if (field === 'priorTherapy') {
    return [...new Set((value as readonly string[]).map((v) => v.trim().toLowerCase()))];
  }
  if (Array.isArray(value)) {
    return [...new Set(value)];
  }
  return value;
}

/**
 * The normalized profile when `input` is certainly valid; `undefined` otherwise (then the schema decides, and words
 * the errors). Keys come out in the schema's order, as the schema parse gives them.
 */
export function quickProfile(input: unknown): Profile | undefined {
  const values = fieldValues(input);
  if (values === undefined) {
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const field = PROFILE_FIELDS[i] as string;
    if (value === undefined || value === null) {
      continue;
    }
    const v = field === 'mrd' ? mrdOf(value) : checked(i, field, value);
    if (v === undefined) {
      return undefined;
    }
    if (v !== UNKNOWN) {
      out[field] = v;
    }
  }
  out.phase ??= 'newly-diagnosed';
  return out as unknown as Profile;
}

/** A valid value that normalizes to "unknown" (left out), as opposed to `undefined` (not accepted). */
const UNKNOWN = Symbol('unknown');

function checked(i: number, field: string, value: unknown): unknown {
  const check = FIELD_CHECKS[i];
  if (check === undefined || !check(value)) {
    return undefined;
  }
  return normalized(field, value) ?? UNKNOWN;
}

/**
 * The input's values by field slot, walking the fields it has (a named read of each possible field is slow on
 * many-shaped objects); `undefined` when it is not a plain object or has a key outside the contract.
 */
function fieldValues(input: unknown): unknown[] | undefined {
  if (!plain(input)) {
    return undefined;
  }
  const keys = Object.keys(input);
  const values: unknown[] = new Array<unknown>(PROFILE_FIELDS.length).fill(undefined);
  for (let j = 0; j < keys.length; j++) {
    const key = keys[j] as string;
    const i = FIELD_INDEX.get(key);
    if (i === undefined) {
      return undefined;
    }
    values[i] = input[key];
  }
  return values;
}
