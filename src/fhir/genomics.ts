/**
 * ABL1 kinase-domain mutations from mCODE GenomicVariant Observations (LOINC 69548-6): the gene studied
 * (48018-6, HGNC) and the amino-acid change in HGVS (48005-3), shortened to one-letter form (p.Thr315Ile → T315I).
 * @module
 */
import type { Located } from './bundle.js';
import { codingsOf, type Terminology } from './coding.js';
import { type JsonObject, obj, objs, str } from './json.js';
import type { Accumulator } from './result.js';
import { describeValue, presenceOf } from './value.js';

/** IUPAC three-letter amino-acid codes → one letter (HGVS protein nomenclature; Ter = stop). */
const AMINO_ACIDS: Readonly<Record<string, string>> = {
  Ala: 'A',
  Arg: 'R',
  Asn: 'N',
  Asp: 'D',
  Cys: 'C',
  Gln: 'Q',
  Glu: 'E',
  Gly: 'G',
  His: 'H',
  Ile: 'I',
  Leu: 'L',
  Lys: 'K',
  Met: 'M',
  Phe: 'F',
  Pro: 'P',
  Ser: 'S',
  Thr: 'T',
  Trp: 'W',
  Tyr: 'Y',
  Val: 'V',
  Sec: 'U',
  Pyl: 'O',
  Ter: '*',
};

const THREE_LETTER = /^(?:[A-Za-z0-9_.]+:)?p\.\(?([A-Z][a-z]{2})(\d{1,5})([A-Z][a-z]{2})\)?$/;
const ONE_LETTER = /^(?:[A-Za-z0-9_.]+:)?p\.\(?([A-Z])(\d{1,5})([A-Z*])\)?$/;

/**
 * The one-letter form of an HGVS protein substitution, with or without its reference sequence.
 *
 * @param hgvs - e.g. `NP_005148.2:p.Thr315Ile`, `p.(Thr315Ile)`, `p.T315I`
 * @returns e.g. `T315I`; `undefined` for anything but a single amino-acid substitution (synonymous `=`,
 *   deletions, frameshifts and unknown residues are not shortened)
 * @example
 * shortProteinChange('NP_005148.2:p.Thr315Ile') // 'T315I'
 */
export function shortProteinChange(hgvs: string): string | undefined {
  const text = hgvs.trim();
  const three = THREE_LETTER.exec(text);
  if (three !== null) {
    const [, from, position, to] = three;
    const a = AMINO_ACIDS[from ?? ''];
    const b = AMINO_ACIDS[to ?? ''];
    return a === undefined || b === undefined || a === b ? undefined : `${a}${position}${b}`;
  }
  const one = ONE_LETTER.exec(text);
  if (one !== null && one[1] !== one[3]) {
    return `${one[1]}${one[2]}${one[3]}`;
  }
  return undefined;
}

function componentsOf(
  observation: JsonObject,
  term: Terminology,
  fact: 'geneStudied' | 'proteinChange',
): JsonObject[] {
  return objs(observation, 'component').filter((c) =>
    term.lookupConcept('component', obj(c, 'code')).some((m) => m.fact === fact),
  );
}

/** The texts a protein-change component carries: coding codes, then CodeableConcept text, then valueString. */
function proteinTexts(component: JsonObject): string[] {
  const cc = obj(component, 'valueCodeableConcept');
  const texts = [
    ...codingsOf(cc).map((c) => c.code),
    ...codingsOf(cc).map((c) => c.display),
    str(cc, 'text'),
    str(component, 'valueString'),
  ];
  return texts.filter((t): t is string => t !== undefined);
}

/**
 * The ABL1 protein changes of one GenomicVariant Observation. Variants in genes not in the terminology are
 * ignored; an ABL1 variant that is not "present" or whose change cannot be shortened is reported as missing.
 */
export function abl1MutationsOf(at: Located, term: Terminology, acc: Accumulator): string[] {
  const observation = at.resource;
  const isAbl1 = componentsOf(observation, term, 'geneStudied').some(
    (c) => term.lookupConcept('gene', obj(c, 'valueCodeableConcept')).length > 0,
  );
  if (!isAbl1) {
    return [];
  }
  const hasValue = obj(observation, 'valueCodeableConcept') !== undefined;
  if (hasValue && presenceOf(observation, term)?.value !== 'positive') {
    acc.miss(
      'abl1Mutations',
      `${at.ref} is an ABL1 variant with ${describeValue(observation)}, not "Present"; not counted`,
      at.ref,
    );
    return [];
  }
  const changes = componentsOf(observation, term, 'proteinChange');
  if (changes.length === 0) {
    acc.miss(
      'abl1Mutations',
      `${at.ref} is an ABL1 variant without an amino-acid change (LOINC 48005-3)`,
      at.ref,
    );
    return [];
  }
  return changes.flatMap((c) => {
    const texts = proteinTexts(c);
    const short = texts.map(shortProteinChange).find((s) => s !== undefined);
    if (short === undefined) {
      acc.miss(
        'abl1Mutations',
        `${at.ref}: the ABL1 change ${texts.length === 0 ? '(empty)' : `"${texts[0]}"`} is not a single amino-acid substitution in HGVS form (p.Thr315Ile); enter it by hand`,
        at.ref,
      );
      return [];
    }
    return [short];
  });
}
