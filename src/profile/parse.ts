/**
 * Parsing a profile: every problem named by field, with what is allowed; nothing thrown.
 * @module
 */
import type { z } from 'zod';
import { formatPath, valueAt } from '../issues/index.js';
import { quickProfile } from './fast.js';
import { PROFILE_FIELDS, type Profile, ProfileInput } from './schema.js';

export interface FieldError {
  /** Dotted path of the field, e.g. `mrd.value` or `highRiskGenetics.1`. */
  readonly path: string;
  readonly message: string;
}

export type ParseResult =
  | { readonly ok: true; readonly profile: Profile }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isNaN(v) ? 'NaN' : typeof v;
}

/** "a number", "a boolean", "an array", "an object". */
function withArticle(type: string): string {
  return `${type === 'array' || type === 'object' ? 'an' : 'a'} ${type}`;
}

function describe(issue: z.core.$ZodIssue, input: unknown): FieldError[] {
  const path = formatPath(issue.path);
  const seen = valueAt(input, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: path === '' ? key : `${path}.${key}`,
        message:
          path === ''
            ? `unknown field "${key}"; allowed fields: ${PROFILE_FIELDS.join(', ')}`
            : `unknown field "${key}" in ${path}; allowed: value, afterCycle, method`,
      }));
    case 'invalid_value':
      return [
        {
          path,
          message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${path === 'ph' ? ' (or null when unknown)' : ''}`,
        },
      ];
    case 'invalid_type':
      return [
        {
          path,
          message: `must be ${withArticle(issue.expected)}, got ${typeName(seen)}`,
        },
      ];
    default:
      return [{ path, message: issue.message }];
  }
}

/** MRD as the engine reads it: `{ value, afterCycle?, method? }`, from the object or a bare fraction. */
function mrdOf(value: object | number): Record<string, unknown> {
  if (typeof value === 'number') {
    return { value };
  }
  const mrd: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined) {
      mrd[k] = v;
    }
  }
  return mrd;
}

/** Removes `null`s and `"unknown"`, applies defaults: the profile the engine reads. */
function normalize(input: z.output<typeof ProfileInput>): Profile {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === null || value === undefined || (key === 'ph' && value === 'unknown')) {
      continue;
    }
    if (key === 'mrd' && (typeof value === 'object' || typeof value === 'number')) {
      out[key] = mrdOf(value);
      continue;
    }
    if (key === 'priorTherapy' && Array.isArray(value)) {
      out[key] = [...new Set(value.map((v) => String(v).trim().toLowerCase()))];
      continue;
    }
    if (Array.isArray(value)) {
      out[key] = [...new Set(value)];
      continue;
    }
    out[key] = value;
  }
  out.phase ??= 'newly-diagnosed';
  return out as unknown as Profile;
}

/** Parses a profile from unknown JSON. */
export function parseProfile(input: unknown): ParseResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: 'a profile is a JSON object of patient facts, e.g. {"lineage": "B", "age": 45}',
        },
      ],
    };
  }
  // The common case, a valid profile, without the schema's machinery (same result; see fast.ts).
  const quick = quickProfile(input);
  // Stryker disable next-line ConditionalExpression,BlockStatement: the fast path; the schema gives the same profile (fast.property.test.ts)
  if (quick !== undefined) {
    return { ok: true, profile: quick };
  }
  return parseWithSchema(input);
}

/** `parseProfile` by the schema alone (no fast path): what the fast path must agree with. */
export function parseWithSchema(input: unknown): ParseResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: 'a profile is a JSON object of patient facts, e.g. {"lineage": "B", "age": 45}',
        },
      ],
    };
  }
  const result = ProfileInput.safeParse(input);
  if (!result.success) {
    return { ok: false, errors: result.error.issues.flatMap((i) => describe(i, input)) };
  }
  return { ok: true, profile: normalize(result.data) };
}
