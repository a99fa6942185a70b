// CDS Hooks 2.0.1 schemas against the specification's own examples (read at run time from ../shared/standards).
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { violations } from '../../test/support/invariants.js';
import { example, exampleFiles } from '../../test/support/spec-examples.js';
import { Action, CdsResponse, OverrideReason, Source } from './card.js';
import { FhirId } from './coding.js';
import { DraftOrders, OrderSelectContext, OrderSignContext, PatientViewContext } from './context.js';
import { CdsService, DiscoveryResponse } from './discovery.js';
import { FeedbackRequest } from './feedback.js';
import { fieldErrors } from './field-errors.js';
import { CdsServiceRequest, FhirAuthorization, PatientViewRequest, Prefetch } from './request.js';

type Json = Record<string, unknown>;
const member = (name: string) => (doc: unknown) => (doc as Json)[name];
const context = (name: string) => (doc: unknown) => ((doc as Json).context as Json)[name];

/** Which schema each example is, and the part of the file it applies to. */
const ACCEPTED: Record<string, { schema: z.ZodType; part?: (doc: unknown) => unknown }> = {
  'action-create.json': { schema: Action },
  'action-update.json': { schema: Action },
  'action-delete.json': { schema: Action },
  'card-overrideReasons.json': { schema: OverrideReason.array().min(1), part: member('overrideReasons') },
  'card-source-with-topic.json': { schema: Source, part: member('source') },
  'context-draftOrders-nested-id-not-a-token.json': { schema: DraftOrders, part: context('draftOrders') },
  'context-draftOrders-with-medicationRequestId.json': { schema: DraftOrders, part: context('draftOrders') },
  'context-fragment-patientId.json': { schema: FhirId, part: context('patientId') },
  'context-patient-view-hooks-section.json': { schema: PatientViewContext, part: member('context') },
  'discovery-response.json': { schema: DiscoveryResponse },
  'discovery-response-with-extension.json': { schema: DiscoveryResponse },
  'feedback-accepted.json': { schema: FeedbackRequest },
  'feedback-overridden-no-reason.json': { schema: FeedbackRequest },
  'feedback-overridden-with-reason.json': { schema: FeedbackRequest },
  'fhirAuthorization.json': { schema: FhirAuthorization, part: member('fhirAuthorization') },
  'hook-definition-format-context-sample.json': {
    schema: CdsServiceRequest.shape.context,
    part: member('context'),
  },
  'hook-order-select-context-r4.json': { schema: OrderSelectContext, part: member('context') },
  'hook-order-select-context-stu3.json': { schema: OrderSelectContext, part: member('context') },
  'hook-order-select-context-dstu2.json': { schema: OrderSelectContext, part: member('context') },
  'hook-order-sign-context-r4.json': { schema: OrderSignContext, part: member('context') },
  'hook-order-sign-context-stu3.json': { schema: OrderSignContext, part: member('context') },
  'hook-order-sign-context-dstu2.json': { schema: OrderSignContext, part: member('context') },
  'hook-patient-view-context-1.json': { schema: PatientViewContext, part: member('context') },
  'hook-patient-view-context-2-with-encounter.json': { schema: PatientViewContext, part: member('context') },
  'prefetch-data-partial.json': { schema: Prefetch, part: member('prefetch') },
  'prefetch-patientToGreet-hooks-section.json': {
    schema: CdsService.shape.prefetch,
    part: member('prefetch'),
  },
  'prefetch-template-hemoglobin-a1c.json': { schema: CdsService.shape.prefetch, part: member('prefetch') },
  'prefetch-template-user-read.json': { schema: CdsService.shape.prefetch, part: member('prefetch') },
  'prefetch-template-user-search.json': { schema: CdsService.shape.prefetch, part: member('prefetch') },
  'prefetch-templates-four-keys.json': { schema: CdsService.shape.prefetch, part: member('prefetch') },
  'request-patient-view-with-prefetch.json': { schema: PatientViewRequest },
  'request-with-extension.json': { schema: CdsServiceRequest },
  'response-cards-links-smart-and-overrideReasons.json': { schema: CdsResponse },
  'response-empty-cards.json': { schema: CdsResponse },
};

/**
 * Examples our schemas reject, each because it breaks a rule of the 2.0.1 normative text (documented in
 * src/cds-hooks/README.md "Conformance notes"); the test pins the exact member and reason.
 */
const REJECTED: Record<string, { schema: z.ZodType; path: string; message: RegExp; why: string }> = {
  'legacy-cheatsheet-card-with-suggestions-NONCONFORMANT.json': {
    schema: CdsResponse,
    path: 'cards.0.selectionBehavior',
    message: /selectionBehavior is required/,
    why: '1.0-era card: suggestions without selectionBehavior (cds-resp-6)',
  },
  'response-card-autolaunchable-link.json': {
    schema: CdsResponse,
    path: 'cards.0.indicator',
    message: /required/,
    why: '2.0.1 §Card Attributes makes indicator REQUIRED; this spec example omits it',
  },
  'response-systemActions.json': {
    schema: CdsResponse,
    path: 'systemActions.0.description',
    message: /required/,
    why: '2.0.1 §Action makes description REQUIRED; this spec example omits it',
  },
};

/** Not payload schemas: exercised by the JWT tests (src/server/auth/jwt.test.ts). */
const JWT_FILES = new Set([
  'jwk-private-spec-example-DO-NOT-USE.json',
  'jwks-public.json',
  'jwt-header.json',
  'jwt-payload.json',
  'jwt-example-authorization-header.txt',
]);

describe('CDS Hooks 2.0.1 schemas and the specification examples', () => {
  it('has an expectation for every example file in the folder', () => {
    const known = new Set([...Object.keys(ACCEPTED), ...Object.keys(REJECTED), ...JWT_FILES]);
    expect(exampleFiles().filter((f) => !known.has(f))).toEqual([]);
  });

  it.each(Object.entries(ACCEPTED))('accepts %s', (file, { schema, part }) => {
    const doc = example(file);
    const value = part === undefined ? doc : part(doc);
    const result = schema.safeParse(value);
    expect(result.success ? [] : fieldErrors(result.error, value)).toEqual([]);
  });

  it.each(Object.entries(REJECTED))('rejects %s (%#)', (file, { schema, path, message }) => {
    const doc = example(file);
    const result = schema.safeParse(doc);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrors(result.error, doc)).toContainEqual({
        path,
        message: expect.stringMatching(message),
      });
    }
  });

  it('keeps unknown members (3.0 additions, "extension", the spec\'s "..." placeholders)', () => {
    const parsed = DiscoveryResponse.parse(example('discovery-response-with-extension.json'));
    expect(parsed.services[0]?.extension).toEqual({
      'com.example.clientConformance': 'http://hooks.example.org/fhir/102/Conformance/patientview',
    });
    expect(Action.parse(example('action-create.json')).resource).toHaveProperty('...');
  });

  it('names the missing patientId when the extension example (a fragment) is read as a patient-view call', () => {
    const doc = example('request-with-extension.json');
    const result = PatientViewRequest.safeParse(doc);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrors(result.error, doc)).toEqual([
        { path: 'context.patientId', message: 'context.patientId is required' },
      ]);
    }
  });
});

describe('the logical-model invariants (fhirpath) on the specification examples', () => {
  const responses = [
    'response-cards-links-smart-and-overrideReasons.json',
    'response-empty-cards.json',
    'response-card-autolaunchable-link.json',
    'response-systemActions.json',
  ];
  it.each(responses)('%s passes every error-level card invariant', (file) => {
    expect(violations(example(file), 'response').filter((v) => v.severity === 'error')).toEqual([]);
  });

  it('the NONCONFORMANT legacy card fails cds-resp-6', () => {
    const keys = violations(
      example('legacy-cheatsheet-card-with-suggestions-NONCONFORMANT.json'),
      'response',
    ).map((v) => v.key);
    expect(keys).toContain('cds-resp-6');
  });

  it.each([
    'feedback-accepted.json',
    'feedback-overridden-no-reason.json',
    'feedback-overridden-with-reason.json',
  ])('%s passes the feedback invariants', (file) => {
    expect(violations(example(file), 'feedback')).toEqual([]);
  });

  it('the patient-view request passes cds-r-1 and ord-1', () => {
    expect(violations(example('request-patient-view-with-prefetch.json'), 'request')).toEqual([]);
  });
});

describe('schema rules the examples do not show', () => {
  const card = { summary: 'A card', indicator: 'info', source: { label: 'Frontline' } };

  it.each([
    [{ ...card, summary: 'x'.repeat(140) }, 'summary', /fewer than 140/],
    [{ ...card, indicator: 'hard-stop' }, 'indicator', /"info", "warning", "critical"/],
    [{ ...card, source: {} }, 'source.label', /required/],
    [{ ...card, links: [{ label: 'l', url: '/relative', type: 'absolute' }] }, 'links.0.url', /absolute/],
    [
      { ...card, links: [{ label: 'l', url: 'https://x.org', type: 'absolute', appContext: '{}' }] },
      'links.0.appContext',
      /smart/,
    ],
    [{ ...card, overrideReasons: [{ code: 'c', system: 'urn:x' }] }, 'overrideReasons.0.display', /required/],
    [{ ...card, suggestions: [{ label: 's' }] }, 'selectionBehavior', /required/],
    [
      {
        ...card,
        selectionBehavior: 'at-most-one',
        suggestions: [
          { label: 'a', isRecommended: true },
          { label: 'b', isRecommended: true },
        ],
      },
      'suggestions',
      /at most one/,
    ],
    [{ ...card, links: [] }, 'links', /too small|>=1/i],
  ])('rejects card %# naming %s', (value, path, message) => {
    const result = CdsResponse.safeParse({ cards: [value] });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrors(result.error, { cards: [value] })).toContainEqual({
        path: `cards.0.${path}`,
        message: expect.stringMatching(message),
      });
    }
  });

  it('counts the summary in characters, not UTF-16 units: 139 emoji pass', () => {
    expect(CdsResponse.safeParse({ cards: [{ ...card, summary: '🩸'.repeat(139) }] }).success).toBe(true);
  });

  it('requires fhirServer with fhirAuthorization (cds-r-1) and a UUID hookInstance', () => {
    const doc = {
      ...(example('request-patient-view-with-prefetch.json') as Json),
      fhirServer: undefined,
      hookInstance: 'abc',
    };
    const result = PatientViewRequest.safeParse(doc);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(
        fieldErrors(result.error, doc)
          .map((e) => e.path)
          .sort(),
      ).toEqual(['fhirServer', 'hookInstance']);
    }
  });

  it.each([
    [{ card: 'c', outcome: 'accepted', outcomeTimestamp: '2021-12-11T10:05:31Z' }, 'acceptedSuggestions'],
    [{ card: 'c', outcome: 'ignored', outcomeTimestamp: '2021-12-11T10:05:31Z' }, 'outcome'],
    [{ card: 'c', outcome: 'overridden', outcomeTimestamp: 'yesterday' }, 'outcomeTimestamp'],
    [
      { card: 'c', outcome: 'overridden', overrideReason: {}, outcomeTimestamp: '2021-12-11T10:05:31Z' },
      'overrideReason',
    ],
  ])('rejects feedback %# naming %s', (entry, path) => {
    const body = { feedback: [entry] };
    const result = FeedbackRequest.safeParse(body);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrors(result.error, body).map((e) => e.path)).toContain(`feedback.0.${path}`);
    }
  });
});
