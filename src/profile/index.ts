/**
 * The patient profile: the input contract, its parser and normalization.
 * @module
 */
export { FIELD_LABELS, fieldLabel, labelFieldsIn, VALUE_LABELS, valueLabel } from './labels.js';
export { type FieldError, type ParseResult, parseProfile } from './parse.js';
export {
  Cd19,
  Cd22,
  HIGH_RISK_GENETICS,
  HighRiskGenetic,
  Lineage,
  MolecularResponse,
  Mrd,
  MrdMethod,
  PediatricRisk,
  Ph,
  Phase,
  PROFILE_FIELDS,
  type Profile,
  ProfileInput,
} from './schema.js';
