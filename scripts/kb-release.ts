// `npm run kb:release [-- --date YYYY-MM-DD]`: releases the working knowledge base. It must pass `kb check`; then
// kb/releases/<version>.json records its rules in words and the decision of every golden-corpus patient, and
// kb/CHANGELOG.md gets a dated entry holding `frontline kb diff` from the release before it (write why above the
// generated block). Run again after an engine change that moves decisions: the file is rewritten, its date kept, and
// the difference printed. The generated blocks of earlier entries are rewritten too when kb diff's words changed.
// test/kb-release.test.ts fails until the working version is released this way.
// `npm run kb:release -- --fingerprint <git revision>` adds to an earlier release file the fingerprints of each part
// and record that kb diff compares (releases written before 2026-12-04 lack them), from that revision's kb/.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compileKb } from '../src/engine/index.js';
import { blockIn, changelogWithEntry } from '../src/golden/changelog.js';
import { generateCorpus } from '../src/golden/generate.js';
import { diffKb } from '../src/golden/kb-diff.js';
import { kbDiffLines } from '../src/golden/kb-diff-text.js';
import { makeRelease } from '../src/golden/release.js';
import { listReleases, writeRelease } from '../src/golden/release-files.js';
import { releaseSide, resolveSide } from '../src/golden/sides.js';
import { formatIssue, hasErrors } from '../src/issues/index.js';
import { checkKbFiles, KB_DIR, readInstalledKbFiles } from '../src/kb/index.js';

const { values } = parseArgs({ options: { date: { type: 'string' }, fingerprint: { type: 'string' } } });
if (values.fingerprint !== undefined) {
  fingerprintRelease(values.fingerprint);
  process.exit(0);
}
const date = values.date ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
  process.stderr.write(`kb:release: --date ${date}: expected YYYY-MM-DD\n`);
  process.exit(2);
}
const checked = checkKbFiles(readInstalledKbFiles());
if (checked.kb === undefined || hasErrors(checked.issues)) {
  process.stderr.write(
    `kb:release: the knowledge base does not pass kb check:\n${checked.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}\n`,
  );
  process.exit(1);
}
const kb = checked.kb;
const releases = listReleases();
const existing = releases.find((r) => r.version === kb.version);
const previous = existing?.previous ?? releases.filter((r) => r.version !== kb.version).at(-1)?.version;
const release = makeRelease(kb, compileKb(kb), generateCorpus(kb).profiles, {
  date: existing?.date ?? date,
  previous,
});
if (existing !== undefined) {
  const moved = diffKb(releaseSide(existing), releaseSide(release));
  if (moved.same) {
    process.stderr.write(`kb:release: ${kb.version} is released (${existing.date}) and up to date\n`);
  } else {
    process.stderr.write(
      `kb:release: ${kb.version} was released on ${existing.date}, but its decisions moved since (an engine change):\n${kbDiffLines(moved).join('\n')}\n`,
    );
  }
}
const file = writeRelease(release);
process.stderr.write(`kb:release: ${release.corpus.length} corpus patients → ${file}\n`);
const before = releases.find((r) => r.version === previous);
if (before === undefined) {
  process.stderr.write('kb:release: the first release: no changelog diff\n');
  process.exit(0);
}
const changelog = join(KB_DIR, 'CHANGELOG.md');
const lines = kbDiffLines(diffKb(releaseSide(before), releaseSide(release)));
const { text, added } = changelogWithEntry(readFileSync(changelog, 'utf8'), release, before, lines);
// The generated blocks of earlier entries follow the release files and kb diff's words: they are refreshed too.
const { text: refreshed, count } = refreshEarlierBlocks(text, release.version);
writeFileSync(changelog, refreshed);
process.stderr.write(
  added
    ? `kb:release: new entry in ${changelog}: write above its generated block why the knowledge base changed\n`
    : `kb:release: ${changelog}: the generated block of ${release.version} is current\n`,
);
if (count > 0) {
  process.stderr.write(
    `kb:release: ${changelog}: ${count} earlier generated block(s) rewritten by today's kb diff\n`,
  );
}

function refreshEarlierBlocks(changelogText: string, current: string): { text: string; count: number } {
  let out = changelogText;
  let changedBlocks = 0;
  const all = listReleases();
  for (const r of all) {
    const prior = all.find((x) => x.version === r.previous);
    if (
      r.version === current ||
      prior === undefined ||
      blockIn(out, prior.version, r.version) === undefined
    ) {
      continue;
    }
    const next = changelogWithEntry(
      out,
      r,
      prior,
      kbDiffLines(diffKb(releaseSide(prior), releaseSide(r))),
    ).text;
    changedBlocks += next === out ? 0 : 1;
    out = next;
  }
  return { text: out, count: changedBlocks };
}

/**
 * `--fingerprint <git revision>`: adds the per-part and per-record fingerprints (which `kb diff` compares) to the
 * release file of the knowledge base at that revision, when the file was written before they were recorded. The
 * revision's knowledge base must have exactly the release's version; nothing else in the file changes.
 */
function fingerprintRelease(rev: string): void {
  const side = resolveSide(rev, '--fingerprint');
  const version = side.summary.version;
  const existing = listReleases().find((r) => r.version === version);
  if (existing === undefined) {
    process.stderr.write(`kb:release: --fingerprint ${rev}: ${version} has no release file\n`);
    process.exit(1);
  }
  const { studies, agents, trials, parts } = side.summary;
  const file = writeRelease({
    ...existing,
    studies,
    agents,
    trials,
    ...(parts === undefined ? {} : { parts }),
  });
  process.stderr.write(`kb:release: fingerprints of ${version} (from git ${rev}) → ${file}\n`);
}
