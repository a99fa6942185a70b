/**
 * Card summaries: one sentence, fewer than 140 characters (CDS Hooks 2.0.1, §"Card Attributes").
 * @module
 */
import { SUMMARY_MAX } from './card.js';

/**
 * Shortens text to at most `max` characters (code points, and UTF-16 units too, so that a client counting either
 * way accepts it), ending with "…" when cut, never splitting a surrogate pair.
 * @param text - the full sentence
 * @param max - the limit (139 for a summary)
 */
export function fitSummary(text: string, max: number = SUMMARY_MAX): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) {
    return clean;
  }
  const chars = [...clean];
  let out = '';
  for (const c of chars) {
    if (out.length + c.length > max - 1) {
      break;
    }
    out += c;
  }
  const cut = out.replace(/\s+\S*$/, '');
  return `${(cut.length > max / 2 ? cut : out).trimEnd()}…`;
}
