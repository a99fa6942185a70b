import { describe, expect, it } from 'vitest';
import { blockIn, changelogWithEntry, diffBlock } from './changelog.js';
import type { KbRelease } from './release.js';

const release = (version: string, date: string): KbRelease => ({
  format: 'frontline-kb-release/1',
  version,
  date,
  counts: {},
  rules: [],
  alerts: [],
  studies: [],
  agents: [],
  trials: [],
  codes: {},
  corpus: [],
});
const A = release('kb-aaaaaaaaaaaa', '2026-01-01');
const B = release('kb-bbbbbbbbbbbb', '2026-02-01');
const TOP = '# Knowledge-base changelog\n\nIntro.\n';
const OLD_ENTRY = '## 2026-01-01 — kb-aaaaaaaaaaaa (from kb-000000000000)\n\nOlder words.\n';

describe('the changelog entry of a release', () => {
  it('is added above the older entries, with the heading and the generated block', () => {
    const { text, added } = changelogWithEntry(`${TOP}\n${OLD_ENTRY}`, B, A, ['line one', 'line two']);
    expect(added).toBe(true);
    const head = '## 2026-02-01 — kb-bbbbbbbbbbbb (from kb-aaaaaaaaaaaa)';
    expect(text.indexOf(head)).toBeGreaterThan(text.indexOf('Intro.'));
    expect(text.indexOf(head)).toBeLessThan(text.indexOf(OLD_ENTRY));
    expect(blockIn(text, A.version, B.version)).toBe(
      diffBlock(A.version, B.version, ['line one', 'line two']),
    );
  });

  it('goes at the end of an entry written by hand, before the next entry, keeping its words', () => {
    const hand = '## 2026-02-01 — kb-bbbbbbbbbbbb (from kb-aaaaaaaaaaaa)\n\nWhy it changed.\n';
    const { text, added } = changelogWithEntry(`${TOP}\n${hand}\n${OLD_ENTRY}`, B, A, ['x']);
    expect(added).toBe(false);
    expect(text).toContain(`Why it changed.\n\n${diffBlock(A.version, B.version, ['x'])}\n\n## 2026-01-01`);
  });

  it('replaces its own block when run again, and nothing else', () => {
    const first = changelogWithEntry(`${TOP}\n${OLD_ENTRY}`, B, A, ['old']).text;
    const second = changelogWithEntry(first, B, A, ['new']).text;
    expect(second).toBe(
      first.replace(diffBlock(A.version, B.version, ['old']), diffBlock(A.version, B.version, ['new'])),
    );
    expect(blockIn(second, A.version, B.version)).toContain('\nnew\n');
  });
});
