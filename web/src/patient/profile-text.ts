/**
 * The evaluated profile in one line, as the server normalized it (`decision.profile`).
 * @module
 */
import type { Profile } from '../contract.js';
import { fmtNumber, mrdText } from '../ui/text.js';
import { FIELDS, PARAM_NAMES, type ParamName } from './fields.js';

function choiceLabel(name: ParamName, value: string): string {
  const spec = FIELDS[name];
  if (spec.kind === 'enum' || spec.kind === 'set') {
    return spec.choices.find((c) => c.value === value)?.label ?? value;
  }
  return value;
}

/** The value of one URL parameter in the profile (the parts of `mrd` included). */
function paramValue(p: Profile, name: ParamName): unknown {
  switch (name) {
    case 'mrd':
      return p.mrd?.value;
    case 'mrd.afterCycle':
      return p.mrd?.afterCycle;
    case 'mrd.method':
      return p.mrd?.method;
    default:
      return p[name];
  }
}

/** One known fact in words, e.g. "MRD 0.001 (0.1%, 10⁻³)", "Age at diagnosis 45 years". */
function factText(name: ParamName, value: unknown): string {
  const spec = FIELDS[name];
  if (name === 'mrd' && typeof value === 'number') {
    return `MRD ${mrdText(value)}`;
  }
  if (name === 'mrd.afterCycle') {
    return `after cycle ${String(value)}`;
  }
  if (name === 'mrd.method') {
    return `by ${choiceLabel(name, String(value))}`;
  }
  if (name === 'lineage') {
    return choiceLabel(name, String(value));
  }
  if (Array.isArray(value)) {
    return `${spec.label}: ${value.length === 0 ? 'none' : value.map((v) => choiceLabel(name, String(v))).join(', ')}`;
  }
  if (typeof value === 'boolean' && spec.kind === 'boolean') {
    return `${spec.label}: ${value ? spec.yes : spec.no}`;
  }
  if (typeof value === 'number' && spec.kind === 'number') {
    return `${spec.label} ${fmtNumber(value)}${spec.unit === '%' ? '%' : ` ${spec.unit}`}`;
  }
  return `${spec.label}: ${choiceLabel(name, String(value))}`;
}

/** "B-ALL · Philadelphia chromosome: Negative · … · Age at diagnosis 45 years", in form order. */
export function profileLine(p: Profile): string {
  return PARAM_NAMES.flatMap((name) => {
    const value = paramValue(p, name);
    return value === undefined || value === null ? [] : [factText(name, value)];
  }).join(' · ');
}
