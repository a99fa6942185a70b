/**
 * zod issues → `{ path, message }` field errors, naming every bad member of a CDS Hooks payload.
 * @module
 */
import type { z } from 'zod';
import { formatPath, valueAt } from '../issues/index.js';
import type { FieldError } from '../profile/index.js';

function describe(issue: z.core.$ZodIssue, input: unknown): FieldError {
  const path = formatPath(issue.path);
  const absent = valueAt(input, issue.path) === undefined;
  const what = path === '' ? 'the body' : path;
  if (issue.code === 'invalid_type' && absent) {
    return { path, message: `${what} is required` };
  }
  if (issue.code === 'invalid_value') {
    const allowed = `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    return { path, message: absent ? `${what} is required: ${allowed}` : `must be ${allowed}` };
  }
  return { path, message: issue.message };
}

/**
 * Every problem of a failed parse, one per member, in the order zod found them.
 * @param error - the zod error
 * @param input - the parsed input (to tell "missing" from "wrong type")
 * @param prefix - prepended to every path (e.g. `prefetch.patient`)
 */
export function fieldErrors(error: z.ZodError, input: unknown, prefix = ''): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const e = describe(issue, input);
    const path = prefix === '' ? e.path : e.path === '' ? prefix : `${prefix}.${e.path}`;
    const key = `${path}\u0000${e.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ path, message: e.message });
    }
  }
  return out;
}
