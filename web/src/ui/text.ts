/**
 * Text helpers shared by the views and the Markdown summary. Quotes keep every word, digit and sign of the source;
 * only its markup is read (`$…$` math, `\geq`, `^{-4}`, `*gene*`), exactly the markup `kb check` forgives.
 * @module
 */
import type { Operator } from '../contract.js';

const SUPER: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
  '−': '⁻',
  '+': '⁺',
};

/** `-4` → `⁻⁴`; text that has no superscript form (e.g. `plus`) stays as it is. */
function superscript(s: string): string {
  const chars = [...s];
  return chars.every((c) => c in SUPER) ? chars.map((c) => SUPER[c] ?? c).join('') : s;
}

/** A segment of a quote: plain text, emphasis (gene names) or a superscript. */
export type Segment = { readonly text: string; readonly style: 'plain' | 'em' | 'sup' };

/** Reads the source's markup out of a quote, as segments for rendering. */
export function quoteSegments(quote: string): Segment[] {
  const text = quote
    .replace(/\\%/g, '%')
    .replace(/\\geq\s*/g, '≥')
    .replace(/\\leq\s*/g, '≤')
    .replace(/\\pm\s*/g, '± ')
    .replace(/\\times\s*/g, '×')
    .replace(/\$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const out: Segment[] = [];
  const pattern = /\*([^*]+)\*|\^\{([^}]*)\}|\^(-?\d+)/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const at = m.index;
    if (at > last) {
      out.push({ text: text.slice(last, at), style: 'plain' });
    }
    if (m[1] !== undefined) {
      out.push({ text: m[1], style: 'em' });
    } else {
      const sup = m[2] ?? m[3] ?? '';
      const s = superscript(sup);
      out.push(s === sup ? { text: sup, style: 'sup' } : { text: s, style: 'plain' });
    }
    last = at + m[0].length;
  }
  if (last < text.length) {
    out.push({ text: text.slice(last), style: 'plain' });
  }
  return out;
}

/** A quote as plain text (superscripts in Unicode where they exist): for Markdown and tooltips. */
export function quoteText(quote: string): string {
  return quoteSegments(quote)
    .map((s) => s.text)
    .join('');
}

/** "ref 42", "refs 28, 29, 30" or "" when the source attaches none. */
export function refsText(refs: readonly number[]): string {
  if (refs.length === 0) {
    return '';
  }
  return `${refs.length === 1 ? 'ref' : 'refs'} ${refs.join(', ')}`;
}

/** A number as people write it: at most 4 significant digits for fractions, no trailing zeros. */
export function fmtNumber(n: number): string {
  if (Number.isInteger(n)) {
    return String(n);
  }
  return String(Number(n.toPrecision(4)));
}

/** An MRD fraction in the three ways the review writes it: "0.001 (0.1%, 10⁻³)". */
export function mrdText(fraction: number): string {
  if (fraction === 0) {
    return '0 (undetectable)';
  }
  const percent = Number((fraction * 100).toPrecision(6));
  const exp = Math.log10(fraction);
  const power = Number.isInteger(Number(exp.toFixed(9))) ? `, 10${superscript(String(Math.round(exp)))}` : '';
  return `${fraction} (${percent}%${power})`;
}

/**
 * How each criterion operator reads in a condition (the engine's trace words them the same way; the web app takes
 * no code from src/, so the words are kept here for both the trace and the trial criteria).
 */
export const OPERATOR_TEXT: Readonly<Record<Operator, string>> = {
  eq: '=',
  ne: '≠',
  lt: '<',
  le: '≤',
  gt: '>',
  ge: '≥',
  in: 'is one of',
  includes: 'includes',
  includesAny: 'includes any of',
  known: 'is known',
};
