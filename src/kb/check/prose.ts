/**
 * Our own words must not carry numbers the source does not: every number in a rule's title, rationale and warning
 * texts, an alert's text and a boundary's text must be stated by one of the quotes it rests on (or be one of its
 * criteria's thresholds). Identifiers such as CD20, E1910 or NCT04307576 are names, not numbers.
 * @module
 */
import type { Issue } from '../../issues/index.js';
import type { Origin } from '../load.js';
import type { Criterion, Kb, Rule } from '../schema/index.js';
import { numbersIn } from './text.js';

const PERIOD = /^(\d+(?:\.\d+)?)-(?:year|month|week|day)s?$/i;

/** Numbers written in prose, skipping digits that are part of names (tokens with letters). */
export function proseNumbers(text: string): number[] {
  const out: number[] = [];
  for (const raw of text.split(/[\s,;:()[\]{}"“”]+/)) {
    const token = raw.replace(/[.]+$/, '');
    const period = PERIOD.exec(token);
    if (period?.[1] !== undefined) {
      out.push(Number(period[1]));
    } else if (!/[a-z]/i.test(token) && /\d/.test(token)) {
      out.push(
        ...numbersIn(token).filter((n) => !token.includes('%') || n >= 1 || /\d\.\d/.test(token) || n === 0),
      );
    }
  }
  return out;
}

function criterionNumbers(c: Criterion | undefined, into: number[]): void {
  if (c === undefined) {
    return;
  }
  if ('all' in c) {
    for (const x of c.all) {
      criterionNumbers(x, into);
    }
  } else if ('any' in c) {
    for (const x of c.any) {
      criterionNumbers(x, into);
    }
  } else if ('not' in c) {
    criterionNumbers(c.not, into);
  } else {
    for (const v of Array.isArray(c.value) ? c.value : [c.value]) {
      if (typeof v === 'number') {
        into.push(v, v * 100);
      }
    }
    if (c.written !== undefined) {
      into.push(...numbersIn(c.written));
    }
  }
}

function has(pool: readonly number[], n: number): boolean {
  return pool.some((p) => Math.abs(p - n) <= 1e-9 * Math.max(1, Math.abs(n)));
}

function ruleQuotes(kb: Kb, rule: Rule): string[] {
  const statements = new Map(kb.statements.map((s) => [s.id, s.quote]));
  const studies = new Map(kb.studies.map((s) => [s.id, s]));
  return [
    ...rule.evidence.map((e) => e.quote),
    ...rule.warnings.map((w) => w.quote),
    ...rule.statements.flatMap((id) => statements.get(id) ?? []),
    ...rule.keyNumbers.flatMap(
      (k) =>
        studies
          .get(k.study)
          ?.outcomes.filter((o) => k.outcomes.includes(o.id))
          .map((o) => o.quote) ?? [],
    ),
  ];
}

type Report = (key: string, path: string, n: number, what: string) => void;

function checkText(text: string, pool: readonly number[], onMissing: (n: number) => void): void {
  for (const n of proseNumbers(text)) {
    if (!has(pool, n)) {
      onMissing(n);
    }
  }
}

function checkRules(kb: Kb, report: Report): void {
  for (const rule of kb.recommendations) {
    const pool = ruleQuotes(kb, rule).flatMap(numbersIn);
    criterionNumbers(rule.when, pool);
    for (const w of rule.warnings) {
      criterionNumbers(w.when, pool);
    }
    const texts: [string, string][] = [
      ['title', rule.title],
      ['rationale', rule.rationale],
      ...rule.warnings.map((w, i): [string, string] => [`warnings.${i}.text`, w.text]),
    ];
    for (const [path, text] of texts) {
      checkText(text, pool, (n) => report(`rules:${rule.id}`, path, n, 'our own words'));
    }
  }
}

function checkAlerts(kb: Kb, report: Report): void {
  for (const alert of kb.alerts) {
    const pool = numbersIn(alert.quote);
    criterionNumbers(alert.when, pool);
    checkText(alert.text, pool, (n) => report(`alerts:${alert.code}`, 'text', n, 'the alert text'));
  }
}

function checkBoundaries(kb: Kb, report: Report): void {
  const statements = new Map(kb.statements.map((s) => [s.id, s]));
  const studies = new Map(kb.studies.map((s) => [s.id, s]));
  for (const b of kb.boundaries) {
    const linked = b.statements.flatMap((id) => statements.get(id) ?? []);
    const quotes = [
      ...linked.map((s) => s.quote),
      ...linked.flatMap((s) =>
        s.studies.flatMap((id) => studies.get(id)?.outcomes.map((o) => o.quote) ?? []),
      ),
    ];
    const pool = [...quotes.flatMap(numbersIn), b.value, b.value * 100];
    checkText(b.text, pool, (n) => report(`boundaries:${b.id}`, 'text', n, 'the boundary text'));
  }
}

/** Checks the numbers in rules, alerts and boundaries against the quotes each rests on. */
export function checkProse(kb: Kb, origins: ReadonlyMap<string, Origin>): Issue[] {
  const issues: Issue[] = [];
  const report: Report = (key, path, n, what) => {
    const o = origins.get(key);
    const base = o === undefined || o.path === '' ? '' : `${o.path}.`;
    issues.push({
      code: 'kb.number-not-in-quote',
      severity: 'error',
      file: o?.file ?? key,
      path: `${base}${path}`,
      message: `${n} in ${what} is not stated by any quote it rests on`,
    });
  };
  checkRules(kb, report);
  checkAlerts(kb, report);
  checkBoundaries(kb, report);
  return issues;
}
