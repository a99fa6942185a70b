import { describe, expect, it } from 'vitest';
import { mapBundle } from './index.js';
import {
  answer,
  bundle,
  concept,
  condition,
  interpretation,
  LOINC,
  observation,
  patient,
  quantity,
  SCT,
  terminology,
} from './test-support.js';

const B_ALL = condition('c', [concept(SCT, '277571004')]);
const WBC = concept(LOINC, '6690-2');
const CD20 = concept(LOINC, '51115-4');
const CD22 = concept(LOINC, '51124-6');
const MRD = concept('http://example.org/frontline/CodeSystem/local-lab-codes', 'MRD-FLOW-BM');
const RISK = concept('http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl', 'C167435');

function map(...resources: Record<string, unknown>[]) {
  return mapBundle(bundle(patient('1980-01-01'), B_ALL, ...resources), terminology());
}

describe('WBC', () => {
  it.each([
    [12.4, '10*9/L', 12.4],
    [48, '10*3/uL', 48],
    [12_400, '/uL', 12.4],
  ])('reads %s %s as %s ×10⁹/L', (value, unit, expected) => {
    expect(map(observation('wbc', WBC, quantity(value, unit))).input.wbc).toBe(expected);
  });

  it('reports a unit it does not convert, naming the resource', () => {
    const r = map(observation('wbc', WBC, quantity(12.4, 'g/dL')));
    expect(r.input.wbc).toBeUndefined();
    expect(r.missing.find((m) => m.field === 'wbc')).toMatchObject({
      resource: 'Observation/wbc',
      text: expect.stringContaining('"g/dL"'),
    });
  });

  it('takes the presenting (earliest) count', () => {
    const r = map(
      observation('wbc-later', WBC, quantity(4.1, '10*9/L'), '2025-02-01'),
      observation('wbc-dx', WBC, quantity(62, '10*9/L'), '2025-01-10'),
    );
    expect(r.input.wbc).toBe(62);
    expect(r.sources.wbc).toEqual(['Observation/wbc-dx']);
  });

  it('skips an entered-in-error result', () => {
    const r = map({ ...observation('wbc', WBC, quantity(12, '10*9/L')), status: 'entered-in-error' });
    expect(r.input.wbc).toBeUndefined();
  });
});

describe('CD20 %', () => {
  it('warns when two CD20 results of the same date disagree', () => {
    const r = map(
      observation('cd20-bm', CD20, quantity(35, '%')),
      observation('cd20-pb', concept(LOINC, '13842-0'), quantity(12, '%')),
    );
    expect(r.input.cd20Percent).toBeUndefined();
    expect(r.warnings[0]).toMatchObject({
      code: 'fhir.conflict',
      resources: ['Observation/cd20-bm', 'Observation/cd20-pb'],
    });
  });
});

describe('CD22', () => {
  it('maps an explicit positive answer', () => {
    expect(map(observation('cd22', CD22, answer(true))).input.cd22).toBe('positive');
  });

  it('maps a percentage with a NEG interpretation as negative', () => {
    expect(map(observation('cd22', CD22, { ...quantity(3, '%'), ...interpretation(false) })).input.cd22).toBe(
      'negative',
    );
  });

  it('never turns a bare percentage into positive or negative', () => {
    const r = map(observation('cd22', CD22, quantity(92, '%')));
    expect(r.input.cd22).toBeUndefined();
    expect(r.missing.find((m) => m.field === 'cd22')?.text).toContain(
      'the review gives no CD22 positivity cut-off',
    );
  });
});

describe('MRD', () => {
  it('converts a percentage to a fraction with the method the code implies', () => {
    expect(map(observation('mrd', MRD, quantity(0.01, '%'))).input.mrd).toEqual({
      value: 0.0001,
      method: 'flow',
    });
  });

  it('takes the latest MRD result', () => {
    const r = map(
      observation('mrd-1', MRD, quantity(1.2, '%'), '2025-02-01'),
      observation('mrd-2', MRD, quantity(0, '%'), '2025-03-01'),
    );
    expect(r.input.mrd).toEqual({ value: 0, method: 'flow' });
  });

  it('reports a result below a limit ("<0.01 %") instead of guessing a value', () => {
    const r = map(
      observation('mrd', MRD, { valueQuantity: { value: 0.01, comparator: '<', unit: '%', code: '%' } }),
    );
    expect(r.input.mrd).toBeUndefined();
    expect(r.missing.find((m) => m.field === 'mrd')?.resource).toBe('Observation/mrd');
  });
});

describe('ALL risk group', () => {
  it('maps NCIt C122458 to high', () => {
    const value = {
      valueCodeableConcept: concept('http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl', 'C122458'),
    };
    expect(map(observation('risk', RISK, value)).input.pediatricRisk).toBe('high');
  });

  it('reports NCIt C122457 standard risk as missing with the reason', () => {
    const value = {
      valueCodeableConcept: concept('http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl', 'C122457'),
    };
    const r = map(observation('risk', RISK, value));
    expect(r.input.pediatricRisk).toBeUndefined();
    expect(r.missing.find((m) => m.field === 'pediatricRisk')?.text).toContain('standard (higher) risk');
  });
});

describe('ABL1 variants', () => {
  const VARIANT = concept(LOINC, '69548-6');
  const gene = (code: string) => ({
    code: concept(LOINC, '48018-6'),
    valueCodeableConcept: concept('http://www.genenames.org', code),
  });
  const change = (hgvs: string) => ({
    code: concept(LOINC, '48005-3'),
    valueCodeableConcept: concept('http://varnomen.hgvs.org', hgvs),
  });

  it('collects ABL1 protein changes in one-letter form, once each', () => {
    const r = map(
      observation('v1', VARIANT, { component: [gene('HGNC:76'), change('NP_005148.2:p.Thr315Ile')] }),
      observation('v2', VARIANT, { component: [gene('HGNC:76'), change('p.(Glu255Lys)')] }),
      observation('v3', VARIANT, { component: [gene('HGNC:76'), change('p.T315I')] }),
    );
    expect(r.input.abl1Mutations).toEqual(['T315I', 'E255K']);
  });

  it('ignores variants in other genes', () => {
    const r = map(observation('v', VARIANT, { component: [gene('HGNC:3495'), change('p.Arg1Cys')] }));
    expect(r.input.abl1Mutations).toBeUndefined();
  });

  it('reports a change that is not a simple substitution', () => {
    const r = map(observation('v', VARIANT, { component: [gene('HGNC:76'), change('p.Glu255_Lys256del')] }));
    expect(r.input.abl1Mutations).toBeUndefined();
    expect(r.missing.find((m) => m.field === 'abl1Mutations')?.resource).toBe('Observation/v');
  });
});
