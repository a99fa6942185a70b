// Writes dist/kb.json, the validated knowledge base the CLI and server load at start-up (see src/kb/installed.ts).
// Run by `npm run build` after the TypeScript build.
import { writeKbBundle } from '../dist/kb/index.js';

const result = await writeKbBundle();
if (result.kb === undefined) {
  for (const issue of result.issues) {
    process.stderr.write(`${issue.file ?? ''}: ${issue.path ?? ''}: ${issue.message}\n`);
  }
  process.stderr.write(
    'build-kb: the knowledge base does not load; dist/kb.json not written (run `frontline kb check`)\n',
  );
  process.exit(1);
}
process.stderr.write(`build-kb: wrote dist/kb.json (${result.kb.version})\n`);
