/**
 * Reading a FHIR R4 Bundle (https://hl7.org/fhir/R4/bundle.html) into the list of resources it carries, with a
 * structural issue (and a path such as `entry.3.resource`) for everything that is not well formed.
 * @module
 */
import type { Issue } from '../issues/index.js';
import { isObject, type JsonObject, obj, objs, str } from './json.js';

/** A resource found in the input, with where it was found. */
export interface Located {
  readonly resource: JsonObject;
  /** `resourceType`. */
  readonly type: string;
  readonly id?: string;
  /** How results name it: `Type/id`, else its `fullUrl`, else `Type at <path>`. */
  readonly ref: string;
  /** Path of the resource in the input, e.g. `entry.3.resource` or `conditions.entry.0.resource`. */
  readonly path: string;
  readonly fullUrl?: string;
}

/** True when `x` looks like a FHIR Bundle: an object with `resourceType: "Bundle"` and, if present, an `entry` array. */
export function isFhirBundle(x: unknown): boolean {
  return isObject(x) && x.resourceType === 'Bundle' && (x.entry === undefined || Array.isArray(x.entry));
}

function invalid(path: string, message: string, severity: Issue['severity'] = 'warning'): Issue {
  return { code: 'fhir.invalid', severity, path, message };
}

function join(prefix: string, path: string): string {
  return prefix === '' ? path : `${prefix}.${path}`;
}

/**
 * Reads one resource (a Bundle entry's `resource`, or a prefetch value), reporting what is malformed.
 *
 * @param value - the candidate resource
 * @param path - where it is in the input
 * @param issues - collects the problems
 * @param fullUrl - the entry's `fullUrl`, when any
 */
export function locate(value: unknown, path: string, issues: Issue[], fullUrl?: string): Located | undefined {
  if (!isObject(value)) {
    issues.push(invalid(path, 'a resource must be a JSON object'));
    return undefined;
  }
  const type = str(value, 'resourceType');
  if (type === undefined) {
    issues.push(invalid(join(path, 'resourceType'), 'the resource has no resourceType; it was skipped'));
    return undefined;
  }
  const rawId = value.id;
  if (rawId !== undefined && (typeof rawId !== 'string' || rawId === '')) {
    issues.push(
      invalid(join(path, 'id'), 'id must be a non-empty string; the resource is named by its position'),
    );
  }
  const id = typeof rawId === 'string' && rawId !== '' ? rawId : undefined;
  const ref = id !== undefined ? `${type}/${id}` : (fullUrl ?? `${type} at ${path}`);
  return {
    resource: value,
    type,
    ref,
    path,
    ...(id === undefined ? {} : { id }),
    ...(fullUrl === undefined ? {} : { fullUrl }),
  };
}

/**
 * The resources of a Bundle, in entry order.
 *
 * @param bundle - the candidate Bundle (unknown JSON)
 * @param prefix - path prefix for issues (`''` for a top-level Bundle, the prefetch key otherwise)
 * @param issues - collects the problems; a value that is not a Bundle gives an error
 */
export function bundleEntries(bundle: unknown, prefix: string, issues: Issue[]): Located[] {
  if (!isObject(bundle)) {
    issues.push(
      invalid(prefix, 'expected a FHIR Bundle: a JSON object with "resourceType": "Bundle"', 'error'),
    );
    return [];
  }
  if (bundle.resourceType !== 'Bundle') {
    const seen = typeof bundle.resourceType === 'string' ? `"${bundle.resourceType}"` : 'missing';
    issues.push(invalid(join(prefix, 'resourceType'), `expected "Bundle", resourceType is ${seen}`, 'error'));
    return [];
  }
  if (str(bundle, 'type') === undefined) {
    issues.push(invalid(join(prefix, 'type'), 'Bundle.type is required (collection, searchset, ...)'));
  }
  if (bundle.entry === undefined) {
    return [];
  }
  if (!Array.isArray(bundle.entry)) {
    issues.push(invalid(join(prefix, 'entry'), 'Bundle.entry must be an array', 'error'));
    return [];
  }
  const out: Located[] = [];
  bundle.entry.forEach((entry: unknown, i: number) => {
    const at = join(prefix, `entry.${i}`);
    if (!isObject(entry)) {
      issues.push(invalid(at, 'a Bundle entry must be a JSON object'));
      return;
    }
    if (entry.resource === undefined) {
      issues.push(invalid(join(at, 'resource'), 'the entry has no resource; it was skipped'));
      return;
    }
    const found = locate(entry.resource, join(at, 'resource'), issues, str(entry, 'fullUrl'));
    if (found !== undefined) {
      out.push(found);
    }
  });
  return out;
}

/** The OperationOutcome's issue texts (`diagnostics` or `details.text`), for messages. */
export function outcomeText(outcome: JsonObject): string {
  const texts = objs(outcome, 'issue').map((i) => {
    const what = str(i, 'diagnostics') ?? str(obj(i, 'details'), 'text') ?? str(i, 'code');
    return `${str(i, 'severity') ?? 'issue'}: ${what ?? 'no details'}`;
  });
  return texts.length === 0 ? 'no issue details' : texts.join('; ');
}
