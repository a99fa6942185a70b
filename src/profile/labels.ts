/**
 * Clinician words for the profile's fields and values: the one label table the web app, the CLI, the print view
 * and the CDS cards read, so no field id ("highRiskGenetics", "mrd.value") or raw value ("not-stated") reaches a
 * clinician. Pure data and two look-ups; no imports, so every layer (and the browser bundle) may use it.
 * @module
 */

/** Each profile fact, and the dotted paths inside `mrd`, in a clinician's words. */
export const FIELD_LABELS = {
  age: 'Age',
  lineage: 'Lineage',
  phase: 'Phase of disease',
  ph: 'Philadelphia chromosome',
  phLike: 'Ph-like signature',
  cd19: 'CD19 on blasts',
  cd20Percent: 'CD20-positive blasts (%)',
  cd22: 'CD22 on blasts',
  mrd: 'MRD',
  'mrd.value': 'MRD',
  'mrd.afterCycle': 'MRD measured after cycle',
  'mrd.method': 'MRD method',
  molecularResponse: 'Molecular response',
  highRiskGenetics: 'High-risk genetic lesions',
  abl1Mutations: 'ABL1 kinase-domain mutations',
  cnsDisease: 'CNS involvement',
  extramedullaryDisease: 'Extramedullary disease',
  highDiseaseBurden: 'High marrow blast burden',
  wbc: 'White blood cell count',
  pdl1Positive: 'PD-L1 on blasts',
  fitForIntensiveChemo: 'Fit for intensive chemotherapy',
  alloHctPlanned: 'Allogeneic transplant planned',
  pediatricRisk: 'Risk group (treating protocol)',
  priorTherapy: 'Prior therapy',
} as const satisfies Record<string, string>;

export type LabelledField = keyof typeof FIELD_LABELS;

/** Values whose id is not how a clinician writes them. Gene names and NCT ids are written as they are. */
export const VALUE_LABELS: Readonly<Record<string, string>> = {
  'newly-diagnosed': 'newly diagnosed',
  remission: 'in remission',
  'relapsed-refractory': 'relapsed/refractory',
  'not-stated': 'not stated',
  'not-recommended': 'not recommended',
  'standard-average': 'standard (average) risk',
  'standard-higher': 'standard (higher) risk',
  intermediate: 'intermediate risk',
  'very-high': 'very high risk',
  'IKZF1-deletion': 'IKZF1 deletion',
  'IKZF1-plus': 'IKZF1-plus',
  'complex-karyotype': 'complex karyotype',
  'low-hypodiploidy': 'low hypodiploidy',
  'near-triploidy': 'near-triploidy',
  flow: 'flow cytometry',
  ngs: 'NGS',
  pcr: 'PCR',
  frontline: 'frontline',
  mrd: 'MRD in remission',
  B: 'B-ALL',
  T: 'T-ALL',
  true: 'yes',
  false: 'no',
};

/** "highRiskGenetics" → "High-risk genetic lesions"; "mrd.value" → "MRD"; an unknown path is returned as it is. */
export function fieldLabel(path: string): string {
  if (path in FIELD_LABELS) {
    return FIELD_LABELS[path as LabelledField];
  }
  const head = path.split('.')[0] ?? path;
  return head in FIELD_LABELS ? FIELD_LABELS[head as LabelledField] : path;
}

/** "not-stated" → "not stated"; a value without a label is returned as it is. */
export function valueLabel(value: string | number | boolean): string {
  const key = String(value);
  return VALUE_LABELS[key] ?? key;
}

/**
 * Rewrites the field ids inside a sentence written from ids ("highRiskGenetics includes KMT2A", "mrd.value ≥
 * 0.001") into clinician words. Only whole ids are replaced, longest first, so "mrd.value" is not read as "mrd".
 */
export function labelFieldsIn(text: string): string {
  const ids = Object.keys(FIELD_LABELS)
    .filter((id) => id !== 'mrd' && id !== 'phase' && id !== 'age' && id !== 'lineage' && id !== 'wbc')
    // Stryker disable next-line ArrowFunction,ArithmeticOperator: no id rewritten here is the head of a dotted one ("mrd" is left as it is), so any order gives the same text
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const id of ids) {
    out = out.replace(
      new RegExp(`(?<![\\w.-])${id.replace('.', '\\.')}(?![\\w-])`, 'g'),
      FIELD_LABELS[id as LabelledField],
    );
  }
  return out;
}
