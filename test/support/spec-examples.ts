// The CDS Hooks 2.0.1 specification's own examples, read at run time from the shared standards folder (never copied
// into the project). `$FRONTLINE_SHARED_DIR/standards` when set (CI sets it), else found by walking up from this file
// to a folder that holds shared/standards.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findStandards(): string {
  const shared = process.env.FRONTLINE_SHARED_DIR;
  if (shared !== undefined && shared !== '') {
    const fromEnv = join(shared, 'standards');
    if (!existsSync(fromEnv)) {
      throw new Error(`FRONTLINE_SHARED_DIR is ${shared}, but ${fromEnv} does not exist`);
    }
    return fromEnv;
  }
  let dir = import.meta.dirname;
  for (;;) {
    const candidate = join(dir, 'shared', 'standards');
    if (existsSync(candidate)) {
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        `shared/standards not found in any parent of ${import.meta.dirname}: the CDS Hooks 2.0.1 examples are needed (see ../shared/standards/SOURCES.md)`,
      );
    }
    dir = parent;
  }
}

export const STANDARDS_DIR = findStandards();
export const CDS_EXAMPLES_DIR = join(STANDARDS_DIR, 'examples', 'cds-hooks-2.0.1');

/** Every example file name (JSON and the JWT text). */
export function exampleFiles(): string[] {
  return readdirSync(CDS_EXAMPLES_DIR)
    .filter((f) => f.endsWith('.json') || f.endsWith('.txt'))
    .sort();
}

/** One example, parsed. */
export function example(name: string): unknown {
  return JSON.parse(readFileSync(join(CDS_EXAMPLES_DIR, name), 'utf8')) as unknown;
}

/** A text example (the JWT header line). */
export function exampleText(name: string): string {
  return readFileSync(join(CDS_EXAMPLES_DIR, name), 'utf8');
}

/** A FHIR example bundle from examples/fhir or examples/mcode. */
export function fhirExample(path: string): unknown {
  return JSON.parse(readFileSync(join(STANDARDS_DIR, 'examples', path), 'utf8')) as unknown;
}

/** The FHIRPath invariants of the CDS Hooks logical models (examples/cds-hooks-2.0.1/logical-models/invariants.json). */
export interface Invariant {
  readonly key: string;
  readonly severity: 'error' | 'warning';
  readonly appliesTo: string;
  readonly expression: string;
  readonly trap?: string;
}

export function invariants(): Invariant[] {
  const data = JSON.parse(
    readFileSync(join(CDS_EXAMPLES_DIR, 'logical-models', 'invariants.json'), 'utf8'),
  ) as { invariants: Invariant[] };
  return data.invariants;
}
