/**
 * Feedback on cards (`POST {base}/cds-services/{id}/feedback`).
 * @module
 */
import { z } from 'zod';
import { whenObject } from './coding.js';

/** The most feedback entries one request may carry. */
export const MAX_FEEDBACK_ENTRIES = 50;
/** The longest card uuid or suggestion id accepted (Frontline issues RFC 4122 uuids: 36). */
export const MAX_ID_LENGTH = 128;
/** The longest Coding member (system, code, display) and user comment accepted. */
export const MAX_CODING_LENGTH = 512;
export const MAX_COMMENT_LENGTH = 4000;

const capped = (max: number, what: string) =>
  z
    .string()
    .min(1)
    .max(max, { error: `${what} is at most ${max} characters` });

/** CDS Hooks 2.0.1, §"Data Types" / "Coding", with the lengths feedback may store. */
const FeedbackCoding = z.looseObject({
  code: capped(MAX_CODING_LENGTH, 'code'),
  system: capped(MAX_CODING_LENGTH, 'system'),
  display: capped(MAX_CODING_LENGTH, 'display').optional(),
});

/** CDS Hooks 2.0.1, §"Feedback" → "Overridden guidance": a reason and/or a comment (cds-fb-3). */
export const OverrideReasonFeedback = z
  .looseObject({
    reason: FeedbackCoding.optional(),
    userComment: capped(MAX_COMMENT_LENGTH, 'userComment').optional(),
  })
  .refine((o) => o.reason !== undefined || o.userComment !== undefined, {
    message: 'overrideReason needs a reason or a userComment',
    when: whenObject,
  });

/** CDS Hooks 2.0.1, §"Feedback": one outcome for one card. */
export const FeedbackEntry = z
  .looseObject({
    card: capped(MAX_ID_LENGTH, 'card'),
    outcome: z.enum(['accepted', 'overridden']), // cds-fb-1
    acceptedSuggestions: z
      .array(z.looseObject({ id: capped(MAX_ID_LENGTH, 'id') }))
      .min(1)
      .max(20, { error: 'acceptedSuggestions has at most 20 entries' })
      .optional(),
    overrideReason: OverrideReasonFeedback.optional(),
    outcomeTimestamp: z.iso.datetime({
      offset: true,
      error: 'outcomeTimestamp must be an ISO 8601 date-time (UTC), e.g. 2021-12-11T10:05:31Z',
    }),
  })
  // cds-fb-2
  .refine((f) => f.outcome !== 'accepted' || f.acceptedSuggestions !== undefined, {
    message: 'acceptedSuggestions is required when the outcome is accepted',
    path: ['acceptedSuggestions'],
    when: whenObject,
  });
export type FeedbackEntry = z.infer<typeof FeedbackEntry>;

/** CDS Hooks 2.0.1, §"Feedback": the request body. */
export const FeedbackRequest = z.looseObject({
  feedback: z
    .array(FeedbackEntry)
    .min(1)
    .max(MAX_FEEDBACK_ENTRIES, { error: `feedback has at most ${MAX_FEEDBACK_ENTRIES} entries per request` }),
});
export type FeedbackRequest = z.infer<typeof FeedbackRequest>;
