/**
 * `kb/CHANGELOG.md`: one dated entry per release, each holding the `frontline kb diff` output from the release before
 * it between two markers (rewritten by `npm run kb:release`, checked by test/kb-release.test.ts); the words above the
 * block, why the knowledge base changed, are a person's.
 * @module
 */
import type { KbRelease } from './release.js';

export function heading(release: KbRelease, before: KbRelease): string {
  return `## ${release.date} — ${release.version} (from ${before.version})`;
}

const begin = (from: string, to: string): string =>
  `<!-- frontline kb diff --from ${from} --to ${to}: written by npm run kb:release, do not edit -->`;
const END = '<!-- end of frontline kb diff -->';

/** The generated block of an entry. */
export function diffBlock(from: string, to: string, lines: readonly string[]): string {
  return [
    begin(from, to),
    '<details><summary>What changed, from <code>frontline kb diff</code></summary>',
    '',
    '```text',
    ...lines,
    '```',
    '',
    '</details>',
    END,
  ].join('\n');
}

/** The generated block of the entry for `from` → `to`, as the changelog holds it (undefined when absent). */
export function blockIn(changelog: string, from: string, to: string): string | undefined {
  const start = changelog.indexOf(begin(from, to));
  if (start === -1) {
    return undefined;
  }
  const end = changelog.indexOf(END, start);
  return end === -1 ? undefined : changelog.slice(start, end + END.length);
}

/** The changelog with the entry's block current: replaced where it is, else a new entry above the others. */
export function changelogWithEntry(
  changelog: string,
  release: KbRelease,
  before: KbRelease,
  lines: readonly string[],
): { text: string; added: boolean } {
  const block = diffBlock(before.version, release.version, lines);
  const old = blockIn(changelog, before.version, release.version);
  if (old !== undefined) {
    return { text: changelog.replace(old, block), added: false };
  }
  const head = heading(release, before);
  const at = changelog.indexOf(head);
  if (at !== -1) {
    // The entry exists (written by hand): the block goes at its end, before the next entry.
    const next = changelog.indexOf('\n## ', at + head.length);
    const cut = next === -1 ? changelog.length : next;
    const body = changelog.slice(0, cut).replace(/\n+$/, '');
    return { text: `${body}\n\n${block}\n${changelog.slice(cut)}`, added: false };
  }
  const first = changelog.indexOf('\n## ');
  const cut = first === -1 ? changelog.length : first + 1;
  return {
    text: `${changelog.slice(0, cut)}${head}\n\n${block}\n\n${changelog.slice(cut)}`,
    added: true,
  };
}
