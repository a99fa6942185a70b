// Golden decisions under change control: a corpus generated from every boundary of every rule (each cut-off and its
// neighbours, each value, unknowns) and the decision for each, as committed snapshots. A change to the knowledge base
// or the engine that changes any decision fails here, naming the patients and what changed in words, until the
// snapshot is regenerated (`npm run golden:update`) and the change is reviewed as a clinical change.
import { describe, expect, it } from 'vitest';
import { compileKb } from '../src/engine/index.js';
import { changesBetween } from '../src/golden/changes.js';
import { decideCorpus } from '../src/golden/decide.js';
import { profilesText, readCommittedDecisions, readCommittedProfiles } from '../src/golden/files.js';
import { generateCorpus } from '../src/golden/generate.js';
import { snapshotLine } from '../src/golden/snapshot.js';
import { loadKb } from '../src/kb/index.js';

const { kb } = loadKb();
if (kb === undefined) {
  throw new Error('the knowledge base does not load');
}
const committedProfiles = readCommittedProfiles() ?? [];
const committedDecisions = readCommittedDecisions() ?? [];

describe('golden decisions', () => {
  it('holds at least 500 profiles, generated from the boundaries of the current rules', () => {
    expect(committedProfiles.length).toBeGreaterThanOrEqual(500);
    // A rule added or a threshold moved changes the generated corpus: regenerate and review it.
    expect(profilesText(generateCorpus(kb).profiles)).toBe(profilesText(committedProfiles));
  });

  it('exercises every rule: each applies or is pending for some corpus patient', () => {
    const seen = new Set(
      committedDecisions.flatMap((d) => [...d.options, ...d.pending].map((o) => o.split(':')[0])),
    );
    expect(kb.recommendations.map((r) => r.id).filter((id) => !seen.has(id))).toEqual([]);
  });

  it('gives every corpus patient the committed decision (run `npm run golden:update` and review the change)', () => {
    const now = decideCorpus(committedProfiles, compileKb(kb));
    const before = new Map(committedDecisions.map((d) => [d.id, d]));
    const changed = now.flatMap((d) => {
      const was = before.get(d.id);
      if (was === undefined) {
        return [`${d.id}: not in the snapshot`];
      }
      if (snapshotLine(was) === snapshotLine(d)) {
        return [];
      }
      // Any difference fails; the words say what changed where they can, else the lines are shown.
      const words = changesBetween(was, d).map((c) => `${d.id}: ${c.text}`);
      return words.length > 0 ? words : [`${d.id}: was ${snapshotLine(was)}; now ${snapshotLine(d)}`];
    });
    expect(changed.slice(0, 20), `${changed.length} changes`).toEqual([]);
    expect(now.length).toBe(committedDecisions.length);
  });
});
