/**
 * The recommendation engine: pure, three-valued, explainable.
 * @module
 */
export { type Compiled, compileCriterion, type Evaluator } from './compile.js';
export { type CompiledKb, type CompiledRule, compileKb } from './compiled-kb.js';
export {
  type Decision,
  type DerivedComparison,
  type EvidenceItem,
  type KeyNumber,
  type Missing,
  NOTICE,
  type Option,
  type OptionWarning,
  type PatientWarning,
  STRENGTH_ORDER,
  type StatementRef,
} from './decision.js';
export { evaluate } from './evaluate.js';
export { describeOutcome, endpointText, fmt, fmtP, fmtValue, summarizeOutcomes } from './format.js';
export { and3, not3, or3, type Verdict } from './logic.js';
export { OP_TEXT, type Scalar, type TraceNode } from './trace.js';
