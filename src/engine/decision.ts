/**
 * The decision: PRODUCT.md "Recommendation result (output contract, JSON)". Fields may be added, never renamed.
 * @module
 */
import type { Outcome, Strength } from '../kb/core.js';
import type { Profile } from '../profile/index.js';
import type { Verdict } from './logic.js';
import type { TraceNode } from './trace.js';

export const NOTICE = 'decision support, not a substitute for clinical judgment';

export const STRENGTH_ORDER: readonly Strength[] = [
  'recommended',
  'supported',
  'consider',
  'trial',
  'caution',
  'not-recommended',
];

export interface EvidenceItem {
  /** Study id, or the source id when the evidence is the authors' own statement. */
  readonly study: string;
  readonly studyName: string;
  readonly refs: readonly number[];
  readonly quote: string;
}

export interface OptionWarning {
  readonly code: string;
  readonly text: string;
  readonly refs: readonly number[];
  readonly quote: string;
  /** true = applies to this patient; 'unknown' = may apply (a fact it depends on is unknown). */
  readonly applies: true | 'unknown';
}

export interface StatementRef {
  readonly id: string;
  readonly kind: string;
  readonly quote: string;
  readonly refs: readonly number[];
}

export interface KeyNumber {
  readonly study: string;
  readonly studyName: string;
  /** One line, e.g. "E1910: 3-year OS 85% (blinatumomab) vs 68% (chemotherapy) (P = .002)". */
  readonly text: string;
  readonly outcomes: readonly Outcome[];
}

/** A difference computed by Frontline from the two arms of one randomized study. Never from two studies. */
export interface DerivedComparison {
  readonly derived: true;
  readonly study: string;
  readonly studyName: string;
  readonly endpoint: string;
  readonly experimental: { readonly outcome: string; readonly value: number };
  readonly control: { readonly outcome: string; readonly value: number };
  /** Experimental minus control, in percentage points. */
  readonly absoluteDifference: number;
  /** Patients to treat for one more good outcome; null when the experimental arm is not better. */
  readonly numberNeededToTreat: number | null;
  readonly text: string;
}

/** Where an option reaches past the populations its studies enrolled, with the review's words that license it. */
export interface ExtrapolationNote {
  readonly text: string;
  readonly quote: string;
  readonly refs: readonly number[];
}

/** A question the tool answers for which this patient lies outside every population the review studied. */
export interface OutsideEvidence {
  /** The question's id (kb rules files, `questions`). */
  readonly question: string;
  /** One plain sentence. */
  readonly text: string;
  readonly refs: readonly number[];
}

export interface Option {
  readonly id: string;
  readonly title: string;
  readonly strength: Strength;
  readonly agents: readonly string[];
  readonly trials: readonly string[];
  readonly evidence: readonly EvidenceItem[];
  readonly warnings: readonly OptionWarning[];
  /** The trace: each condition, the value seen, the threshold and the verdict. */
  readonly because: readonly TraceNode[];
  /** true in `options`; 'unknown' in `pending` (would apply if the missing facts allow). */
  readonly verdict: Verdict;
  readonly rank: number;
  readonly section: string;
  readonly phase: 'frontline' | 'relapsed-refractory';
  readonly rationale: string;
  readonly statements: readonly StatementRef[];
  readonly keyNumbers: readonly KeyNumber[];
  readonly derived: readonly DerivedComparison[];
  /** Facts that are unknown in this option's trace. */
  readonly unknownFacts: readonly string[];
  /** Where the option reaches past its studied populations for this patient, with the review's words. */
  readonly extrapolation: readonly ExtrapolationNote[];
  /** The question (kb `questions`) the option answers. */
  readonly question: string;
}

export interface PatientWarning {
  readonly code: string;
  readonly text: string;
  readonly refs: readonly number[];
  readonly quote?: string;
  /** `target`: options with an agent are left out because its target antigen is absent. */
  readonly kind: 'alert' | 'boundary' | 'input' | 'target';
}

export interface Missing {
  readonly field: string;
  /** Why it matters and which test settles it. */
  readonly text: string;
  readonly test: string;
  /** Options (ids) whose applicability or warnings depend on it. */
  readonly affects: readonly string[];
}

export interface Decision {
  readonly kbVersion: string;
  readonly profile: Profile;
  /** Options whose criteria hold for this patient, strongest first. */
  readonly options: readonly Option[];
  /** Options that would apply depending on facts that are unknown. */
  readonly pending: readonly Option[];
  readonly warnings: readonly PatientWarning[];
  readonly missing: readonly Missing[];
  /** Questions for which this patient lies outside every population the review studied. */
  readonly outsideEvidence: readonly OutsideEvidence[];
  readonly notice: typeof NOTICE;
}
