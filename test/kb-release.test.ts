// Every version of the knowledge base that lands is released: kb/releases/<version>.json holds what it says (rules in
// words, the decision of every golden-corpus patient) and kb/CHANGELOG.md holds its dated entry with the
// `frontline kb diff` from the release before it. Fails until `npm run kb:release` is run and its output reviewed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockIn, diffBlock, heading } from '../src/golden/changelog.js';
import { diffKb } from '../src/golden/kb-diff.js';
import { kbDiffLines } from '../src/golden/kb-diff-text.js';
import { listReleases } from '../src/golden/release-files.js';
import { liveSide, releaseSide } from '../src/golden/sides.js';
import { KB_DIR, loadKb } from '../src/kb/index.js';

const { kb } = loadKb();
if (kb === undefined) {
  throw new Error('the knowledge base does not load');
}
const releases = listReleases();
const current = releases.find((r) => r.version === kb.version);
const changelog = readFileSync(join(KB_DIR, 'CHANGELOG.md'), 'utf8');

describe('knowledge-base releases', () => {
  it('the working knowledge base is released (npm run kb:release)', () => {
    expect(current?.version, `no kb/releases/${kb.version}.json: run npm run kb:release`).toBe(kb.version);
  });

  it('its release file says what the working knowledge base says, for every corpus patient', () => {
    if (current === undefined) {
      throw new Error(`no release of ${kb.version}`);
    }
    const d = diffKb(releaseSide(current), liveSide(kb, 'working copy kb/'));
    expect(kbDiffLines(d).slice(1)).toEqual([expect.stringMatching(/^no change: /)]);
    expect(d.patients.compared).toBe(current.corpus.length);
  });

  it('every release after the first names the one before it, and the changelog holds its generated diff', () => {
    for (const r of releases.slice(1)) {
      const before = releases.find((x) => x.version === r.previous);
      expect(before?.version, `${r.version} names no earlier release`).toBe(r.previous);
      if (before === undefined) {
        continue;
      }
      expect(changelog, `kb/CHANGELOG.md has no entry for ${r.version}`).toContain(heading(r, before));
      const lines = kbDiffLines(diffKb(releaseSide(before), releaseSide(r)));
      expect(blockIn(changelog, before.version, r.version), `run npm run kb:release for ${r.version}`).toBe(
        diffBlock(before.version, r.version, lines),
      );
    }
    expect(releases.length).toBeGreaterThanOrEqual(2);
  });
});
