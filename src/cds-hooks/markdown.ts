/**
 * GitHub-flavoured Markdown helpers for card `detail` (CDS Hooks 2.0.1, §"Card Attributes": detail is GFM).
 * @module
 */
import type { TraceNode } from '../engine/index.js';

/**
 * Escapes text so that Markdown shows it literally inside a line: emphasis, code, link brackets and the start of an
 * HTML tag are neutralized; everything else (`<55`, `≥3`, `P = .002`) stays as the source writes it.
 */
export function md(text: string): string {
  return text
    .replace(/[\\`*_[\]]/g, (c) => `\\${c}`)
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/\s*\n\s*/g, ' ');
}

/** Escaped knowledge-base text (condition labels, thresholds as written), remembered: every card of every call
 * renders the same few hundred strings. Bounded; patient values are never put here. */
const ESCAPED = new Map<string, string>();

export function mdKb(text: string): string {
  let out = ESCAPED.get(text);
  if (out === undefined) {
    out = md(text);
    if (ESCAPED.size < 4096) {
      ESCAPED.set(text, out);
    }
  }
  return out;
}

function mark(v: TraceNode['verdict']): string {
  return v === true ? '✓' : v === false ? '✗' : '?';
}

function seen(n: TraceNode): string {
  if (n.kind !== 'condition') {
    return '';
  }
  if (n.observed === null || n.observed === undefined) {
    return ' — unknown';
  }
  const v = Array.isArray(n.observed) ? n.observed.map(String).join(', ') : String(n.observed);
  return ` — seen: ${md(v)}${n.written === undefined ? '' : ` (review: "${mdKb(n.written)}")`}`;
}

/** The trace as a nested Markdown list: verdict mark, condition, value seen, the review's own threshold. */
export function traceList(nodes: readonly TraceNode[], depth = 0): string[] {
  const lines: string[] = [];
  for (const n of nodes) {
    lines.push(`${'  '.repeat(depth)}- ${mark(n.verdict)} ${mdKb(n.label)}${seen(n)}`);
    if (n.children !== undefined && n.kind !== 'condition') {
      lines.push(...traceList(n.children, depth + 1));
    }
  }
  return lines;
}

/** "refs 42, 43" or "" when there are none. */
export function refsText(refs: readonly number[]): string {
  return refs.length === 0 ? '' : `refs ${refs.join(', ')}`;
}
