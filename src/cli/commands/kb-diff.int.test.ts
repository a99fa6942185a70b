// `frontline kb diff`: two knowledge-base versions compared in clinical words, from release files, folders and git.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../../test/support/cli.js';
import type { KbDiff } from '../../golden/kb-diff.js';
import { listReleases } from '../../golden/release-files.js';
import { KB_DIR, loadKb } from '../../kb/index.js';

const working = loadKb().kb?.version ?? '';
const releases = listReleases();
const previous = releases.find((r) => r.version === working)?.previous ?? '';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) {
    rmSync(d, { recursive: true, force: true });
  }
});

describe('frontline kb diff', () => {
  it('compares the working knowledge base with the release before it by default, in words', async () => {
    const r = await cli('kb', 'diff');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(
      `knowledge base ${previous} (release ${releases.find((x) => x.version === previous)?.date}) → ${working} (working copy kb/)`,
    );
    expect(r.out).toMatch(/^Rules: \d+ added, \d+ removed, \d+ changed/m);
    expect(r.out).toMatch(/^Patients: [\d,]+ patients of [\d,]+ compared changed/m);
  });

  it('answers JSON with the same comparison', async () => {
    const r = await cli('kb', 'diff', '--from', previous, '--to', working, '--json');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out) as KbDiff;
    expect(d.from.version).toBe(previous);
    expect(d.to.version).toBe(working);
    expect(d.same).toBe(false);
    expect(d.patients.groups.every((g) => g.patients > 0 && g.examples.length > 0)).toBe(true);
  });

  it('reads a kb folder, and says "no change" against the release of the same version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontline-kb-diff-test-'));
    dirs.push(dir);
    cpSync(KB_DIR, join(dir, 'kb'), { recursive: true });
    const r = await cli('kb', 'diff', '--from', working, '--to', join(dir, 'kb'));
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[1]).toMatch(
      /^no change: the same rules, alerts, studies, agents and trials, and the same decision for all [\d,]+ compared patients$/,
    );
  });

  it('shows a rule edited in a kb folder as a clinical change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontline-kb-diff-test-'));
    dirs.push(dir);
    cpSync(KB_DIR, join(dir, 'kb'), { recursive: true });
    const file = join(dir, 'kb', 'rules', 'blinatumomab.yaml');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(
      /(id: blinatumomab\.frontline-under-55\n(?:.*\n)*?\s+strength: )recommended/,
      '$1supported',
    );
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    const r = await cli('kb', 'diff', '--from', 'working', '--to', join(dir, 'kb'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('(blinatumomab.frontline-under-55)\n    strength: recommended → supported');
    expect(r.out).toMatch(/: strength recommended → supported — [\d,]+ patients?\n/);
  });

  it('names the option and what it accepts when a version cannot be found, with exit 2', async () => {
    const r = await cli('kb', 'diff', '--from', 'no-such-thing-anywhere');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'frontline: kb diff: --from no-such-thing-anywhere: not a released version (kb-…, see kb/releases/), a release file, a kb folder, or a git revision of this checkout\n',
    );
    const unreleased = await cli('kb', 'diff', '--from', 'kb-000000000000');
    expect(unreleased.code).toBe(2);
    expect(unreleased.err).toContain('--from kb-000000000000: no release file');
    expect(unreleased.err).toContain(`released versions: ${releases.map((x) => x.version).join(', ')}`);
  });
});
