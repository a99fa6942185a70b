// The README states the knowledge-base counts; they must match what `kb export` holds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKb } from '../src/kb/index.js';

describe('README', () => {
  it('states the counts the knowledge base export holds', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const header = '| studies | outcomes | agents | trials | statements | factors | rules | alerts |';
    const lines = readme.split('\n');
    const at = lines.indexOf(header);
    expect(at, 'the counts table is in the README').toBeGreaterThan(0);
    const values = (lines[at + 2] ?? '')
      .split('|')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map(Number);
    const { kb } = loadKb();
    expect(kb).toBeDefined();
    if (kb === undefined) {
      return;
    }
    expect(values).toEqual([
      kb.studies.length,
      kb.studies.reduce((n, s) => n + s.outcomes.length, 0),
      kb.agents.length,
      kb.trials.length,
      kb.statements.length,
      kb.factors.length,
      kb.recommendations.length,
      kb.alerts.length,
    ]);
  });
});
