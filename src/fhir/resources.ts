/**
 * The resources that count: one per name (`Type/id`), and OperationOutcomes reported rather than mapped.
 * @module
 */
import type { Issue } from '../issues/index.js';
import { type Located, outcomeText } from './bundle.js';

/** Keeps the first of resources named alike; a different resource under the same name is reported. */
export function dedupe(resources: readonly Located[], issues: Issue[]): Located[] {
  const seen = new Map<string, Located>();
  const out: Located[] = [];
  for (const r of resources) {
    const earlier = seen.get(r.ref);
    if (earlier === undefined) {
      seen.set(r.ref, r);
      out.push(r);
    } else if (JSON.stringify(earlier.resource) !== JSON.stringify(r.resource)) {
      issues.push({
        code: 'fhir.invalid',
        severity: 'warning',
        path: r.path,
        message: `${r.ref} appears twice with different content; the one at ${earlier.path} is used`,
      });
    }
  }
  return out;
}

/** Reports OperationOutcomes (a server's error or warning inside the data) and drops them. */
export function withoutOutcomes(resources: readonly Located[], issues: Issue[]): Located[] {
  for (const r of resources.filter((x) => x.type === 'OperationOutcome')) {
    issues.push({
      code: 'fhir.unmapped',
      severity: 'warning',
      path: r.path,
      message: `the data carries an OperationOutcome (${outcomeText(r.resource)}); results it stands for may be missing`,
    });
  }
  return resources.filter((x) => x.type !== 'OperationOutcome');
}
