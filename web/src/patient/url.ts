/**
 * The patient view's URL contract (PRODUCT.md "Web app"): the query holds the profile with the profile's field
 * names, `mrd` as the fraction with `mrd.afterCycle` and `mrd.method` beside it, arrays comma-separated, booleans
 * `true`/`false`. An absent parameter is an unknown fact; a present but empty list is a list known to be empty
 * ("tested, none found"). Values are passed to the server as written when they do not read as their type, so the
 * server, the one validator, names the bad field.
 * @module
 */
import type { Profile } from '../contract.js';
import { FIELDS, PARAM_NAMES, type ParamName } from './fields.js';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A number as typed, or the text itself when it is not one (the server then names the field). */
export function readNumber(raw: string): number | string {
  const t = raw.trim();
  return NUMBER.test(t) ? Number(t) : t;
}

function readBoolean(raw: string): boolean | string {
  const t = raw.trim().toLowerCase();
  return t === 'true' ? true : t === 'false' ? false : raw;
}

/** A comma-separated list: "" is the empty list. */
export function readList(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function readValue(name: ParamName, raw: string): unknown {
  const spec = FIELDS[name];
  switch (spec.kind) {
    case 'number':
    case 'mrd':
      return readNumber(raw);
    case 'boolean':
      return readBoolean(raw);
    case 'set':
    case 'list':
      return readList(raw);
    case 'enum':
      return raw.trim();
    default:
      return spec satisfies never;
  }
}

function isKnownParam(key: string): key is ParamName {
  return key in FIELDS;
}

/**
 * The request body for `POST /api/recommendations` from the query, or `undefined` while lineage (the one required
 * field) is not chosen. Parameters that are not profile fields are passed on, so the server rejects them by name.
 */
export function profileBody(query: URLSearchParams): Record<string, unknown> | undefined {
  if ((query.get('lineage') ?? '').trim() === '') {
    return undefined;
  }
  const body: Record<string, unknown> = {};
  const mrd: Record<string, unknown> = {};
  for (const [key, raw] of query) {
    if (!isKnownParam(key)) {
      body[key] = raw;
      continue;
    }
    const spec = FIELDS[key];
    if (raw.trim() === '' && spec.kind !== 'set' && spec.kind !== 'list') {
      continue;
    }
    const value = readValue(key, raw);
    if (key === 'mrd') {
      mrd.value = value;
    } else if (key === 'mrd.afterCycle') {
      mrd.afterCycle = value;
    } else if (key === 'mrd.method') {
      mrd.method = value;
    } else {
      body[key] = value;
    }
  }
  if (Object.keys(mrd).length > 0) {
    body.mrd = mrd;
  }
  return body;
}

/** The query for a (normalized) profile, in form order: used to make a FHIR import a shareable link. */
export function queryOfProfile(profile: Profile): URLSearchParams {
  const q = new URLSearchParams();
  for (const name of PARAM_NAMES) {
    const value =
      name === 'mrd'
        ? profile.mrd?.value
        : name === 'mrd.afterCycle'
          ? profile.mrd?.afterCycle
          : name === 'mrd.method'
            ? profile.mrd?.method
            : profile[name];
    if (value === undefined || value === null) {
      continue;
    }
    q.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  return q;
}

/** The query with one parameter set (`undefined` = unknown, removed), keeping the other parameters' order. */
export function withParam(query: URLSearchParams, name: string, value: string | undefined): URLSearchParams {
  const next = new URLSearchParams(query);
  if (value === undefined) {
    next.delete(name);
  } else {
    next.set(name, value);
  }
  return next;
}

/**
 * A fraction read from what was typed in percent, without binary noise (0.07% is 0.0007, not
 * 0.0007000000000000001).
 */
export function percentToFraction(percent: number): number {
  return Number((percent / 100).toPrecision(12));
}

/** A fraction shown in percent, without binary noise. */
export function fractionToPercent(fraction: number): number {
  return Number((fraction * 100).toPrecision(12));
}
