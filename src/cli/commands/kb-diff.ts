/**
 * `frontline kb diff [--from …] [--to …] [--json]`: what changed between two knowledge-base versions, in clinical
 * words — rules and alerts added, removed or changed, and the golden-corpus patients who gained, lost or changed an
 * option. Without options: the working knowledge base against the release before it.
 * @module
 */

import { diffKb } from '../../golden/kb-diff.js';
import { kbDiffLines } from '../../golden/kb-diff-text.js';
import { defaultFrom, resolveSide, SideError } from '../../golden/sides.js';
import { formatIssue } from '../../issues/index.js';
import { loadKb } from '../../kb/index.js';
import { CliError, type Io } from '../io.js';

export interface KbDiffOptions {
  readonly from?: string;
  readonly to?: string;
  readonly json?: boolean;
}

export function kbDiff(io: Io, opts: KbDiffOptions): number {
  try {
    let from = opts.from;
    if (from === undefined) {
      const { kb, issues } = loadKb();
      if (kb === undefined) {
        const first = issues[0];
        throw new CliError(
          `the working knowledge base does not load${first === undefined ? '' : `: ${formatIssue(first)}`}`,
        );
      }
      from = defaultFrom(kb.version);
    }
    const a = resolveSide(from, '--from');
    const b = resolveSide(opts.to ?? 'working', '--to');
    const diff = diffKb(a, b);
    io.out(opts.json === true ? `${JSON.stringify(diff, null, 2)}\n` : `${kbDiffLines(diff).join('\n')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof SideError) {
      throw new CliError(`kb diff: ${error.message}`);
    }
    throw error;
  }
}
