/**
 * The two sides `frontline kb diff` compares, from what the user names: a released version (`kb-…`, read from
 * `kb/releases/`), a release file, a `kb/` folder, a git revision of this checkout, or the working knowledge base.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileKb } from '../engine/index.js';
import { formatIssue, hasErrors } from '../issues/index.js';
import { type Kb, loadKb } from '../kb/index.js';
import { KB_DIR, PROJECT_ROOT } from '../kb/paths.js';
import { decideTolerant } from './decide.js';
import { generateCorpus } from './generate.js';
import type { DiffSide } from './kb-diff.js';
import { corpusOf, type KbRelease, summariseKb } from './release.js';
import { listReleases, RELEASES_DIR, readRelease, releaseFile } from './release-files.js';

/** A request the user can fix, said in one line. */
export class SideError extends Error {
  override readonly name = 'SideError';
}

/** A knowledge base this version can evaluate: its own corpus, and any other patient on demand. */
export function liveSide(kb: Kb, label: string): DiffSide {
  const ckb = compileKb(kb);
  return {
    label,
    summary: summariseKb(kb),
    corpus: corpusOf(generateCorpus(kb).profiles, ckb),
    decide: (profiles) =>
      decideTolerant(
        profiles.map((profile, i) => ({ id: `p${i}`, profile })),
        ckb,
      ),
  };
}

export function releaseSide(r: KbRelease): DiffSide {
  return { label: `release ${r.date}`, summary: r, corpus: r.corpus };
}

function loadDir(dir: string, what: string): Kb {
  const { kb, issues } = loadKb(dir);
  if (kb === undefined || hasErrors(issues)) {
    const first = issues.find((i) => i.severity === 'error') ?? issues[0];
    throw new SideError(
      `${what} does not load with this version of Frontline${first === undefined ? '' : ` (${formatIssue(first)})`}; compare with its release file in kb/releases/ instead`,
    );
  }
  return kb;
}

function gitRevisionKb(rev: string, option: string): Kb {
  const git = (args: string[], input?: Buffer) =>
    spawnSync('git', ['-C', PROJECT_ROOT, ...args], {
      maxBuffer: 256 * 1024 * 1024,
      ...(input === undefined ? {} : { input }),
    });
  const verify = git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  if (verify.error !== undefined || verify.status !== 0) {
    throw new SideError(
      `${option} ${rev}: not a released version (kb-…, see kb/releases/), a release file, a kb folder, or a git revision of this checkout`,
    );
  }
  const archive = git(['archive', '--format=tar', rev, 'kb']);
  if (archive.status !== 0) {
    throw new SideError(`${option} ${rev}: git revision ${rev} has no kb/ folder`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'frontline-kb-diff-'));
  try {
    const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
    if (untar.status !== 0) {
      throw new SideError(
        `${option} ${rev}: could not unpack its kb/ folder (tar: ${String(untar.stderr).trim()})`,
      );
    }
    return loadDir(join(dir, 'kb'), `the knowledge base at git revision ${rev}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One side from what the user gave.
 * @param spec - `working`, a version `kb-…`, a release file, a kb folder, or a git revision
 * @param option - the option it came from (`--from`, `--to`), for messages
 */
export function resolveSide(spec: string, option: string, releasesDir = RELEASES_DIR): DiffSide {
  if (spec === 'working') {
    return liveSide(loadDir(KB_DIR, 'the working knowledge base (kb/)'), 'working copy kb/');
  }
  if (/^kb-[0-9a-f]{12}$/.test(spec)) {
    const file = releaseFile(spec, releasesDir);
    if (!existsSync(file)) {
      const known = listReleases(releasesDir).map((r) => r.version);
      throw new SideError(
        `${option} ${spec}: no release file ${file}; released versions: ${known.join(', ') || 'none'}`,
      );
    }
    return releaseSide(readRelease(file));
  }
  if (existsSync(spec)) {
    if (statSync(spec).isDirectory()) {
      return liveSide(loadDir(spec, `the knowledge base in ${spec}`), `folder ${spec}`);
    }
    try {
      return { ...releaseSide(readRelease(spec)), label: `file ${spec}` };
    } catch (error) {
      throw new SideError(`${option} ${spec}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return liveSide(gitRevisionKb(spec, option), `git ${spec}`);
}

/**
 * The default `--from`: the release before the working version (its release file's `previous`), else the newest
 * release, so `frontline kb diff` alone shows what the working knowledge base changes.
 */
export function defaultFrom(workingVersion: string, releasesDir = RELEASES_DIR): string {
  const releases = listReleases(releasesDir);
  const own = releases.find((r) => r.version === workingVersion);
  if (own !== undefined) {
    if (own.previous === undefined) {
      throw new SideError(
        `${workingVersion} is the first release: there is nothing before it to compare with (give --from)`,
      );
    }
    return own.previous;
  }
  const newest = releases.at(-1);
  if (newest === undefined) {
    throw new SideError(`no release in ${releasesDir} to compare with (give --from)`);
  }
  return newest.version;
}
