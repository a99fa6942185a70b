// `npx tsx scripts/kb-release-from-checkout.ts --checkout DIR --date YYYY-MM-DD`: the release file of a knowledge-base
// version released before release files existed. The other checkout's own loader and engine (imported from DIR/src,
// so its schema, rules and engine are the ones users had) decide the golden corpus of this checkout; this checkout
// writes what they said as kb/releases/<version>.json, its rules and alerts summarised in words. A corpus profile the
// old version rejects (lineage unknown, a field it did not know) is left out of its corpus and so not compared.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CompiledKb, Decision } from '../src/engine/index.js';
import { readCommittedProfiles } from '../src/golden/files.js';
import { canonicalProfile } from '../src/golden/profile-json.js';
import { type KbRelease, RELEASE_FORMAT, type SummarisableKb, summariseKb } from '../src/golden/release.js';
import { writeRelease } from '../src/golden/release-files.js';
import { snapshotOf } from '../src/golden/snapshot.js';

const { values } = parseArgs({
  options: { checkout: { type: 'string' }, date: { type: 'string' }, previous: { type: 'string' } },
});
if (values.checkout === undefined || values.date === undefined) {
  process.stderr.write(
    'usage: tsx scripts/kb-release-from-checkout.ts --checkout DIR --date YYYY-MM-DD [--previous kb-…]\n',
  );
  process.exit(2);
}
const dir = resolve(values.checkout);
type ParseResult = { ok: true; profile: unknown } | { ok: false };
const kbModule = (await import(join(dir, 'src', 'kb', 'index.ts'))) as {
  loadKb(): { kb?: SummarisableKb; issues: readonly unknown[] };
};
const engine = (await import(join(dir, 'src', 'engine', 'index.ts'))) as {
  compileKb(kb: SummarisableKb): CompiledKb;
  evaluate(profile: unknown, ckb: CompiledKb): Decision;
};
const profileModule = (await import(join(dir, 'src', 'profile', 'index.ts'))) as {
  parseProfile(input: unknown): ParseResult;
};
const { kb } = kbModule.loadKb();
if (kb === undefined) {
  process.stderr.write(`the knowledge base of ${dir} does not load with its own code\n`);
  process.exit(1);
}
const ckb = engine.compileKb(kb);
const profiles = readCommittedProfiles() ?? [];
const corpus = profiles.flatMap((p) => {
  const parsed = profileModule.parseProfile(p.profile);
  return parsed.ok
    ? [
        {
          profile: canonicalProfile(p.profile),
          decision: snapshotOf(p.id, engine.evaluate(parsed.profile, ckb)),
        },
      ]
    : [];
});
const release: KbRelease = {
  format: RELEASE_FORMAT,
  ...summariseKb(kb),
  date: values.date,
  ...(values.previous === undefined ? {} : { previous: values.previous }),
  note: `made after the fact by scripts/kb-release-from-checkout.ts: that version's own loader and engine decided ${corpus.length} of the ${profiles.length} golden-corpus profiles of a later version (the others it rejects)`,
  corpus,
};
const file = writeRelease(release);
process.stderr.write(
  `${release.version}: ${corpus.length} of ${profiles.length} corpus profiles decided → ${file}\n`,
);
