// The four input surfaces of Frontline, each with a generator of hostile input and a check of the answer: the
// profile parser, the FHIR mapper, the CLI (in-process `run()`), and every HTTP endpoint (in-process
// `app.request()`). The same surfaces run in the test suite (a few hundred cases each) and in `npm run fuzz`
// (100,000+ each). A check returns the violations it found; it never throws for a bad answer, so a run counts them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { recommend } from '../../src/api/recommend.js';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';
import { mapBundle, mapPrefetch } from '../../src/fhir/index.js';
import { PROFILE_FIELDS, parseProfile } from '../../src/profile/index.js';
import { type TestApp, testApp } from '../support/app.js';
import { anyJson, validProfile } from '../support/arbitraries.js';
import { testKb } from '../support/kb.js';
import { patientViewRequest } from '../support/prefetch.js';
import { fhirExample } from '../support/spec-examples.js';

export type Kind = 'crash' | '5xx' | 'unnamed' | 'stack-trace' | 'no-message';

export interface Violation {
  readonly kind: Kind;
  readonly detail: string;
}

export interface Surface<T> {
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<T>;
  readonly check: (input: T) => Promise<Violation[]>;
  /** Releases what the surface holds (temporary folders, stores). */
  readonly close?: () => void;
}

const STACK = /\n\s+at .+[:(]\d+:\d+/;

function crash(error: unknown): Violation {
  return {
    kind: 'crash',
    detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  };
}

// --- hostile JSON ------------------------------------------------------------------------------------------------

/** Nested arrays/objects `depth` deep (deep JSON nesting). */
export function deeplyNested(depth: number, leaf: unknown = 1): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) {
    v = i % 2 === 0 ? [v] : { a: v };
  }
  return v;
}

const oddValues = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    -1,
    1e308,
    -0,
    0.5,
    121,
    2001,
    '',
    ' ',
    'B',
    'T',
    'unknown',
    'positive',
    '__proto__',
    'x'.repeat(10_000),
    [],
    {},
    null,
    true,
  ),
  fc.integer({ min: 1, max: 300 }).map((d) => deeplyNested(d)),
  fc.array(fc.string(), { maxLength: 50 }),
);

/** A valid profile with some fields set to odd values, some keys unknown, some removed. */
const brokenProfile = fc
  .tuple(
    validProfile,
    fc.array(
      fc.record({
        key: fc.oneof(fc.constantFrom(...PROFILE_FIELDS, 'mrd', 'lineage'), fc.string({ maxLength: 12 })),
        value: fc.option(oddValues, { nil: undefined }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([p, edits]) => {
    const out: Record<string, unknown> = { ...p };
    for (const { key, value } of edits) {
      if (value === undefined) {
        delete out[key];
      } else {
        out[key] = value;
      }
    }
    return out;
  });

export const hostileProfile: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: brokenProfile, weight: 4 },
  { arbitrary: anyJson, weight: 2 },
  { arbitrary: oddValues, weight: 1 },
);

// --- surface 1: the profile parser -------------------------------------------------------------------------------

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Keys as the schema sees them: own and inherited enumerable ones (an object whose prototype was set through a
 * "__proto__" key has the prototype's keys too). */
function keysOf(input: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const k in input) {
    keys.push(k);
  }
  return keys;
}

/** What is wrong with the errors of a rejected profile: none, an empty message, a path that names no field. */
function rejectionViolations(
  input: unknown,
  errors: readonly { path: string; message: string }[],
): Violation[] {
  const out: Violation[] = [];
  if (errors.length === 0) {
    out.push({ kind: 'no-message', detail: 'rejected with no error' });
  }
  const names = isPlainObject(input) ? [...PROFILE_FIELDS, ...keysOf(input)] : undefined;
  for (const e of errors) {
    if (e.message.trim() === '') {
      out.push({ kind: 'no-message', detail: `empty message at ${e.path}` });
    }
    // An object is rejected field by field: the path names a field of the contract or a key it was sent.
    if (names !== undefined && !names.some((f) => e.path === f || e.path.startsWith(`${f}.`))) {
      out.push({ kind: 'unnamed', detail: `error path "${e.path}" names no field: ${e.message}` });
    }
  }
  return out;
}

export function profileSurface(): Surface<unknown> {
  return {
    name: 'profile parser',
    arbitrary: hostileProfile,
    check: async (input) => {
      try {
        const r = parseProfile(input);
        return r.ok ? [] : rejectionViolations(input, r.errors);
      } catch (error) {
        return [crash(error)];
      }
    },
  };
}

// --- surface 2: the FHIR mapper ------------------------------------------------------------------------------------

const EXAMPLES = [
  'fhir/a-adult-ph-negative-b-all-cd20-35pct.json',
  'fhir/b-ph-positive-b-all-p190-t315i.json',
  'fhir/c-t-all-adolescent.json',
  'fhir/d-b-all-cr1-mrd-0.1pct-flow.json',
  'fhir/e-missing-birthdate-no-ph.json',
  'fhir/f-icd10cm-only-c91.00.json',
  'mcode/brian-l-bundle.json',
];

let bundlesCache: unknown[] | undefined;
function exampleBundles(): unknown[] {
  bundlesCache ??= EXAMPLES.map((f) => fhirExample(f));
  return bundlesCache;
}

/** Replaces, deletes or wraps the value at a path chosen by `seeds` (each seed picks a child). */
function mutateAt(
  root: unknown,
  seeds: readonly number[],
  op: 'set' | 'delete' | 'wrap',
  value: unknown,
): unknown {
  const copy = structuredClone(root) as unknown;
  let parent: unknown;
  let key: string | number | undefined;
  let node: unknown = copy;
  for (const seed of seeds) {
    if (node === null || typeof node !== 'object') {
      break;
    }
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) {
      break;
    }
    parent = node;
    key = keys[seed % keys.length];
    node = (node as Record<string | number, unknown>)[key as string | number];
  }
  if (parent === undefined || key === undefined) {
    return op === 'wrap' ? [copy] : value;
  }
  const p = parent as Record<string | number, unknown>;
  if (op === 'delete') {
    if (Array.isArray(p)) {
      p.splice(key as number, 1);
    } else {
      delete p[key];
    }
  } else {
    p[key] = op === 'wrap' ? [node] : value;
  }
  return copy;
}

const mutation = fc.record({
  seeds: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
  op: fc.constantFrom('set', 'set', 'delete', 'wrap') as fc.Arbitrary<'set' | 'delete' | 'wrap'>,
  value: oddValues,
});

export const hostileBundle: fc.Arbitrary<unknown> = fc.oneof(
  {
    arbitrary: fc.tuple(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 5 })).map(([i, muts]) => {
      const bases = exampleBundles();
      let b = bases[i % bases.length];
      for (const m of muts) {
        b = mutateAt(b, m.seeds, m.op, m.value);
      }
      return b;
    }),
    weight: 6,
  },
  {
    arbitrary: fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 6 }).map((resources) => ({
      resourceType: 'Bundle',
      type: 'collection',
      entry: resources.map((resource) => ({ resource })),
    })),
    weight: 2,
  },
  { arbitrary: fc.jsonValue({ maxDepth: 4 }), weight: 1 },
);

/** A prefetch made from whatever the (mutated) bundle holds, each resource under the key its type would come in. */
function prefetchOf(bundle: unknown): Record<string, unknown> {
  const entries = isPlainObject(bundle) && Array.isArray(bundle.entry) ? bundle.entry : undefined;
  if (entries === undefined) {
    return { patient: bundle, conditions: bundle };
  }
  const resources = entries.map((e: unknown) => (isPlainObject(e) ? e.resource : e));
  const of = (type: string) => resources.filter((r) => isPlainObject(r) && r.resourceType === type);
  const searchset = (list: unknown[]) => ({
    resourceType: 'Bundle',
    type: 'searchset',
    entry: list.map((resource) => ({ resource })),
  });
  return {
    patient: of('Patient')[0] ?? resources[0] ?? null,
    conditions: searchset(of('Condition')),
    observations: searchset(resources.filter((r) => !isPlainObject(r) || r.resourceType !== 'Condition')),
    medications: searchset(of('MedicationRequest')),
  };
}

export function fhirSurface(): Surface<unknown> {
  const ckb = testKb();
  const terminology = ckb.kb.terminology;
  return {
    name: 'FHIR mapper',
    arbitrary: hostileBundle,
    check: async (bundle) => {
      try {
        const out: Violation[] = [];
        const mapped = mapBundle(bundle, terminology);
        const fromPrefetch = mapPrefetch(prefetchOf(bundle), terminology);
        for (const issue of [...mapped.issues, ...fromPrefetch.issues]) {
          if (issue.message.trim() === '') {
            out.push({ kind: 'no-message', detail: `issue ${issue.code} without a message` });
          }
        }
        const r = recommend(bundle, ckb);
        if (!r.ok) {
          for (const e of r.errors) {
            if (e.message.trim() === '') {
              out.push({ kind: 'no-message', detail: `error at ${e.path} without a message` });
            }
          }
        }
        return out;
      } catch (error) {
        return [crash(error)];
      }
    },
  };
}

// --- surface 3: the CLI ----------------------------------------------------------------------------------------------

export interface CliCase {
  readonly argv: readonly string[];
  /** Content of the input file the argv may name (`FILE`). */
  readonly file: string;
}

const FLAG_VALUES = fc.oneof(
  fc.constantFrom(
    '45',
    '-3',
    '1e9',
    'abc',
    'B',
    'T',
    'X',
    'positive',
    'unknown',
    '0.001',
    '',
    '  ',
    'KMT2A,TP53',
  ),
  fc.string({ maxLength: 20 }),
);

const PROFILE_FLAGS = [
  '--age',
  '--lineage',
  '--phase',
  '--ph',
  '--cd19',
  '--cd20',
  '--cd22',
  '--mrd',
  '--mrd-after-cycle',
  '--mrd-method',
  '--high-risk',
  '--abl1',
  '--wbc',
  '--pediatric-risk',
  '--prior',
  '--fit',
  '--unfit',
  '--cns',
  '--json',
  '--explain',
];

/** Tokens a random argument may be: never one that starts a server, reads standard input or writes a file. */
const SAFE_TOKEN = fc
  .oneof(
    fc.constantFrom(...PROFILE_FLAGS, '--help', '--version', '--csv', '--agent', '--setting'),
    fc.string({ maxLength: 15 }),
  )
  .filter((t) => !['-', 'serve', 'schema', 'check', '--out', '--summary', '-o'].includes(t.trim()));

const fileContent = fc.oneof(
  hostileProfile.map((j) => JSON.stringify(j) ?? 'null'),
  hostileBundle.map((j) => JSON.stringify(j) ?? 'null'),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '{', '[]', 'null', '{"lineage":"B"}\n{"lineage":"T"}', 'lineage,age\nB,45\nX,-1'),
);

export const cliCase: fc.Arbitrary<CliCase> = fc.record({
  argv: fc.oneof(
    fc
      .tuple(
        fc.constant('recommend'),
        fc.array(
          fc.oneof(
            SAFE_TOKEN,
            FLAG_VALUES.filter((t) => t !== '-'),
          ),
          { maxLength: 6 },
        ),
      )
      .map(([c, rest]) => [c, ...rest]),
    fc
      .tuple(fc.constant('recommend'), fc.constant('FILE'), fc.subarray(['--json', '--explain']))
      .map(([c, f, rest]) => [c, f, ...rest]),
    fc
      .tuple(
        fc.constantFrom('studies', 'trials', 'study'),
        fc.array(
          fc.oneof(
            SAFE_TOKEN,
            FLAG_VALUES.filter((t) => t !== '-'),
          ),
          { maxLength: 4 },
        ),
      )
      .map(([c, rest]) => [c, ...rest]),
    fc
      .tuple(
        fc.constant('screen'),
        fc.constantFrom('FILE', 'FILE.csv', 'missing.ndjson'),
        fc.subarray(['--format', 'csv', '--out-format', 'ndjson']),
      )
      .map(([c, f, rest]) => [c, f, '--out', 'OUT', ...rest]),
    fc
      .tuple(fc.constant('kb'), fc.constantFrom('export', 'notes', 'nope'), fc.subarray(['--json', '--csv']))
      .map(([c, s, rest]) => [c, s, ...rest]),
    fc.array(SAFE_TOKEN, { maxLength: 4 }),
  ),
  file: fileContent,
});

function captureIo(): { io: Io; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      out: (t) => {
        out += t;
      },
      err: (t) => {
        err += t;
      },
      isTty: false,
    },
    out: () => out,
    err: () => err,
  };
}

export function cliSurface(): Surface<CliCase> {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-fuzz-cli-'));
  let n = 0;
  return {
    name: 'CLI',
    arbitrary: cliCase,
    check: async ({ argv, file }) => {
      n++;
      const input = join(dir, `in-${n % 8}`);
      const csv = `${input}.csv`;
      writeFileSync(input, file);
      writeFileSync(csv, file);
      const args = argv.map((a) =>
        a === 'FILE' ? input : a === 'FILE.csv' ? csv : a === 'OUT' ? join(dir, 'out') : a,
      );
      const cap = captureIo();
      try {
        const code = await run(args, cap.io);
        const out: Violation[] = [];
        const all = `${cap.out()}\n${cap.err()}`;
        if (typeof code !== 'number') {
          out.push({ kind: 'crash', detail: `exit code ${String(code)}` });
        }
        if (code === 70) {
          out.push({ kind: 'crash', detail: `unexpected error: ${cap.err().slice(0, 300)}` });
        }
        if (STACK.test(all)) {
          out.push({ kind: 'stack-trace', detail: all.slice(0, 300) });
        }
        if (code !== 0 && cap.err().trim() === '') {
          out.push({
            kind: 'no-message',
            detail: `exit ${code} with nothing on stderr: ${JSON.stringify(argv)}`,
          });
        }
        return out;
      } catch (error) {
        return [crash(error)];
      }
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

// --- surface 4: every HTTP endpoint --------------------------------------------------------------------------------

export interface HttpCase {
  readonly method: string;
  readonly path: string;
  readonly contentType: string | undefined;
  readonly body: string | undefined;
  /**
   * Whether the body's true length goes in a Content-Length header, as every client on a socket that does not
   * stream sends it (the server then judges the size from the header alone); without it the body is counted as it
   * streams.
   */
  readonly declareLength: boolean;
}

const ROUTES = [
  '/',
  '/patient?lineage=B&age=45',
  '/api/health',
  '/api/openapi.json',
  '/api/recommendations',
  '/api/studies',
  '/api/studies?agent=blinatumomab&setting=frontline',
  '/api/studies/e1910',
  '/api/agents',
  '/api/trials',
  '/api/kb',
  '/cds-services',
  '/cds-services/frontline-all',
  '/cds-services/frontline-all-order-select',
  '/cds-services/frontline-all/feedback',
  '/cds-services/nope',
  '/cds-services/nope/feedback',
];

let requestBases: unknown[] | undefined;
function requestBodies(): unknown[] {
  requestBases ??= exampleBundles().map((b) => patientViewRequest(b));
  return requestBases;
}

const feedbackBody = fc.record({
  feedback: fc.array(
    fc.record(
      {
        card: fc.oneof(fc.uuid(), fc.string()),
        outcome: fc.oneof(fc.constantFrom('accepted', 'overridden'), fc.string()),
        outcomeTimestamp: fc.oneof(fc.constant('2026-01-01T00:00:00Z'), fc.string()),
        acceptedSuggestions: fc.array(fc.record({ id: fc.string() }), { maxLength: 2 }),
        overrideReason: fc.record({
          reason: fc.record({ code: fc.string(), system: fc.string() }),
          userComment: fc.string(),
        }),
      },
      { requiredKeys: [] },
    ),
    { maxLength: 3 },
  ),
});

const httpBody: fc.Arbitrary<string | undefined> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 1 },
  { arbitrary: hostileProfile.map((j) => JSON.stringify(j) ?? 'null'), weight: 3 },
  { arbitrary: hostileBundle.map((j) => JSON.stringify(j) ?? 'null'), weight: 2 },
  {
    arbitrary: fc.tuple(fc.nat(), fc.array(mutation, { maxLength: 3 })).map(([i, muts]) => {
      const bases = requestBodies();
      let b = bases[i % bases.length];
      for (const m of muts) {
        b = mutateAt(b, m.seeds, m.op, m.value);
      }
      return JSON.stringify(b) ?? 'null';
    }),
    weight: 3,
  },
  { arbitrary: feedbackBody.map((j) => JSON.stringify(j)), weight: 2 },
  { arbitrary: fc.string({ maxLength: 100 }), weight: 1 },
  // Deep JSON nesting, written as text (deeper than a JSON.stringify of it would go).
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 100, max: 100_000 }), fc.boolean())
      .map(([d, obj]) =>
        obj ? `${'{"a":'.repeat(d)}1${'}'.repeat(d)}` : `${'['.repeat(d)}${']'.repeat(d)}`,
      ),
    weight: 1,
  },
);

export const httpCase: fc.Arbitrary<HttpCase> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'HEAD'),
  path: fc.oneof(
    { arbitrary: fc.constantFrom(...ROUTES), weight: 6 },
    { arbitrary: fc.webPath(), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom('/api/studies/', '/cds-services/'), fc.string({ maxLength: 30 }))
        .map(([a, b]) => `${a}${encodeURIComponent(b)}`),
      weight: 1,
    },
  ),
  contentType: fc.oneof(
    fc.constantFrom(
      'application/json',
      'application/json',
      'application/fhir+json',
      'application/json; charset=utf-8',
    ),
    fc.constantFrom(undefined, 'text/plain', 'multipart/form-data; boundary=x', 'application/xml', ''),
  ),
  body: httpBody,
  declareLength: fc.boolean(),
});

function namesSomething(body: unknown): boolean {
  if (!isPlainObject(body)) {
    return false;
  }
  if (Array.isArray(body.issue)) {
    return body.issue.some(
      (i) => isPlainObject(i) && typeof i.diagnostics === 'string' && i.diagnostics.trim() !== '',
    );
  }
  return typeof body.message === 'string' && body.message.trim() !== '';
}

/**
 * Whether a 400 answer names a field (a path, or an OperationOutcome expression) for a JSON-object body. A key with
 * no path form (the empty key `""`) is named in the message: `unknown field ""`.
 */
function namesAField(body: unknown): boolean {
  if (!isPlainObject(body)) {
    return false;
  }
  if (Array.isArray(body.issue)) {
    return body.issue.some(
      (i) =>
        isPlainObject(i) &&
        ((Array.isArray(i.expression) && i.expression.length > 0) ||
          (typeof i.diagnostics === 'string' && i.diagnostics.startsWith('unknown field "'))),
    );
  }
  return (
    Array.isArray(body.errors) &&
    body.errors.some(
      (e) =>
        isPlainObject(e) &&
        ((typeof e.path === 'string' && e.path !== '') ||
          (typeof e.message === 'string' && e.message.startsWith('unknown field "'))),
    )
  );
}

function parsedOrUndefined(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What is wrong with one HTTP answer: a 5xx, a stack trace, an error without a message or naming no field. */
function answerViolations(
  what: string,
  method: string,
  status: number,
  text: string,
  body: string | undefined,
): Violation[] {
  const out: Violation[] = [];
  if (status >= 500) {
    out.push({ kind: '5xx', detail: `${what} → ${status}: ${text.slice(0, 200)}` });
  }
  if (STACK.test(text)) {
    out.push({ kind: 'stack-trace', detail: `${what}: ${text.slice(0, 200)}` });
  }
  if (status < 400 || method === 'HEAD') {
    return out;
  }
  const json = parsedOrUndefined(text);
  if (json === undefined) {
    out.push({ kind: 'no-message', detail: `${what} → ${status} not JSON: ${text.slice(0, 100)}` });
    return out;
  }
  if (!namesSomething(json)) {
    out.push({ kind: 'no-message', detail: `${what} → ${status}: ${text.slice(0, 200)}` });
  }
  // A 400 for a JSON object body is a validation error: it must say which member.
  if (status === 400 && isPlainObject(parsedOrUndefined(body)) && !namesAField(json)) {
    out.push({ kind: 'unnamed', detail: `${what} → 400 naming no field: ${text.slice(0, 200)}` });
  }
  return out;
}

export function httpSurface(options: { app?: TestApp } = {}): Surface<HttpCase> {
  const t = options.app ?? testApp();
  return {
    name: 'HTTP endpoints',
    arbitrary: httpCase,
    check: async ({ method, path, contentType, body, declareLength }) => {
      try {
        const headers: Record<string, string> =
          contentType === undefined ? {} : { 'content-type': contentType };
        const init: RequestInit = { method, headers };
        if (body !== undefined && method !== 'GET' && method !== 'HEAD') {
          init.body = body;
          if (declareLength) {
            headers['content-length'] = String(Buffer.byteLength(body));
          }
        }
        const res = await t.app.request(path, init);
        return answerViolations(`${method} ${path}`, method, res.status, await res.text(), body);
      } catch (error) {
        return [crash(error)];
      }
    },
    close: () => {
      if (options.app === undefined) {
        t.cleanup();
      }
    },
  };
}
