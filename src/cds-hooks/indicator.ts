/**
 * How a strength of evidence becomes a card indicator (CDS Hooks 2.0.1, §"Card Attributes": `info | warning |
 * critical`, in increasing urgency).
 * @module
 */
import type { Strength } from '../kb/index.js';
import type { Indicator } from './card.js';

/**
 * `caution` and `not-recommended` are things the clinician should stop and read: `warning`. Everything the review
 * supports is `info`. Nothing in patient-view is `critical`: no option here is an emergency, and an alert that
 * cries wolf is ignored. `critical` is kept for order-sign, for an agent the review does not recommend for this
 * patient or whose target the blasts lack (see `order-cards.ts`).
 */
export const STRENGTH_INDICATOR: Readonly<Record<Strength, Indicator>> = {
  recommended: 'info',
  supported: 'info',
  consider: 'info',
  trial: 'info',
  caution: 'warning',
  'not-recommended': 'warning',
};

/** A clinician's words for a strength, used at the start of a card summary. */
export const STRENGTH_WORDS: Readonly<Record<Strength, string>> = {
  recommended: 'Recommended by the review authors',
  supported: 'Supported by evidence',
  consider: 'Consider',
  trial: 'Within a clinical trial',
  caution: 'Caution',
  'not-recommended': 'Not recommended',
};

/** What each strength means (PRODUCT.md), shown at the top of a card's detail. */
export const STRENGTH_MEANING: Readonly<Record<Strength, string>> = {
  recommended: 'the authors explicitly recommend or endorse it for this population',
  supported: 'the review reports evidence or a regulatory approval that supports it',
  consider: 'reasonable per the evidence, without endorsement',
  trial: 'only within a clinical trial',
  caution: 'used, but the review reports serious harm or failed endpoints',
  'not-recommended': 'the review reports no benefit, or harm outweighing benefit',
};
