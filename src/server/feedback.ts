/**
 * CDS Hooks feedback entries → store records: the reason Coding and whether a comment was written, never the
 * comment itself (free text may name the patient).
 * @module
 */
import type { FeedbackEntry } from '../cds-hooks/index.js';
import type { FeedbackRecord } from './store/records.js';

/**
 * Converts parsed feedback to records.
 * @param service - the service id the feedback was posted to
 * @param receivedAt - when it arrived (ISO 8601)
 */
export function feedbackRecords(
  service: string,
  entries: readonly FeedbackEntry[],
  receivedAt: string,
): FeedbackRecord[] {
  return entries.map((f) => {
    const reason = f.overrideReason?.reason;
    return {
      service,
      card: f.card,
      outcome: f.outcome,
      outcomeTimestamp: new Date(f.outcomeTimestamp).toISOString(),
      acceptedSuggestions: (f.acceptedSuggestions ?? []).map((s) => s.id),
      ...(reason === undefined
        ? {}
        : { reason: { system: reason.system, code: reason.code, display: reason.display } }),
      hasComment: f.overrideReason?.userComment !== undefined,
      receivedAt,
    };
  });
}
