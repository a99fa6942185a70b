/**
 * The flag form of a profile (`--age 45 --lineage B --ph negative --cd20 30 --mrd 0.001`): each flag maps to one
 * profile field; values are checked by the same parser as JSON profiles, so errors name the field.
 * @module
 */
import { type Command, InvalidArgumentError } from 'commander';

const number = (flag: string) => (v: string) => {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) {
    throw new InvalidArgumentError(`${flag} needs a number, got "${v}"`);
  }
  return n;
};
const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Adds the profile flags to a command. */
export function addProfileFlags(cmd: Command): Command {
  return cmd
    .option('--age <years>', 'age at diagnosis, years (0-120)', number('--age'))
    .option('--lineage <B|T>', 'B-ALL or T-ALL')
    .option('--phase <phase>', 'newly-diagnosed (default), remission, relapsed-refractory')
    .option('--ph <status>', 'Philadelphia chromosome / BCR::ABL1: positive, negative, unknown')
    .option('--ph-like', 'Ph-like signature')
    .option('--no-ph-like', 'no Ph-like signature')
    .option('--cd19 <status>', 'CD19 on blasts: positive, dim, negative')
    .option('--cd20 <percent>', '% of blasts CD20-positive (0-100)', number('--cd20'))
    .option('--cd22 <status>', 'CD22 on blasts: positive, negative')
    .option('--mrd <fraction>', 'MRD as a fraction (0.001 = 0.1% = 10^-3; 0 = undetectable)', number('--mrd'))
    .option('--mrd-after-cycle <n>', 'cycle after which MRD was measured', number('--mrd-after-cycle'))
    .option('--mrd-method <method>', 'flow, ngs or pcr')
    .option('--molecular-response <r>', 'Ph+ only: complete or none')
    .option('--genetics <list>', 'high-risk genetics, comma-separated (KMT2A,IKZF1-deletion,...)', list)
    .option('--abl1 <list>', 'ABL1 kinase-domain mutations, comma-separated (e.g. T315I)', list)
    .option('--cns', 'CNS involvement')
    .option('--no-cns', 'no CNS involvement')
    .option('--extramedullary', 'extramedullary disease')
    .option('--no-extramedullary', 'no extramedullary disease')
    .option('--high-burden', 'high marrow blast burden')
    .option('--no-high-burden', 'no high marrow blast burden')
    .option('--wbc <count>', 'white blood cell count, ×10^9/L', number('--wbc'))
    .option('--pdl1', 'PD-L1 expressed on blasts')
    .option('--no-pdl1', 'PD-L1 not expressed')
    .option('--fit', 'fit for intensive chemotherapy')
    .option('--unfit', 'unfit for intensive chemotherapy / severe comorbidities')
    .option('--allo-hct', 'allogeneic transplant planned in CR1')
    .option('--no-allo-hct', 'no allogeneic transplant planned')
    .option('--pediatric-risk <group>', 'standard-average, standard-higher, intermediate, high, very-high')
    .option('--prior-therapy <list>', 'drugs already received in this line, comma-separated', list);
}

type Flags = Record<string, unknown>;

const SIMPLE: Record<string, string> = {
  age: 'age',
  lineage: 'lineage',
  phase: 'phase',
  ph: 'ph',
  phLike: 'phLike',
  cd19: 'cd19',
  cd20: 'cd20Percent',
  cd22: 'cd22',
  molecularResponse: 'molecularResponse',
  genetics: 'highRiskGenetics',
  abl1: 'abl1Mutations',
  cns: 'cnsDisease',
  extramedullary: 'extramedullaryDisease',
  highBurden: 'highDiseaseBurden',
  wbc: 'wbc',
  pdl1: 'pdl1Positive',
  alloHct: 'alloHctPlanned',
  pediatricRisk: 'pediatricRisk',
  priorTherapy: 'priorTherapy',
};

/** True when any profile flag was given. */
export function hasProfileFlags(flags: Flags): boolean {
  return (
    Object.keys(SIMPLE).some((k) => flags[k] !== undefined) ||
    ['mrd', 'fit', 'unfit'].some((k) => flags[k] !== undefined)
  );
}

/** The profile JSON the flags describe (validated later by the profile parser). */
export function profileFromFlags(flags: Flags): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [flag, field] of Object.entries(SIMPLE)) {
    if (flags[flag] !== undefined) {
      out[field] = flags[flag];
    }
  }
  if (flags.mrd !== undefined) {
    out.mrd = {
      value: flags.mrd,
      ...(flags.mrdAfterCycle === undefined ? {} : { afterCycle: flags.mrdAfterCycle }),
      ...(flags.mrdMethod === undefined ? {} : { method: flags.mrdMethod }),
    };
  }
  if (flags.fit === true || flags.unfit === true) {
    out.fitForIntensiveChemo = flags.fit === true;
  }
  return out;
}
