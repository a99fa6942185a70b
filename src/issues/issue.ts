/**
 * Problems are data: every part of Frontline that can partly fail returns issues rather than throwing.
 * @module
 */
import type { IssueCode } from './codes.js';

export type Severity = 'error' | 'warning';

export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly message: string;
  /** The file the problem is in, relative to the project root (knowledge-base files). */
  readonly file?: string;
  /** Where inside the file or payload: a dotted path such as `outcomes.3.quote`. */
  readonly path?: string;
}

/** Formats a path array as `a.b.3.c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

/** The value at `path` in `input` (an issue's path into the JSON it is about); `undefined` where the path leaves it. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') {
      return undefined;
    }
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** One line for a terminal: `file: path: message [code]`. */
export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.path].filter((s) => s !== undefined && s !== '').join(': ');
  return `${where === '' ? '' : `${where}: `}${issue.message} [${issue.code}]`;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
