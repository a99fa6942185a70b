/**
 * A trial's sponsor in words, the same in the CLI and the web app: the group the review names as leading or
 * sponsoring the trial, or that it names none (an unknown, said as such). Type imports only, so the browser bundle
 * may use it.
 * @module
 */
import type { Trial } from './schema/trial.js';

/** What is said when the review names no sponsor for a trial. */
export const SPONSOR_NOT_NAMED = 'not named in the review';

export function sponsorText(trial: Pick<Trial, 'sponsor'>): string {
  return trial.sponsor?.name ?? SPONSOR_NOT_NAMED;
}
