/**
 * Feedback on cards (`POST {base}/cds-services/{id}/feedback`).
 * @module
 */
import { z } from 'zod';
import { Coding, whenObject } from './coding.js';

/** CDS Hooks 2.0.1, §"Feedback" → "Overridden guidance": a reason and/or a comment (cds-fb-3). */
export const OverrideReasonFeedback = z
  .looseObject({ reason: Coding.optional(), userComment: z.string().min(1).optional() })
  .refine((o) => o.reason !== undefined || o.userComment !== undefined, {
    message: 'overrideReason needs a reason or a userComment',
    when: whenObject,
  });

/** CDS Hooks 2.0.1, §"Feedback": one outcome for one card. */
export const FeedbackEntry = z
  .looseObject({
    card: z.string().min(1),
    outcome: z.enum(['accepted', 'overridden']), // cds-fb-1
    acceptedSuggestions: z
      .array(z.looseObject({ id: z.string().min(1) }))
      .min(1)
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
export const FeedbackRequest = z.looseObject({ feedback: z.array(FeedbackEntry).min(1) });
export type FeedbackRequest = z.infer<typeof FeedbackRequest>;
