/**
 * Profiles as the generator builds them: plain JSON objects in the input contract's shape, read and written by fact
 * name (`mrd.value` reaches into `mrd`), and written out with their keys in the contract's order.
 * @module
 */
import type { FactName } from '../kb/core.js';
import { PROFILE_FIELDS, type Profile } from '../profile/index.js';

export type JsonProfile = Readonly<Record<string, unknown>>;

function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The value of a fact in a profile (undefined = unknown). */
export function getFact(p: JsonProfile, fact: FactName): unknown {
  const [field, part] = fact.split('.') as [string, string | undefined];
  const v = p[field];
  if (part === undefined) {
    return v;
  }
  return isRecord(v) ? v[part] : undefined;
}

/** A copy of the profile with the fact set (or removed when `value` is undefined: the fact becomes unknown). */
export function setFact(p: JsonProfile, fact: FactName, value: unknown): JsonProfile {
  const [field, part] = fact.split('.') as [string, string | undefined];
  const out: Record<string, unknown> = { ...p };
  if (part === undefined) {
    if (value === undefined) {
      delete out[field];
    } else {
      out[field] = value;
    }
    return out;
  }
  const inner: Record<string, unknown> = isRecord(p[field]) ? { ...(p[field] as object) } : {};
  if (value === undefined) {
    delete inner[part];
  } else {
    inner[part] = value;
  }
  // A nested object without its required value (MRD without a value) is no fact at all.
  if (Object.keys(inner).length === 0 || (part === 'value' && value === undefined)) {
    delete out[field];
  } else {
    out[field] = inner;
  }
  return out;
}

const NESTED_ORDER = ['value', 'afterCycle', 'method'];

function ordered(v: unknown): unknown {
  if (!isRecord(v)) {
    return v;
  }
  const keys = Object.keys(v).sort((a, b) => {
    const i = NESTED_ORDER.indexOf(a);
    const j = NESTED_ORDER.indexOf(b);
    return (i === -1 ? 99 : i) - (j === -1 ? 99 : j) || (a < b ? -1 : a > b ? 1 : 0);
  });
  return Object.fromEntries(keys.map((k) => [k, v[k]]));
}

/** The profile with its keys in the contract's order (then any others, sorted): one spelling per profile. */
export function canonicalProfile(p: Profile | JsonProfile): JsonProfile {
  const record = p as JsonProfile;
  const fields: readonly string[] = PROFILE_FIELDS;
  const keys = [
    ...fields.filter((k) => record[k] !== undefined),
    ...Object.keys(record)
      .filter((k) => !fields.includes(k) && record[k] !== undefined)
      .sort(),
  ];
  return Object.fromEntries(keys.map((k) => [k, ordered(record[k])]));
}
