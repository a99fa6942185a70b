// Every agent of the review that an order can name is recognised by every name and every RxNorm code the knowledge
// base records for it: a table over kb/agents and kb/terminology/drugs.yaml, plus the names the issue reported.
import { describe, expect, it } from 'vitest';
import { installed } from '../../test/support/kb.js';
import { agentNames, agentsInOrder } from './agent-match.js';

const kb = installed();
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const ORDERED = new Set([
  'monoclonal-antibody',
  'bispecific-t-cell-engager',
  'bispecific-antibody',
  'antibody-drug-conjugate',
  'car-t',
  'car-nk',
  'tki',
]);

function byText(text: string): string[] {
  return agentsInOrder(
    { resourceType: 'MedicationRequest', medicationCodeableConcept: { text: `${text} per protocol` } },
    kb,
  ).map((a) => a.id);
}

function byCode(code: string, system = RXNORM): string[] {
  return agentsInOrder(
    { resourceType: 'MedicationRequest', medicationCodeableConcept: { coding: [{ system, code }] } },
    kb,
  ).map((a) => a.id);
}

const agents = kb.agents.filter((a) => ORDERED.has(a.class));
const nameRows = agents.flatMap((a) => agentNames(a).map((n) => [a.id, n] as const));
const drugCodes = kb.terminology.flatMap((t) =>
  t.kind === 'drug' ? [[t.value, t.code, t.display] as const] : [],
);

describe('agentsInOrder: every agent by every name', () => {
  it('has a table to test (immunotherapy and TKI agents, with their names)', () => {
    expect(agents.length).toBeGreaterThanOrEqual(20);
    expect(nameRows.length).toBeGreaterThan(agents.length * 2);
  });

  it.each(nameRows)('%s is recognised as "%s" (and in upper case)', (id, name) => {
    expect(byText(name)).toContain(id);
    expect(byText(name.toUpperCase())).toContain(id);
  });
});

describe('agentsInOrder: every agent by every RxNorm code', () => {
  it('has RxNorm codes for the antibodies the review recommends or discusses', () => {
    const coded = new Set(drugCodes.map(([id]) => id));
    for (const id of ['blinatumomab', 'inotuzumab-ozogamicin', 'rituximab', 'daratumumab']) {
      expect(coded).toContain(id);
    }
  });

  it.each(drugCodes)('%s is recognised by RxNorm %s (%s) with no text at all', (id, code) => {
    expect(byCode(code)).toEqual([id]);
  });

  it('reads RxNorm by its OID too, and a code of another system as nothing', () => {
    expect(byCode('1597258', 'urn:oid:2.16.840.1.113883.6.88')).toEqual(['blinatumomab']);
    expect(byCode('1597258', 'http://snomed.info/sct')).toEqual([]);
  });
});

describe('agentsInOrder: the names the issue reported', () => {
  it.each([
    ['Blincyto 28 mcg/day', 'blinatumomab'],
    ['Blinicyto 28 mcg/day', 'blinatumomab'],
    ['blina cycle 1', 'blinatumomab'],
    ['Rituxan 375 mg/m2', 'rituximab'],
    ['Truxima', 'rituximab'],
    ['Ruxience', 'rituximab'],
    ['Riabni', 'rituximab'],
    ['inotuzumab', 'inotuzumab-ozogamicin'],
    ['InO 0.6 mg/m2', 'inotuzumab-ozogamicin'],
    ['Besponsa', 'inotuzumab-ozogamicin'],
    ['Kymriah', 'tisagenlecleucel'],
    ['Tecartus', 'brexucabtagene-autoleucel'],
    ['Aucatzyl', 'obecabtagene-autoleucel'],
    ['Darzalex', 'daratumumab'],
  ])('"%s" → %s', (text, id) => {
    expect(byText(text)).toEqual([id]);
  });

  it('reads a contained Medication and a medicationReference display', () => {
    const contained = agentsInOrder(
      {
        resourceType: 'MedicationRequest',
        contained: [
          { resourceType: 'Medication', id: 'm', code: { coding: [{ system: RXNORM, code: '1942955' }] } },
        ],
        medicationReference: { reference: '#m' },
      },
      kb,
    );
    expect(contained.map((a) => a.id)).toEqual(['inotuzumab-ozogamicin']);
    const reference = agentsInOrder(
      {
        resourceType: 'MedicationRequest',
        medicationReference: { reference: 'Medication/x', display: 'Rituxan' },
      },
      kb,
    );
    expect(reference.map((a) => a.id)).toEqual(['rituximab']);
  });

  it('does not match chemotherapy, steroids, other drugs, or a name inside a longer word', () => {
    expect(byText('vincristine 1.4 mg/m2')).toEqual([]);
    expect(byText('dexamethasone')).toEqual([]);
    expect(byText('amoxicillin 500 mg')).toEqual([]);
    expect(byText('casino')).toEqual([]);
    expect(byText('Blincytox')).toEqual([]);
  });
});
