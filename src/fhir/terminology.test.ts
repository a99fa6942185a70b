import { describe, expect, it } from 'vitest';
import { loadKb } from '../kb/index.js';
import { terminology } from './test-support.js';

const SCT = 'http://snomed.info/sct';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm';
const LOINC = 'http://loinc.org';
const NCIT = 'http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

/** The codes the adapter must know (NOTES.md §11, RESEARCH.md §2): system, code, kind, fact, value. */
const REQUIRED: readonly [string, string, string, string, unknown][] = [
  [SCT, '91857003', 'condition', 'diagnosis', 'ALL'],
  [SCT, '277571004', 'condition', 'lineage', 'B'],
  [SCT, '277575008', 'condition', 'lineage', 'T'],
  [SCT, '425688002', 'condition', 'ph', 'positive'],
  [SCT, '723889003', 'condition', 'lineage', 'B'],
  [SCT, '723889003', 'condition', 'ph', 'positive'],
  [SCT, '714251006', 'condition', 'lineage', 'B'],
  [SCT, '714251006', 'condition', 'ph', 'negative'],
  [SCT, '277572006', 'condition', 'lineage', 'B'],
  [SCT, '420890002', 'condition', 'lineage', 'T'],
  [ICD10, 'C91.00', 'condition', 'diagnosis', 'ALL'],
  [ICD10, 'C91.01', 'condition', 'phase', 'remission'],
  [ICD10, 'C91.02', 'condition', 'phase', 'relapsed-refractory'],
  [LOINC, '51115-4', 'observation', 'cd20Percent', undefined],
  [LOINC, '13842-0', 'observation', 'cd20Percent', undefined],
  [LOINC, '51124-6', 'observation', 'cd22', undefined],
  [LOINC, '51125-3', 'observation', 'cd22', undefined],
  [LOINC, '52132-8', 'observation', 'ph', undefined],
  [LOINC, '55147-3', 'observation', 'ph', undefined],
  [LOINC, '51867-0', 'observation', 'ph', undefined],
  [LOINC, '49490-6', 'observation', 'ph', undefined],
  [LOINC, 'LA6576-8', 'answer', 'presence', 'positive'],
  [LOINC, 'LA6577-6', 'answer', 'presence', 'negative'],
  [LOINC, '6690-2', 'observation', 'wbc', undefined],
  [LOINC, '26464-8', 'observation', 'wbc', undefined],
  ['http://example.org/frontline/CodeSystem/local-lab-codes', 'MRD-FLOW-BM', 'observation', 'mrd', undefined],
  [NCIT, 'C167435', 'observation', 'pediatricRisk', undefined],
  [NCIT, 'C122458', 'risk', 'pediatricRisk', 'high'],
  [NCIT, 'C122457', 'risk', 'pediatricRisk', undefined],
  [LOINC, '69548-6', 'observation', 'genomicVariant', undefined],
  [LOINC, '48018-6', 'component', 'geneStudied', undefined],
  [LOINC, '48005-3', 'component', 'proteinChange', undefined],
  ['http://www.genenames.org', 'HGNC:76', 'gene', 'abl1Mutations', undefined],
  [RXNORM, '3002', 'medication', 'priorTherapy', 'cyclophosphamide'],
  [RXNORM, '5650', 'medication', 'priorTherapy', 'idarubicin'],
  [RXNORM, '11202', 'medication', 'priorTherapy', 'vincristine'],
  [RXNORM, '8640', 'medication', 'priorTherapy', 'prednisone'],
];

describe('kb/terminology', () => {
  it.each(REQUIRED)('has %s|%s as %s %s', (system, code, kind, fact, value) => {
    const found = terminology().filter((m) => m.system === system && m.code === code && m.fact === fact);
    expect(found).toHaveLength(1);
    expect(found[0]?.kind).toBe(kind);
    if (value !== undefined) {
      expect(found[0] && 'value' in found[0] ? found[0].value : undefined).toBe(value);
    }
  });

  it('never gives a generic ALL code (91857003, C91.0x) a lineage', () => {
    const generic = terminology().filter((m) => ['91857003', 'C91.00', 'C91.01', 'C91.02'].includes(m.code));
    expect(generic.some((m) => m.fact === 'lineage')).toBe(false);
  });

  it('documents the local MRD code as local', () => {
    const mrd = terminology().find((m) => m.code === 'MRD-FLOW-BM');
    expect(mrd?.note).toContain('LOCAL code');
  });
});

describe('the terminology the FHIR tests use', () => {
  it('is the one the whole knowledge base holds (the tests parse kb/terminology alone, for speed)', () => {
    const whole = loadKb();
    expect(whole.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(terminology()).toEqual(whole.kb?.terminology);
  });
});
