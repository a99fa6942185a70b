/**
 * The profile form's fields, grouped as a clinician thinks, with labels, units and ranges. The names are the
 * profile's own (PRODUCT.md input contract) and the URL's; `Record`s over the profile's types make the compiler
 * report a field or an allowed value that this list forgets.
 * @module
 */
import type { ProfileInput } from '../contract.js';

/** A URL parameter of the patient view: a profile field, or a part of `mrd`. */
export type ParamName = Exclude<keyof ProfileInput, 'mrd'> | 'mrd' | 'mrd.afterCycle' | 'mrd.method';

type EnumOf<K extends keyof ProfileInput> = Extract<NonNullable<ProfileInput[K]>, string>;
type MrdMethod = NonNullable<Extract<NonNullable<ProfileInput['mrd']>, object>['method']>;
type Genetic = NonNullable<ProfileInput['highRiskGenetics']>[number];

export interface Choice {
  readonly value: string;
  readonly label: string;
}

export type FieldSpec = {
  readonly name: ParamName;
  readonly label: string;
  readonly help?: string;
} & (
  | { readonly kind: 'enum'; readonly choices: readonly Choice[]; readonly unknownLabel: string }
  | { readonly kind: 'boolean'; readonly yes: string; readonly no: string }
  | {
      readonly kind: 'number';
      readonly unit: string;
      readonly min: number;
      readonly max: number;
      readonly integer?: boolean;
    }
  | { readonly kind: 'set'; readonly choices: readonly Choice[]; readonly knownLabel: string }
  | { readonly kind: 'list'; readonly knownLabel: string; readonly placeholder: string }
  | { readonly kind: 'mrd' }
);

function choices<T extends string>(labels: Record<T, string>): Choice[] {
  return Object.entries<string>(labels).map(([value, label]) => ({ value, label }));
}

const LINEAGE: Record<EnumOf<'lineage'>, string> = { B: 'B-ALL', T: 'T-ALL' };
const PH: Record<Exclude<EnumOf<'ph'>, 'unknown'>, string> = {
  positive: 'Positive (BCR::ABL1 / t(9;22))',
  negative: 'Negative',
};
const PHASE: Record<EnumOf<'phase'>, string> = {
  'newly-diagnosed': 'Newly diagnosed',
  remission: 'In remission (CR/CRi)',
  'relapsed-refractory': 'Relapsed or refractory',
};
const CD19: Record<EnumOf<'cd19'>, string> = {
  positive: 'Positive',
  dim: 'Dim (partial loss / alteration)',
  negative: 'Negative',
};
const CD22: Record<EnumOf<'cd22'>, string> = { positive: 'Positive', negative: 'Negative' };
const MOLECULAR: Record<EnumOf<'molecularResponse'>, string> = {
  complete: 'Complete molecular remission (CMR)',
  none: 'No CMR',
};
const PEDIATRIC: Record<EnumOf<'pediatricRisk'>, string> = {
  'standard-average': 'Standard risk, average',
  'standard-higher': 'Standard risk, higher',
  intermediate: 'Intermediate',
  high: 'High',
  'very-high': 'Very high',
};
const METHOD: Record<MrdMethod, string> = {
  flow: 'Flow cytometry',
  ngs: 'Next-generation sequencing',
  pcr: 'PCR',
};
const GENETICS: Record<Genetic, string> = {
  KMT2A: 'KMT2A rearrangement',
  'IKZF1-deletion': 'IKZF1 deletion',
  'IKZF1-plus': 'IKZF1plus',
  CRLF2: 'CRLF2',
  JAK2: 'JAK2',
  'ABL-class': 'ABL-class',
  TP53: 'TP53',
  'TCF3-HLF': 'TCF3-HLF',
  'complex-karyotype': 'Complex karyotype',
  'low-hypodiploidy': 'Low hypodiploidy',
  'near-triploidy': 'Near-triploidy',
  'DUX4-ERG': 'DUX4-ERG (favourable)',
};

const UNKNOWN = 'Unknown';

export const FIELDS: Record<ParamName, FieldSpec> = {
  lineage: {
    name: 'lineage',
    label: 'Lineage',
    kind: 'enum',
    choices: choices(LINEAGE),
    unknownLabel: 'Choose (required)',
    help: 'Required: every option depends on it.',
  },
  ph: {
    name: 'ph',
    label: 'Philadelphia chromosome',
    kind: 'enum',
    choices: choices(PH),
    unknownLabel: UNKNOWN,
  },
  phLike: {
    name: 'phLike',
    label: 'Ph-like signature',
    kind: 'boolean',
    yes: 'Yes (e.g. CRLF2 overexpression, ABL-class)',
    no: 'No',
  },
  highRiskGenetics: {
    name: 'highRiskGenetics',
    label: 'High-risk genetic lesions',
    kind: 'set',
    choices: choices(GENETICS),
    knownLabel: 'Genetic testing done (tick the lesions found; none ticked = none found)',
  },
  abl1Mutations: {
    name: 'abl1Mutations',
    label: 'ABL1 kinase-domain mutations',
    kind: 'list',
    knownLabel: 'Mutation testing done',
    placeholder: 'e.g. T315I',
    help: 'Ph-positive only. Comma-separated; empty = none found.',
  },
  pediatricRisk: {
    name: 'pediatricRisk',
    label: 'Risk group (treating protocol)',
    kind: 'enum',
    choices: choices(PEDIATRIC),
    unknownLabel: UNKNOWN,
  },
  cd19: {
    name: 'cd19',
    label: 'CD19 on blasts',
    kind: 'enum',
    choices: choices(CD19),
    unknownLabel: UNKNOWN,
  },
  cd20Percent: {
    name: 'cd20Percent',
    label: 'CD20-positive blasts',
    kind: 'number',
    unit: '%',
    min: 0,
    max: 100,
    help: 'CD20-positive means 20% or more.',
  },
  cd22: {
    name: 'cd22',
    label: 'CD22 on blasts',
    kind: 'enum',
    choices: choices(CD22),
    unknownLabel: UNKNOWN,
  },
  pdl1Positive: {
    name: 'pdl1Positive',
    label: 'PD-L1 on blasts',
    kind: 'boolean',
    yes: 'Positive',
    no: 'Negative',
  },
  phase: {
    name: 'phase',
    label: 'Phase of disease',
    kind: 'enum',
    choices: choices(PHASE),
    unknownLabel: 'Not given (newly diagnosed assumed)',
  },
  mrd: { name: 'mrd', label: 'Measurable residual disease (MRD)', kind: 'mrd' },
  'mrd.afterCycle': {
    name: 'mrd.afterCycle',
    label: 'MRD measured after cycle',
    kind: 'number',
    unit: 'cycle',
    min: 0,
    max: 20,
    integer: true,
  },
  'mrd.method': {
    name: 'mrd.method',
    label: 'MRD method',
    kind: 'enum',
    choices: choices(METHOD),
    unknownLabel: UNKNOWN,
  },
  molecularResponse: {
    name: 'molecularResponse',
    label: 'Molecular response (Ph-positive)',
    kind: 'enum',
    choices: choices(MOLECULAR),
    unknownLabel: UNKNOWN,
  },
  age: { name: 'age', label: 'Age at diagnosis', kind: 'number', unit: 'years', min: 0, max: 120 },
  fitForIntensiveChemo: {
    name: 'fitForIntensiveChemo',
    label: 'Fit for intensive chemotherapy',
    kind: 'boolean',
    yes: 'Fit',
    no: 'Unfit / severe comorbidities',
  },
  alloHctPlanned: {
    name: 'alloHctPlanned',
    label: 'Allogeneic transplant planned in CR1',
    kind: 'boolean',
    yes: 'Planned',
    no: 'Not planned',
  },
  priorTherapy: {
    name: 'priorTherapy',
    label: 'Prior therapy in this line',
    kind: 'list',
    knownLabel: 'Prior therapy recorded',
    placeholder: 'generic names, e.g. blinatumomab, imatinib',
    help: 'Comma-separated generic names; empty = none.',
  },
  wbc: { name: 'wbc', label: 'White blood cell count', kind: 'number', unit: '×10⁹/L', min: 0, max: 2000 },
  highDiseaseBurden: {
    name: 'highDiseaseBurden',
    label: 'High marrow blast burden',
    kind: 'boolean',
    yes: 'Yes',
    no: 'No',
  },
  cnsDisease: { name: 'cnsDisease', label: 'CNS involvement', kind: 'boolean', yes: 'Yes', no: 'No' },
  extramedullaryDisease: {
    name: 'extramedullaryDisease',
    label: 'Extramedullary disease',
    kind: 'boolean',
    yes: 'Yes',
    no: 'No',
  },
};

export interface FieldGroup {
  readonly id: string;
  readonly legend: string;
  readonly fields: readonly ParamName[];
}

/** The form's sections, in the order a clinician reads a case. */
export const GROUPS: readonly FieldGroup[] = [
  {
    id: 'disease',
    legend: 'Disease',
    fields: ['lineage', 'ph', 'phLike', 'highRiskGenetics', 'abl1Mutations', 'pediatricRisk'],
  },
  { id: 'markers', legend: 'Markers on blasts', fields: ['cd19', 'cd20Percent', 'cd22', 'pdl1Positive'] },
  {
    id: 'response',
    legend: 'Response',
    fields: ['phase', 'mrd', 'mrd.afterCycle', 'mrd.method', 'molecularResponse'],
  },
  {
    id: 'patient',
    legend: 'Patient',
    fields: ['age', 'fitForIntensiveChemo', 'alloHctPlanned', 'priorTherapy'],
  },
  {
    id: 'burden',
    legend: 'Disease burden and sites',
    fields: ['wbc', 'highDiseaseBurden', 'cnsDisease', 'extramedullaryDisease'],
  },
];

/** Every URL parameter of the patient view, in form order (the order links are written in). */
export const PARAM_NAMES: readonly ParamName[] = GROUPS.flatMap((g) => g.fields);

/** The form field an error path belongs to: `mrd.value` → mrd, `highRiskGenetics.1` → highRiskGenetics. */
export function fieldOfPath(path: string): ParamName | undefined {
  if (path === 'mrd.afterCycle' || path === 'mrd.method') {
    return path;
  }
  const head = path.split('.')[0] ?? '';
  return head in FIELDS ? (head as ParamName) : undefined;
}
