/**
 * What values each profile fact can take, read at run time from the profile schema (never a copy of it): numbers
 * with their valid range, enumerations with their words, booleans, and lists. The corpus generator varies facts
 * inside these domains, so a new field or a new word in the profile contract reaches the corpus by itself.
 * @module
 */
import { z } from 'zod';
import { FACT_NAMES, type FactName } from '../kb/core.js';
import { ProfileInput } from '../profile/index.js';

export type Domain =
  | { readonly kind: 'number'; readonly min: number; readonly max: number; readonly integer: boolean }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'boolean' }
  /** A list of words: `values` when the words are an enumeration, undefined for free text. */
  | { readonly kind: 'list'; readonly values: readonly string[] | undefined }
  | { readonly kind: 'text' };

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) {
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodDefault) {
      s = s.unwrap() as z.ZodType;
    } else {
      return s;
    }
  }
}

function words(s: z.ZodType): readonly string[] | undefined {
  return s instanceof z.ZodEnum ? (s.options as readonly unknown[]).map(String) : undefined;
}

function domainOfSchema(s: z.ZodType): Domain {
  if (s instanceof z.ZodNumber) {
    return {
      kind: 'number',
      min: s.minValue ?? Number.MIN_SAFE_INTEGER,
      max: s.maxValue ?? Number.MAX_SAFE_INTEGER,
      integer: s.isInt === true,
    };
  }
  if (s instanceof z.ZodBoolean) {
    return { kind: 'boolean' };
  }
  if (s instanceof z.ZodArray) {
    return { kind: 'list', values: words(unwrap(s.element as z.ZodType)) };
  }
  const values = words(s);
  return values === undefined ? { kind: 'text' } : { kind: 'enum', values };
}

/** The schema of one fact: a profile field, or a part of one (`mrd.value`). */
function schemaOf(fact: FactName): z.ZodType | undefined {
  const [field, part] = fact.split('.');
  const shape = ProfileInput.shape as Readonly<Record<string, z.ZodType>>;
  const top = field === undefined ? undefined : shape[field];
  if (top === undefined) {
    return undefined;
  }
  if (part === undefined) {
    return unwrap(top);
  }
  const inner = unwrap(top);
  if (!(inner instanceof z.ZodObject)) {
    return undefined;
  }
  const sub = (inner.shape as Readonly<Record<string, z.ZodType>>)[part];
  return sub === undefined ? undefined : unwrap(sub);
}

const DOMAINS = new Map<FactName, Domain>();
for (const fact of FACT_NAMES) {
  const s = schemaOf(fact);
  if (s !== undefined) {
    DOMAINS.set(fact, domainOfSchema(s));
  }
}

/** The domain of a fact (text for a fact the schema does not describe). */
export function domainOf(fact: FactName): Domain {
  return DOMAINS.get(fact) ?? { kind: 'text' };
}
