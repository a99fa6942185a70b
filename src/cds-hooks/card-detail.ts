/**
 * What every card detail ends with.
 * @module
 */
import type { Decision } from '../engine/index.js';
import { md } from './markdown.js';

/** The footer every card carries: knowledge-base version and the notice (PRODUCT.md safety rule 5). */
export function footer(decision: Decision, sourceName: string): string[] {
  return [
    '',
    '---',
    `Frontline · knowledge base ${md(decision.kbVersion)} · source: ${md(sourceName)} · ${decision.notice}.`,
  ];
}
