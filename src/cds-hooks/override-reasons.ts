/**
 * Reasons a clinician may give for overriding a card (CDS Hooks 2.0.1, §"Reasons for rejecting a card": Codings,
 * each with a `display`). 2.0.1 prescribes no code system; we use HL7 Terminology's non-adherence reason codes
 * (`http://terminology.hl7.org/CodeSystem/non-adherence-reason-codes`, status active), the system the CDS Hooks 3.0
 * ballot suggests, with the displays as that code system writes them. Only the reasons that fit an evidence card.
 * @module
 */
import type { OverrideReason } from './card.js';

/** HL7 Terminology: non-adherence reason codes (the code system of our override reasons). */
export const OVERRIDE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/non-adherence-reason-codes';

const reason = (code: string, display: string): OverrideReason => ({
  system: OVERRIDE_SYSTEM,
  code,
  display,
});

/** The override reasons offered on every Frontline card. */
export const OVERRIDE_REASONS: readonly OverrideReason[] = [
  reason('patient-ineligible', 'Patient does not meet eligibility for recommended action'),
  reason(
    'need-more-info',
    'Could not address recommended action due to need for more information/pending results/pending consult',
  ),
  reason('does-not-align-latest-evidence', 'Recommended action does not align with the latest evidence'),
  reason('expert-contradicts', 'Advice from expert contradicts the recommended action'),
  reason('policy-contradicts', 'Institutional policy/guideline contradicts the recommended action'),
  reason('risk-benefit-ratio', 'Recipient assessment of risk/benefit ratio'),
  reason('patient-contraindication', 'Patient has contraindication to recommended action'),
  reason('prefers-alternative', 'Patient prefers an alternative approach or treatment'),
  reason('service-not-available', 'Treatment or service is not practically available'),
];
