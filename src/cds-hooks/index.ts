/**
 * CDS Hooks 2.0.1 for Frontline: the spec's payloads as zod schemas, the services and their prefetch templates,
 * decision → cards, and the transport-free service call.
 * @module
 */

export { agentNames, agentsInOrder } from './agent-match.js';
export { type CallDeps, type CallOutcome, type CallResult, callService } from './call.js';
export {
  Action,
  Card,
  CdsResponse,
  codePoints,
  Indicator,
  Link,
  OverrideReason,
  Source,
  SUMMARY_MAX,
  Suggestion,
} from './card.js';
export {
  type CardContext,
  decisionCards,
  MAX_OPTION_CARDS,
  optionCard,
  type RenderedCard,
  sourceName,
} from './cards.js';
export { AbsoluteUrl, Coding, Extension, FhirId, FhirResource, RelativeReference } from './coding.js';
export {
  DraftOrders,
  OrderSelectContext,
  OrderSignContext,
  PatientViewContext,
} from './context.js';
export { capDetail, DETAIL_MAX } from './detail-cap.js';
export { CdsService, DiscoveryResponse } from './discovery.js';
export { FeedbackEntry, FeedbackRequest, OverrideReasonFeedback } from './feedback.js';
export { fieldErrors } from './field-errors.js';
export {
  DEFAULT_FHIR_DEADLINE_MS,
  type FhirFetch,
  type FhirFetchResult,
  MAX_PAGES,
  type OpenFhir,
} from './gather.js';
export { STRENGTH_INDICATOR, STRENGTH_MEANING, STRENGTH_WORDS } from './indicator.js';
export { agentCard, draftedAgents, missingTarget, type OrderHook, orderCards } from './order-cards.js';
export { OVERRIDE_REASONS, OVERRIDE_SYSTEM } from './override-reasons.js';
export { patientViewUrl, profileQuery, studyUrl } from './patient-link.js';
export { hasLatex, plain } from './plain.js';
export { collectionBundle, type PrefetchSlot, readSlot, resolveTemplate } from './prefetch.js';
export type { RecommendFn, RecommendOutcome } from './recommend-port.js';
export {
  CdsServiceRequest,
  FhirAuthorization,
  OrderSelectRequest,
  OrderSignRequest,
  PatientViewRequest,
  Prefetch,
} from './request.js';
export {
  discovery,
  findService,
  PREFETCH,
  type PrefetchKey,
  REQUIRED_PREFETCH,
  SERVICES,
  type ServiceDefinition,
} from './services.js';
export { fitSummary } from './summary.js';
