/**
 * Words for numbers: one outcome, or a set of outcomes of one study, as a clinician would read them. Shared by
 * every surface so the CLI, the API, the cards and the web app say the same thing.
 * @module
 */
import { type Outcome, printedIn, type Study } from '../kb/core.js';

/** A number as printed in the source: no trailing zeros. */
export function fmt(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** "P = .002" */
export function fmtP(p: { readonly op: string; readonly value: number }): string {
  // Stryker disable next-line Regex: a P value is at most 1, so "0." can only lead
  return `P ${p.op} ${fmt(p.value).replace(/^0\./, '.')}`;
}

function armLabel(study: Study | undefined, arm: string | undefined): string | undefined {
  return study?.arms.find((a) => a.id === arm)?.label ?? arm;
}

const QUALIFIER: Record<NonNullable<Outcome['qualifier']>, string> = {
  '>': '>',
  '<': '<',
  '>=': '≥',
  '<=': '≤',
  approximately: '≈',
};

/** The value with its unit: "85%", "HR 0.53", "median 7.7 months", "96% ± 1.2". */
export function fmtValue(o: Outcome): string {
  // Stryker disable next-line Regex: no unit has an "s" but at its end
  const singular = o.value === 1 && /s$/.test(o.unit) ? o.unit.slice(0, -1) : o.unit;
  const unit = o.unit === '%' ? '%' : o.unit === 'ratio' || o.unit === 'fraction' ? '' : ` ${singular}`;
  const measure = o.measure === 'hazard-ratio' ? 'HR ' : o.measure === 'median' ? 'median ' : '';
  const pm = o.plusMinus === undefined ? '' : ` ± ${printedIn(o.quote, o.plusMinus)}`;
  const of = o.count !== undefined && o.denominator !== undefined ? ` (${o.count} of ${o.denominator})` : '';
  const q = o.qualifier === undefined ? '' : QUALIFIER[o.qualifier];
  return `${measure}${q}${printedIn(o.quote, o.value)}${unit}${pm}${of}`;
}

function fmtCi(o: Outcome): string | undefined {
  if (o.ci === undefined) {
    return undefined;
  }
  const level = o.ci.level === undefined ? '' : `${fmt(o.ci.level)}% `;
  return `${level}CI ${printedIn(o.quote, o.ci.lower)}-${printedIn(o.quote, o.ci.upper)}`;
}

/** The endpoint heading: "3-year OS", "grade ≥3 CRS". */
export function endpointText(o: Outcome): string {
  const grade =
    o.grade === undefined
      ? undefined
      : o.grade === '>=3'
        ? 'grade ≥3'
        : o.grade === 'any'
          ? 'any-grade'
          : `grade ${o.grade}`;
  const name = o.label ?? o.endpoint;
  // Stryker disable next-line ConditionalExpression: without a timepoint, either branch gives none
  const timepoint = o.timepoint !== undefined && name.startsWith(o.timepoint) ? undefined : o.timepoint;
  return [timepoint, grade, name].filter((x) => x !== undefined).join(' ');
}

/** One outcome in one line: "3-year OS [blinatumomab arm] {age <55}: 95% (P = .002)". */
export function describeOutcome(o: Outcome, study?: Study): string {
  const arm = armLabel(study, o.arm);
  const versus = armLabel(study, o.versus);
  const who = [
    arm === undefined ? undefined : `[${arm}]`,
    versus === undefined ? undefined : `vs [${versus}]`,
  ]
    .filter((x) => x !== undefined)
    .join(' ');
  const sub = o.subgroup === undefined ? '' : ` {${o.subgroup}}`;
  const extras = [fmtCi(o), o.p === undefined ? undefined : fmtP(o.p)].filter((x) => x !== undefined);
  return `${endpointText(o)}${who === '' ? '' : ` ${who}`}${sub}: ${fmtValue(o)}${extras.length > 0 ? ` (${extras.join('; ')})` : ''}`;
}

/**
 * Several outcomes of one study in one line, grouping arms of the same endpoint:
 * "3-year OS 85% (blinatumomab) vs 68% (chemotherapy) (P = .002); 3-year RFS HR 0.53 (95% CI 0.32-0.87)".
 */
export function summarizeOutcomes(outcomes: readonly Outcome[], study?: Study): string {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    // Stryker disable next-line EqualityOperator,StringLiteral: a key only for grouping: whether hazard ratios and values differ matters, not which is which, and any constant marks "no subgroup"
    const key = `${endpointText(o)}|${o.subgroup ?? ''}|${o.measure === 'hazard-ratio'}`;
    const list = groups.get(key) ?? [];
    list.push(o);
    groups.set(key, list);
  }
  const parts: string[] = [];
  for (const list of groups.values()) {
    const first = list[0];
    // Stryker disable next-line ConditionalExpression,BlockStatement: a group is made with its first outcome, never empty
    if (first === undefined) {
      continue;
    }
    const values = list
      .map((o) => {
        const arm = armLabel(study, o.arm);
        return `${fmtValue(o)}${arm === undefined || list.length === 1 ? '' : ` (${arm})`}`;
      })
      .join(' vs ');
    const withP = list.find((o) => o.p !== undefined);
    const extras = [
      list.length === 1 ? fmtCi(first) : undefined,
      withP?.p === undefined ? undefined : fmtP(withP.p),
    ].filter((x) => x !== undefined);
    const sub = first.subgroup === undefined ? '' : ` in ${first.subgroup}`;
    parts.push(`${endpointText(first)}${sub} ${values}${extras.length > 0 ? ` (${extras.join('; ')})` : ''}`);
  }
  return parts.join('; ');
}
