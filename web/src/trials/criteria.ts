/**
 * A rule's `when` tree read for people: which profile fields it tests, and the tree as nested lines. This shows the
 * knowledge base's rule as written; patient decisions are never re-derived from it.
 * @module
 */
import type { Criterion } from '../contract.js';
import { fieldLabel, valueLabel } from '../contract.js';
import { OPERATOR_TEXT } from '../ui/text.js';

/** The profile fields a criterion tests, in the order they appear. */
export function factsOf(c: Criterion): string[] {
  const out: string[] = [];
  const walk = (x: Criterion): void => {
    if ('all' in x) {
      x.all.forEach(walk);
    } else if ('any' in x) {
      x.any.forEach(walk);
    } else if ('not' in x) {
      walk(x.not);
    } else if (!out.includes(x.fact)) {
      out.push(x.fact);
    }
  };
  walk(c);
  return out;
}

export interface CriterionLine {
  readonly depth: number;
  readonly text: string;
}

/** The tree as indented lines: "all of", "age < 55 (younger than 55 years)". */
export function criterionLines(c: Criterion, depth = 0): CriterionLine[] {
  if ('all' in c || 'any' in c) {
    const list = 'all' in c ? c.all : c.any;
    const head = `${'all' in c ? 'all of' : 'any of'}${c.label === undefined ? '' : ` — ${c.label}`}`;
    return [{ depth, text: head }, ...list.flatMap((x) => criterionLines(x, depth + 1))];
  }
  if ('not' in c) {
    return [
      { depth, text: `not${c.label === undefined ? '' : ` — ${c.label}`}` },
      ...criterionLines(c.not, depth + 1),
    ];
  }
  const value =
    c.op === 'known'
      ? ''
      : ` ${Array.isArray(c.value) ? c.value.map(valueLabel).join(', ') : valueLabel(c.value ?? '')}`;
  const words = [c.label, c.written === undefined ? undefined : `the review: “${c.written}”`].filter(
    (s): s is string => s !== undefined,
  );
  return [
    {
      depth,
      text: `${fieldLabel(c.fact)} ${OPERATOR_TEXT[c.op]}${value}${words.length > 0 ? ` (${words.join('; ')})` : ''}`,
    },
  ];
}
