/**
 * The scope proof of `kb check`: no rule reaches past its evidence. For every rule, the region of patients it can
 * fire for (its criteria and its agents' targets) must lie inside the populations of the studies it cites, the
 * approvals it rests on, and the extrapolations it carries with the review's words; and its strength must be held
 * by sources of the right kind for that same region (`recommended`: the authors' recommendation or endorsement;
 * `trial`: an ongoing study or trial listing; ...). A failure names the rule, the uncovered patients and what the
 * evidence studied.
 * @module
 */
import type { Issue } from '../../issues/index.js';
import {
  CD19_VALUES,
  CD22_VALUES,
  HIGH_RISK_GENETICS,
  LINEAGES,
  MOLECULAR_RESPONSES,
  MRD_METHODS,
  PEDIATRIC_RISKS,
  PHASES,
} from '../../profile/values.js';
import type { Origin } from '../load.js';
import { agesStated, populationCriteria, targetCriteria } from '../population.js';
import type { Kb, Rule, Statement, StatementKind, Strength, Study } from '../schema/index.js';
import {
  type Box,
  type Domains,
  describeBox,
  type Region,
  regionOf,
  regionOfAll,
  uncovered,
} from './region.js';

/** The profile contract's values, as the proof's dimensions. */
export const PROFILE_DOMAINS: Domains = {
  sets: new Map<string, readonly string[]>([
    ['lineage', LINEAGES],
    ['phase', PHASES],
    ['ph', ['positive', 'negative']],
    ['cd19', CD19_VALUES],
    ['cd22', CD22_VALUES],
    ['mrd.method', MRD_METHODS],
    ['molecularResponse', MOLECULAR_RESPONSES],
    ['pediatricRisk', PEDIATRIC_RISKS],
  ]),
  ranges: new Map([
    ['age', { lo: 0, hi: 121, loOpen: false, hiOpen: true }],
    ['cd20Percent', { lo: 0, hi: 100, loOpen: false, hiOpen: false }],
    ['mrd.value', { lo: 0, hi: 1, loOpen: false, hiOpen: false }],
    ['mrd.afterCycle', { lo: 0, hi: 20, loOpen: false, hiOpen: false }],
    ['wbc', { lo: 0, hi: 2000, loOpen: false, hiOpen: false }],
  ]),
  lists: new Set(['highRiskGenetics', 'abl1Mutations', 'priorTherapy']),
};
void HIGH_RISK_GENETICS;

/** The statement kinds that hold each strength for a population (PRODUCT.md, "Strength meanings"). */
const HOLDS: Readonly<Record<Strength, readonly StatementKind[]>> = {
  recommended: ['recommendation', 'endorsement'],
  supported: ['regulatory', 'endorsement', 'recommendation'],
  consider: ['evidence-judgment', 'endorsement', 'recommendation', 'regulatory'],
  trial: ['trial-listing', 'recommendation'],
  caution: ['caution', 'evidence-judgment'],
  'not-recommended': ['caution', 'evidence-judgment'],
};

/** Whether a study's population counts toward each strength: reported evidence, or an ongoing trial's eligibility. */
function studyHolds(strength: Strength, study: Study): boolean {
  switch (strength) {
    case 'recommended':
      return false;
    case 'trial':
      return study.status !== 'reported';
    case 'caution':
    case 'not-recommended':
      return true; // harm or failure reported from an ongoing trial's interim analysis counts
    default:
      return study.status === 'reported';
  }
}

interface License {
  readonly name: string;
  readonly region: Region;
}

export interface RuleProof {
  readonly rule: string;
  readonly ok: boolean;
  readonly extrapolations: number;
}

export interface ScopeProofResult {
  readonly issues: Issue[];
  readonly proofs: RuleProof[];
  /** Study ids whose ages the review does not state (the proof cannot use them for any age). */
  readonly agesNotStated: string[];
}

function statementsOf(rule: Rule, kb: Kb): Statement[] {
  const ids = new Set([
    ...rule.statements,
    ...rule.evidence.flatMap((e) => (e.statement === undefined ? [] : [e.statement])),
  ]);
  return kb.statements.filter((s) => ids.has(s.id));
}

function studiesOf(rule: Rule, kb: Kb): Study[] {
  return kb.studies.filter((s) => rule.evidence.some((e) => e.study === s.id));
}

function studyLicense(s: Study, fitness = true): License | undefined {
  if (!agesStated(s)) {
    return undefined; // a population of unstated ages licenses no age
  }
  return { name: s.name, region: regionOfAll(populationCriteria(s, { fitness }), PROFILE_DOMAINS) };
}

function statementLicense(s: Statement): License | undefined {
  return s.appliesTo === undefined
    ? undefined
    : { name: `statement ${s.id}`, region: regionOf(s.appliesTo, PROFILE_DOMAINS) };
}

function describe(left: readonly Box[]): string {
  const shown = left.slice(0, 3).map((b) => describeBox(b, PROFILE_DOMAINS));
  return `${shown.join('; ')}${left.length > 3 ? `; and ${left.length - 3} more` : ''}`;
}

function studied(licenses: readonly License[]): string {
  if (licenses.length === 0) {
    return 'no cited population of stated ages';
  }
  return licenses
    .map((l) => `${l.name} (${l.region.map((b) => describeBox(b, PROFILE_DOMAINS)).join(' | ')})`)
    .join('; ');
}

/** Proves every rule inside its evidence and its strength inside sources of the right kind. */
export function proveScopes(kb: Kb, origins: ReadonlyMap<string, Origin>): ScopeProofResult {
  const issues: Issue[] = [];
  const proofs: RuleProof[] = [];
  for (const rule of kb.recommendations) {
    const origin = origins.get(`rules:${rule.id}`);
    const file = origin?.file ?? 'rules';
    const at = origin?.path ?? '';
    const fires = regionOfAll([rule.when, ...targetCriteria(rule, kb.agents)], PROFILE_DOMAINS);
    const extrapolations: Region = rule.extrapolation.flatMap((e) => regionOf(e.scope, PROFILE_DOMAINS));
    const studies = studiesOf(rule, kb);
    const statements = statementsOf(rule, kb);
    // Evidence: the populations of the studies cited (an ongoing trial's population is its eligibility) and of the
    // approvals it rests on.
    const evidence: License[] = [
      ...studies.flatMap((s) => studyLicense(s) ?? []),
      ...statements.filter((s) => s.kind === 'regulatory').flatMap((s) => statementLicense(s) ?? []),
    ];
    const outsideEvidence = uncovered(
      fires,
      [...evidence.flatMap((l) => l.region), ...extrapolations],
      PROFILE_DOMAINS,
    );
    let ok = true;
    if (outsideEvidence.length > 0) {
      ok = false;
      issues.push({
        code: 'kb.rule-scope',
        severity: 'error',
        file,
        path: at === '' ? 'when' : `${at}.when`,
        message: `rule "${rule.id}" fires for ${describe(outsideEvidence)}, outside the populations of its evidence: ${studied(evidence)}. Narrow its criteria, cite evidence for those patients, or add an extrapolation quoting the review`,
      });
    }
    // Strength: held by the kinds of source that license it, for the same region.
    const holders: License[] = [
      ...studies.filter((s) => studyHolds(rule.strength, s)).flatMap((s) => studyLicense(s) ?? []),
      ...statements
        .filter((s) => HOLDS[rule.strength].includes(s.kind))
        .flatMap((s) => statementLicense(s) ?? []),
    ];
    const unheld = uncovered(
      fires,
      [...holders.flatMap((l) => l.region), ...extrapolations],
      PROFILE_DOMAINS,
    );
    if (unheld.length > 0) {
      ok = false;
      issues.push({
        code: 'kb.rule-strength',
        severity: 'error',
        file,
        path: at === '' ? 'strength' : `${at}.strength`,
        message: `rule "${rule.id}" is "${rule.strength}" for ${describe(unheld)}, where no ${HOLDS[rule.strength].join(' or ')} statement${rule.strength === 'recommended' ? '' : ` or ${rule.strength === 'trial' ? 'ongoing' : 'reported'} study`} it cites holds that strength (held for: ${studied(holders)})`,
      });
    }
    proofs.push({ rule: rule.id, ok, extrapolations: rule.extrapolation.length });
  }
  return {
    issues,
    proofs,
    agesNotStated: kb.studies.filter((s) => !agesStated(s)).map((s) => s.id),
  };
}
