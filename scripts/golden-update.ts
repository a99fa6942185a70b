// `npm run golden:update`: regenerates the golden corpus (test/golden/profiles.ndjson) from the knowledge base in
// kb/ and the snapshot of every decision (test/golden/decisions.ndjson). A changed snapshot is a clinical change:
// review `git diff test/golden/` (or `frontline kb diff`) before committing it.
import { compileKb } from '../src/engine/index.js';
import { decideCorpus } from '../src/golden/decide.js';
import { DECISIONS_FILE, PROFILES_FILE, writeGolden } from '../src/golden/files.js';
import { generateCorpus } from '../src/golden/generate.js';
import { formatIssue } from '../src/issues/index.js';
import { loadKb } from '../src/kb/index.js';

const { kb, issues } = loadKb();
if (kb === undefined) {
  process.stderr.write(
    `golden:update: the knowledge base does not load:\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}\n`,
  );
  process.exit(1);
}
const corpus = generateCorpus(kb);
if (corpus.unsatisfied.length > 0) {
  process.stderr.write(
    `golden:update: no base patient could be made to satisfy: ${corpus.unsatisfied.join(', ')}\n`,
  );
}
const snapshots = decideCorpus(corpus.profiles, compileKb(kb));
writeGolden(corpus.profiles, snapshots);
process.stderr.write(
  `golden:update: ${corpus.profiles.length} profiles → ${PROFILES_FILE}\ngolden:update: ${snapshots.length} decisions (${kb.version}) → ${DECISIONS_FILE}\n`,
);
