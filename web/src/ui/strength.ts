/**
 * The strengths and what each means (PRODUCT.md "Recommendation result"), and the kinds of the authors'
 * statements. They are shown apart, never merged (PRODUCT safety rule 2).
 * @module
 */
import type { StatementKind, Strength } from '../contract.js';

export const STRENGTHS: readonly Strength[] = [
  'recommended',
  'supported',
  'consider',
  'trial',
  'caution',
  'not-recommended',
];

export const STRENGTH_LABEL: Record<Strength, string> = {
  recommended: 'Recommended',
  supported: 'Supported',
  consider: 'Consider',
  trial: 'Within a trial',
  caution: 'Caution',
  'not-recommended': 'Not recommended',
};

export const STRENGTH_MEANING: Record<Strength, string> = {
  recommended: 'The authors explicitly recommend or endorse it for this population.',
  supported: 'The review reports evidence or a regulatory approval that supports it.',
  consider: 'Reasonable per the evidence, without the authors’ endorsement.',
  trial: 'Only within a clinical trial (NCT ids where the review names them).',
  caution: 'Used, but the review reports serious harm or failed endpoints.',
  'not-recommended': 'The review reports no benefit, or harm outweighing benefit.',
};

export const STATEMENT_KIND: Record<StatementKind, string> = {
  recommendation: 'The authors recommend',
  endorsement: 'The authors’ view',
  'evidence-judgment': 'Evidence judgment (the authors’ summary)',
  caution: 'The authors’ caution',
  regulatory: 'Regulatory fact',
  'trial-listing': 'Trial listing',
  background: 'Background',
};

/** The decision-support notice, as the API words it, with a capital and a full stop. */
export function sentence(text: string): string {
  const t = text.trim();
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
}
