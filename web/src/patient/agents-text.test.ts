import { describe, expect, it } from 'vitest';
import { type AgentInfo, agentsText } from './agents-text.js';

const AGENTS = new Map<string, AgentInfo>([
  ['tisagenlecleucel', { name: 'tisagenlecleucel', class: 'car-t' }],
  ['brexucabtagene-autoleucel', { name: 'brexucabtagene autoleucel', class: 'car-t' }],
  ['obecabtagene-autoleucel', { name: 'obecabtagene autoleucel', class: 'car-t' }],
  ['blinatumomab', { name: 'blinatumomab', class: 'bispecific-t-cell-engager' }],
  ['chemotherapy', { name: 'chemotherapy', class: 'chemotherapy-backbone' }],
]);

describe('agentsText', () => {
  it('reads agents of one class as alternatives', () => {
    expect(
      agentsText(['tisagenlecleucel', 'brexucabtagene-autoleucel', 'obecabtagene-autoleucel'], AGENTS),
    ).toBe('tisagenlecleucel, brexucabtagene autoleucel or obecabtagene autoleucel');
  });

  it('joins agents of different classes as a combination', () => {
    expect(agentsText(['blinatumomab', 'chemotherapy'], AGENTS)).toBe('blinatumomab + chemotherapy');
  });

  it('only lists the ids before the knowledge base has loaded', () => {
    expect(agentsText(['blinatumomab', 'chemotherapy'], undefined)).toBe('blinatumomab, chemotherapy');
  });
});
