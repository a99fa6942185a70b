// Evaluates the CDS Hooks logical-model invariants (FHIRPath, npm `fhirpath`) on requests, responses and feedback,
// each on the element instances its `appliesTo` names.
import fhirpath from 'fhirpath';
import { type Invariant, invariants } from './spec-examples.js';

type Doc = Record<string, unknown>;
export type DocKind = 'request' | 'response' | 'feedback';

const ROOT: Record<string, DocKind> = {
  CDSHooksRequest: 'request',
  CDSHooksResponse: 'response',
  CDSHooksFeedback: 'feedback',
};

function walk(values: unknown[], member: string): unknown[] {
  return values.flatMap((v) => {
    if (v === null || typeof v !== 'object') {
      return [];
    }
    const next = (v as Doc)[member];
    return next === undefined ? [] : Array.isArray(next) ? next : [next];
  });
}

/** The instances an invariant applies to in a document of the given kind. */
export function targets(inv: Invariant, doc: Doc, kind: DocKind): unknown[] {
  if (inv.key === 'ord-1') {
    const context = (doc.context ?? {}) as Doc;
    return kind === 'request'
      ? [context.userId, ...walk([context], 'selections')].filter((x) => x !== undefined)
      : [];
  }
  const path = inv.appliesTo.split(' ')[0]?.split('.') ?? [];
  const [root, ...members] = path;
  if (root === undefined || ROOT[root] !== kind) {
    return [];
  }
  let values: unknown[] = [doc];
  for (const m of members) {
    values = walk(values, m);
  }
  // cds-resp-2 also applies to systemActions, which reuse the Action definition.
  return inv.key === 'cds-resp-2' ? [...values, ...walk([doc], 'systemActions')] : values;
}

/** The expression to run: ord-1 as written throws in fhirpath.js (see its `trap`), so the documented rewrite. */
function expressionOf(inv: Invariant): string {
  return inv.key === 'ord-1' ? "$this.matches('^[A-Za-z0-9_]+/[A-Za-z0-9_.-]+$')" : inv.expression;
}

export interface Violation {
  readonly key: string;
  readonly severity: string;
  readonly instance: unknown;
}

/** Every invariant violated in the document (warnings included; callers filter). */
export function violations(doc: unknown, kind: DocKind): Violation[] {
  const out: Violation[] = [];
  for (const inv of invariants()) {
    for (const instance of targets(inv, doc as Doc, kind)) {
      const result = fhirpath.evaluate(instance as object, expressionOf(inv)) as unknown[];
      if (!(result.length === 1 && result[0] === true)) {
        out.push({ key: inv.key, severity: inv.severity, instance });
      }
    }
  }
  return out;
}
