import { describe, expect, it } from 'vitest';
import { compileKb } from '../engine/index.js';
import { loadKb } from '../kb/index.js';
import { generateCorpus } from './generate.js';
import { makeRelease, parseRelease, releaseText } from './release.js';

const { kb } = loadKb();
if (kb === undefined) {
  throw new Error('the knowledge base does not load');
}

describe('a release file', () => {
  const release = makeRelease(kb, compileKb(kb), generateCorpus(kb).profiles.slice(0, 25), {
    date: '2026-12-01',
    previous: 'kb-000000000000',
  });

  it('reads back as what was written, one corpus patient per line', () => {
    const text = releaseText(release);
    expect(parseRelease(text, 'x.json')).toEqual(release);
    expect(text.split('\n').filter((l) => l.startsWith('    {"profile":')).length).toBe(25);
  });

  it('holds every rule in words: strength, who it applies to, agents and evidence by name', () => {
    expect(release.rules.map((r) => r.id)).toEqual(kb.recommendations.map((r) => r.id));
    const notRecommended = kb.recommendations.find((r) => r.strength === 'not-recommended');
    if (notRecommended !== undefined) {
      expect(release.rules.find((r) => r.id === notRecommended.id)?.strength).toBe('not recommended');
    }
    for (const r of release.rules) {
      expect(r.who.length, r.id).toBeGreaterThan(0);
      expect(r.evidence.length, r.id).toBeGreaterThan(0);
      // No profile field id reaches the words (they go through the label table or the rule's own labels).
      expect(r.who.join(' '), r.id).not.toMatch(
        /\b(highRiskGenetics|fitForIntensiveChemo|cd20Percent|mrd\.value)\b/,
      );
    }
  });

  it('is refused with the field that is wrong', () => {
    const bad = JSON.parse(releaseText(release)) as Record<string, unknown>;
    bad.date = '1 December';
    expect(() => parseRelease(JSON.stringify(bad), 'bad.json')).toThrow(
      /^bad\.json: not a knowledge-base release \(frontline-kb-release\/1\): date: /,
    );
    expect(() => parseRelease('{', 'broken.json')).toThrow('broken.json: not JSON');
  });
});
