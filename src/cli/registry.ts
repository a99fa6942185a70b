/**
 * Every command's definition (arguments, options, help). Implementations are imported only when a command runs, so
 * `frontline --help` and each command load no more than they need (the CLI's cold start is part of its contract).
 * @module
 */

import type { Command } from 'commander';
import type { ServeFlags } from '../server/config.js';
import type { Io } from './io.js';
import { addProfileFlags } from './profile-flags.js';

export type Done = (code: number) => void;

const kbContext = () => import('./kb-context.js');

function registerRecommend(program: Command, io: Io, done: Done): void {
  const cmd = program
    .command('recommend')
    .description(
      'immunotherapy options for one patient: a profile or FHIR Bundle JSON (FILE or - for stdin), or flags',
    )
    .argument('[file]', 'profile or FHIR Bundle JSON; - reads standard input')
    .option('--json', 'print the recommendation result contract as JSON')
    .option('--explain', 'print the trace: every condition, the value seen and the verdict');
  addProfileFlags(cmd).action(async (file: string | undefined, flags: Record<string, unknown>) => {
    const { run } = await import('./commands/recommend.js');
    done(await run(io, file, flags));
  });
}

function registerScreen(program: Command, io: Io, done: Done): void {
  program
    .command('screen')
    .description('screen a cohort (NDJSON or CSV, one patient per line) for options and trial candidates')
    .argument('<cohort>', 'NDJSON or CSV file; - reads standard input (NDJSON unless --format csv)')
    .option('--out <file>', 'write per-patient results here (default: standard output)')
    .option(
      '--format <format>',
      'input format: ndjson or csv (default: from the file extension, else the content)',
    )
    .option('--out-format <format>', 'output format: ndjson or csv (default: from --out, else ndjson)')
    .option('--summary <file>', 'also write the per-trial summary as JSON')
    .addHelpText(
      'after',
      '\nA record is a profile, a FHIR Bundle, or {"id": ..., "profile": {...}}. CSV columns are profile fields\n(id, age, lineage, ph, cd20Percent, mrd, mrdAfterCycle, mrdMethod, highRiskGenetics as "KMT2A;TP53", ...).\nExit status: 0 all evaluated, 3 some records rejected (each reported with its line number), 2 usage error.',
    )
    .action(async (cohort: string, opts: Record<string, string>) => {
      const [{ screen }, { installedEngineKb }] = await Promise.all([
        import('./commands/screen.js'),
        kbContext(),
      ]);
      done(await screen(io, cohort, opts, await installedEngineKb()));
    });
}

function registerKb(program: Command, io: Io, done: Done): void {
  const kb = program.command('kb').description('check, export and describe the knowledge base');
  kb.command('check')
    .description(
      'validate every file, prove every quote and number against the source, check cross-references',
    )
    .option(
      '--source <file>',
      'path of the review text (default: ../shared/sources/review-dias-litzow-2025.txt)',
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: { source?: string; json?: boolean }) => {
      const { check } = await import('./commands/kb-check.js');
      done(check(io, opts));
    });
  kb.command('export')
    .description('print the whole knowledge base as JSON, or one CSV row per outcome')
    .option('--json', 'JSON (the default)')
    .option('--csv', 'CSV, one row per outcome')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (opts: { json?: boolean; csv?: boolean; out?: string }) => {
      const { exportKb } = await import('./commands/kb.js');
      done(await exportKb(io, opts));
    });
  kb.command('notes')
    .description('list every note on the source: where the review is inconsistent, unclear or silent')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const { notes } = await import('./commands/kb.js');
      done(await notes(io, opts));
    });
  kb.command('diff')
    .description(
      'what changed between two knowledge-base versions, in clinical words: rules, alerts, and the golden-corpus patients whose options changed',
    )
    .option(
      '--from <version|file|dir|rev>',
      'a released version (kb-…, from kb/releases/), a release file, a kb/ folder, or a git revision (default: the release before the working knowledge base)',
    )
    .option(
      '--to <version|file|dir|rev>',
      'the same kinds, or "working" (default: the working knowledge base, kb/)',
    )
    .option('--json', 'print the comparison as JSON')
    .action(async (opts: { from?: string; to?: string; json?: boolean }) => {
      const { kbDiff } = await import('./commands/kb-diff.js');
      done(kbDiff(io, opts));
    });
  kb.command('schema')
    .description('print the JSON Schema of the knowledge base (generated from the zod schemas)')
    .option('--out <dir>', 'write one schema per data-file kind into a folder')
    .action(async (opts: { out?: string }) => {
      const { schema } = await import('./commands/kb-check.js');
      done(schema(io, opts));
    });
}

function registerStudies(program: Command, io: Io, done: Done): void {
  program
    .command('studies')
    .description('list the studies of the review')
    .option('--agent <name>', 'only studies using this agent (id, name, alias or brand)')
    .option('--setting <setting>', 'only studies in this setting: frontline, mrd, relapsed-refractory')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV, one row per study')
    .action(async (opts: { agent?: string; setting?: string; json?: boolean; csv?: boolean }) => {
      const [{ studies }, { installedKb }] = await Promise.all([
        import('./commands/studies.js'),
        kbContext(),
      ]);
      done(studies(io, await installedKb(), opts));
    });
  program
    .command('study')
    .description('one study with every outcome, its quote and reference numbers')
    .argument('<id>', 'study id, name or alias (e.g. e1910)')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const [{ study }, { installedKb }] = await Promise.all([import('./commands/studies.js'), kbContext()]);
      done(study(io, await installedKb(), id, opts));
    });
  program
    .command('trials')
    .description('the NCT trials named in the review, with what the review says of each')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const [{ trials }, { installedKb }] = await Promise.all([import('./commands/studies.js'), kbContext()]);
      done(trials(io, await installedKb(), opts));
    });
  program
    .command('ref')
    .description("the review's reference entries behind a citation: frontline ref 42, ref 40-43, ref 40,41")
    .argument('<numbers...>', 'reference numbers, ranges (40-43) or lists (40,41)')
    .option('--json', 'print JSON')
    .action(async (numbers: string[], opts: { json?: boolean }) => {
      const [{ ref }, { installedKb }] = await Promise.all([import('./commands/ref.js'), kbContext()]);
      done(ref(io, await installedKb(), numbers, opts));
    });
}

function registerServe(program: Command, io: Io, done: Done): void {
  program
    .command('serve')
    .description('serve the web app, the REST API and the CDS Hooks service on one port')
    .option('--port <n>', 'port to listen on (default: $PORT or 3000; 0 = any free port)')
    .option(
      '--host <h>',
      'interface to listen on (default 127.0.0.1); a non-loopback one needs JWT (--trusted-issuers) and --public-url',
    )
    .option('--insecure', 'allow a non-loopback --host without JWT checking (never on a hospital network)')
    .option(
      '--db <file>',
      'store for feedback and the audit: a SQLite file, or a postgres:// URL for several instances (default: $FRONTLINE_DB or ./frontline.db)',
    )
    .option(
      '--public-url <url>',
      'base URL clients use to reach this server (links, JWT aud, the Host accepted); $FRONTLINE_PUBLIC_URL',
    )
    .option(
      '--fhir-deadline-ms <n>',
      "deadline of one CDS call's FHIR reads, all keys and pages (default 3000); $FRONTLINE_FHIR_DEADLINE_MS",
    )
    .option(
      '--trusted-issuers <file>',
      'turn JWT checking on with this trusted-issuers file; $FRONTLINE_TRUSTED_ISSUERS',
    )
    .option(
      '--cors-origins <list>',
      'origins allowed to call CDS Hooks from a browser, comma-separated, * for any',
    )
    .option('--web-dir <dir>', 'the built web app to serve at / (default: web/dist)')
    .option(
      '--smart-client-id <id>',
      'turn on the SMART EHR launch of the web app (<public URL>/launch) with the client id the EHR registered; cards then carry a smart link; $FRONTLINE_SMART_CLIENT_ID',
    )
    .option(
      '--smart-issuers <urls>',
      'FHIR base URLs (iss) the app may be launched from, comma-separated; needed with --smart-client-id; $FRONTLINE_SMART_ISSUERS',
    )
    .option(
      '--smart-auth-origins <origins>',
      "origins of authorization servers whose token endpoint is not on an issuer's origin; $FRONTLINE_SMART_AUTH_ORIGINS",
    )
    .option(
      '--smart-scopes <scopes>',
      'the scopes the app asks for, space-separated, "launch" among them (default: SMART 2 read/search of Patient, Condition, Observation, MedicationRequest); $FRONTLINE_SMART_SCOPES',
    )
    .option(
      '--frame-ancestors <origins>',
      'EHR origins allowed to frame the web app, comma-separated (default: none may); $FRONTLINE_FRAME_ANCESTORS',
    )
    .option(
      '--audit-retention-days <days>',
      'delete audit rows older than this (default: $FRONTLINE_AUDIT_RETENTION_DAYS or 365)',
    )
    .action(async (opts: ServeFlags) => {
      const { serveCommand } = await import('./commands/serve.js');
      done(await serveCommand(io, opts));
    });
}

/** All command families, in help order. */
export const REGISTRATIONS = [
  registerRecommend,
  registerScreen,
  registerStudies,
  registerKb,
  registerServe,
] as const;
