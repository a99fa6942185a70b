/**
 * Laboratory, tumour-marker, risk and genomic Observations: each is recognised by its code in the terminology
 * and read into candidate values of one profile field.
 * @module
 */
import type { CodeMapping } from '../kb/index.js';
import type { Located } from './bundle.js';
import { describeConcept, type Terminology } from './coding.js';
import { abl1MutationsOf } from './genomics.js';
import { obj } from './json.js';
import { type PhResult, phFromObservation } from './ph.js';
import type { Candidate } from './pick.js';
import type { Accumulator } from './result.js';
import { codeOf, convert, describeValue, hasResult, observedAt, presenceOf, quantityOf } from './value.js';

type ObservationMapping = Extract<CodeMapping, { kind: 'observation' }>;

/** MRD as the profile holds it: a fraction, with the method the code implies. */
export interface MrdValue {
  readonly value: number;
  readonly method?: 'flow' | 'ngs' | 'pcr';
}

/** Everything read from the Observations, before one value per field is chosen. */
export interface ObservationFindings {
  readonly wbc: Candidate<number>[];
  readonly cd20Percent: Candidate<number>[];
  readonly cd22: Candidate<'positive' | 'negative'>[];
  readonly mrd: Candidate<MrdValue>[];
  readonly pediatricRisk: Candidate<string>[];
  readonly ph: PhResult[];
  readonly abl1Mutations: Candidate<string>[];
  /** Free-text immunophenotype Observations (never parsed). */
  readonly immunophenotype: string[];
}

interface Context {
  readonly at: Located;
  readonly mapping: ObservationMapping;
  readonly term: Terminology;
  readonly acc: Accumulator;
  readonly found: ObservationFindings;
  readonly when?: number;
}

function candidate<T>(ctx: Context, value: T): Candidate<T> {
  return ctx.when === undefined ? { value, ref: ctx.at.ref } : { value, ref: ctx.at.ref, when: ctx.when };
}

function unreadable(ctx: Context, field: string, why: string): void {
  ctx.acc.miss(field, `${ctx.at.ref} (${codeOf(ctx.at)}) ${why}`, ctx.at.ref);
}

function readNumber(ctx: Context, field: 'wbc' | 'cd20Percent' | 'mrd'): number | undefined {
  const q = quantityOf(ctx.at.resource);
  if (q === undefined) {
    unreadable(ctx, field, `has ${describeValue(ctx.at.resource)}, not a quantity`);
    return undefined;
  }
  const converted = convert(q, field, ctx.term);
  if (!converted.ok) {
    unreadable(ctx, field, `was not mapped: ${converted.reason}`);
    return undefined;
  }
  return converted.value;
}

function readWbc(ctx: Context): void {
  const value = readNumber(ctx, 'wbc');
  if (value !== undefined) {
    ctx.found.wbc.push(candidate(ctx, value));
  }
}

function readCd20(ctx: Context): void {
  const value = readNumber(ctx, 'cd20Percent');
  if (value === undefined) {
    return;
  }
  if (value < 0 || value > 100) {
    unreadable(ctx, 'cd20Percent', `gives ${value} %, outside 0-100`);
    return;
  }
  ctx.found.cd20Percent.push(candidate(ctx, value));
}

// CD22: neither the review nor PRODUCT.md gives a CD22 positivity cut-off, so CD22 is mapped only from an
// explicit positive/negative (a coded answer or a POS/NEG interpretation); a bare percentage is reported as
// missing with its value, never turned into positive or negative by a threshold of our own.
function readCd22(ctx: Context): void {
  const presence = presenceOf(ctx.at.resource, ctx.term);
  if (presence !== undefined) {
    ctx.found.cd22.push(candidate(ctx, presence.value));
    return;
  }
  const q = quantityOf(ctx.at.resource);
  const why =
    q === undefined
      ? `has ${describeValue(ctx.at.resource)} and no positive/negative interpretation`
      : `reports CD22 on ${q.comparator ?? ''}${q.value}${q.unit === undefined ? '' : ` ${q.unit}`} of blasts without a positive/negative interpretation; the review gives no CD22 positivity cut-off, so CD22 is read only from an explicit positive/negative result`;
  unreadable(ctx, 'cd22', why);
}

function readMrd(ctx: Context): void {
  if (quantityOf(ctx.at.resource) === undefined && presenceOf(ctx.at.resource, ctx.term) !== undefined) {
    unreadable(
      ctx,
      'mrd',
      `reports MRD as ${describeValue(ctx.at.resource)} without a level; enter the MRD fraction by hand (0 = undetectable)`,
    );
    return;
  }
  const value = readNumber(ctx, 'mrd');
  if (value === undefined) {
    return;
  }
  if (value > 1) {
    unreadable(ctx, 'mrd', `gives the fraction ${value}, above 1`);
    return;
  }
  const method = ctx.mapping.method;
  ctx.found.mrd.push(candidate(ctx, method === undefined ? { value } : { value, method }));
}

function readRisk(ctx: Context): void {
  const cc = obj(ctx.at.resource, 'valueCodeableConcept');
  const risk = ctx.term.lookupConcept('risk', cc)[0];
  if (risk === undefined) {
    unreadable(ctx, 'pediatricRisk', `has ${describeValue(ctx.at.resource)}, not a known ALL risk group`);
    return;
  }
  if (risk.value === undefined) {
    unreadable(ctx, 'pediatricRisk', `reports ${describeConcept(cc)}: ${risk.note ?? 'no profile value'}`);
    return;
  }
  ctx.found.pediatricRisk.push(candidate(ctx, risk.value));
}

function readPh(ctx: Context): void {
  const result = phFromObservation(ctx.at, ctx.mapping, ctx.term, ctx.acc);
  if (result !== undefined) {
    ctx.found.ph.push(result);
  }
}

function readVariant(ctx: Context): void {
  for (const mutation of abl1MutationsOf(ctx.at, ctx.term, ctx.acc)) {
    ctx.found.abl1Mutations.push(candidate(ctx, mutation));
  }
}

function readImmunophenotype(ctx: Context): void {
  ctx.found.immunophenotype.push(ctx.at.ref);
}

const READERS: Readonly<Record<ObservationMapping['fact'], (ctx: Context) => void>> = {
  wbc: readWbc,
  cd20Percent: readCd20,
  cd22: readCd22,
  mrd: readMrd,
  pediatricRisk: readRisk,
  ph: readPh,
  genomicVariant: readVariant,
  immunophenotype: readImmunophenotype,
};

/**
 * Reads every Observation whose code is in the terminology; others are ignored. Observations without a result
 * (entered-in-error, cancelled, registered) are skipped.
 */
export function readObservations(
  observations: readonly Located[],
  term: Terminology,
  acc: Accumulator,
): ObservationFindings {
  const found: ObservationFindings = {
    wbc: [],
    cd20Percent: [],
    cd22: [],
    mrd: [],
    pediatricRisk: [],
    ph: [],
    abl1Mutations: [],
    immunophenotype: [],
  };
  for (const at of observations) {
    if (!hasResult(at.resource)) {
      continue;
    }
    const when = observedAt(at.resource);
    const facts = new Set<ObservationMapping['fact']>();
    for (const mapping of term.lookupConcept('observation', obj(at.resource, 'code'))) {
      if (facts.has(mapping.fact)) {
        continue;
      }
      facts.add(mapping.fact);
      READERS[mapping.fact]({ at, mapping, term, acc, found, ...(when === undefined ? {} : { when }) });
    }
  }
  return found;
}
