/**
 * Safe readers for untrusted JSON: every accessor returns `undefined` for a missing or wrongly typed member, so
 * malformed FHIR never throws.
 * @module
 */

/** A JSON object (any FHIR resource or element). */
export type JsonObject = Readonly<Record<string, unknown>>;

/** True for a plain JSON object (not null, not an array). */
export function isObject(x: unknown): x is JsonObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The member `key` when it is an object. */
export function obj(o: JsonObject | undefined, key: string): JsonObject | undefined {
  const v = o?.[key];
  return isObject(v) ? v : undefined;
}

/** The member `key` when it is a non-empty string. */
export function str(o: JsonObject | undefined, key: string): string | undefined {
  const v = o?.[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The member `key` when it is a finite number. */
export function num(o: JsonObject | undefined, key: string): number | undefined {
  const v = o?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The member `key` when it is a boolean. */
export function bool(o: JsonObject | undefined, key: string): boolean | undefined {
  const v = o?.[key];
  return typeof v === 'boolean' ? v : undefined;
}

/** The objects of the array member `key` (non-objects are skipped; a missing or non-array member gives `[]`). */
export function objs(o: JsonObject | undefined, key: string): JsonObject[] {
  const v = o?.[key];
  return Array.isArray(v) ? v.filter(isObject) : [];
}
