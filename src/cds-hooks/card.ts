/**
 * The CDS Service response: cards, suggestions, actions, links, override reasons, system actions.
 * @module
 */
import { z } from 'zod';
import { AbsoluteUrl, Coding, FhirResource, whenObject } from './coding.js';

/** Characters as the spec counts them (Unicode code points, not UTF-16 units). */
export function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) {
    n += 1;
  }
  return n;
}

/** CDS Hooks 2.0.1, §"Card Attributes": `summary` is one sentence of fewer than 140 characters. */
export const SUMMARY_MAX = 139;

/** CDS Hooks 2.0.1, §"Card Attributes": `indicator`, in increasing order of urgency. */
export const Indicator = z.enum(['info', 'warning', 'critical']);
export type Indicator = z.infer<typeof Indicator>;

/** CDS Hooks 2.0.1, §"Source": `label` required; `url` and `icon` absolute; `topic` a Coding. */
export const Source = z.looseObject({
  label: z.string().min(1),
  url: AbsoluteUrl.optional(),
  icon: AbsoluteUrl.optional(),
  topic: Coding.optional(),
});
export type Source = z.infer<typeof Source>;

/** CDS Hooks 2.0.1, §"Action": `type` and `description` required; whole `resource` for create/update. */
export const Action = z
  .looseObject({
    type: z.enum(['create', 'update', 'delete']),
    description: z.string().min(1),
    resource: FhirResource.optional(),
    resourceId: z.string().min(1).optional(),
  })
  .refine((a) => a.type === 'delete' || a.resource !== undefined, {
    message: 'create and update actions need the whole resource',
    path: ['resource'],
    when: whenObject,
  })
  // cds-resp-2 (SHOULD): a delete names its target by resourceId (resource-as-id is deprecated but allowed).
  .refine((a) => a.type !== 'delete' || a.resourceId !== undefined || a.resource !== undefined, {
    message: 'a delete action needs resourceId',
    path: ['resourceId'],
    when: whenObject,
  });
export type Action = z.infer<typeof Action>;

/** CDS Hooks 2.0.1, §"Suggestion". */
export const Suggestion = z.looseObject({
  label: z.string().min(1),
  uuid: z.string().min(1).optional(),
  isRecommended: z.boolean().optional(),
  actions: z.array(Action).min(1).optional(),
});
export type Suggestion = z.infer<typeof Suggestion>;

/** CDS Hooks 2.0.1, §"Reasons for rejecting a card": a Coding whose `display` the service MUST populate (cds-resp-4). */
export const OverrideReason = Coding.extend({ display: z.string().min(1) });
export type OverrideReason = z.infer<typeof OverrideReason>;

/** CDS Hooks 2.0.1, §"Link": `appContext` only on `smart` links (cds-resp-3). */
export const Link = z
  .looseObject({
    label: z.string().min(1),
    url: AbsoluteUrl,
    type: z.enum(['absolute', 'smart']),
    appContext: z.string().min(1).optional(),
    autolaunchable: z.boolean().optional(),
  })
  .refine((l) => l.type === 'smart' || l.appContext === undefined, {
    message: 'appContext is only allowed on smart links',
    path: ['appContext'],
    when: whenObject,
  });
export type Link = z.infer<typeof Link>;

/** CDS Hooks 2.0.1, §"Card Attributes". */
export const Card = z
  .looseObject({
    uuid: z.string().min(1).optional(),
    summary: z
      .string()
      .min(1)
      .refine((s) => codePoints(s) <= SUMMARY_MAX, { message: 'summary must be fewer than 140 characters' }),
    detail: z.string().min(1).optional(),
    indicator: Indicator,
    source: Source,
    suggestions: z.array(Suggestion).min(1).optional(),
    selectionBehavior: z.enum(['at-most-one', 'any']).optional(),
    overrideReasons: z.array(OverrideReason).min(1).optional(),
    links: z.array(Link).min(1).optional(),
  })
  // cds-resp-6 and cds-resp-1 run even when another member is invalid, so every problem is reported at once.
  .refine((c) => c.suggestions === undefined || c.selectionBehavior !== undefined, {
    message: 'selectionBehavior is required when suggestions are present',
    path: ['selectionBehavior'],
    when: whenObject,
  })
  .refine(
    (c) =>
      c.selectionBehavior !== 'at-most-one' ||
      !Array.isArray(c.suggestions) ||
      c.suggestions.filter((s) => s?.isRecommended === true).length <= 1,
    {
      message: 'with at-most-one, at most one suggestion may be recommended',
      path: ['suggestions'],
      when: whenObject,
    },
  );
export type Card = z.infer<typeof Card>;

/** CDS Hooks 2.0.1, §"CDS Service Response" → "HTTP Response": `cards` (possibly empty) and `systemActions`. */
export const CdsResponse = z.looseObject({
  cards: z.array(Card),
  systemActions: z.array(Action).min(1).optional(),
});
export type CdsResponse = z.infer<typeof CdsResponse>;
