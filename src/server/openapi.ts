/**
 * The OpenAPI 3.1 document, generated from the zod schemas that validate and describe the payloads (no payload
 * shape is written by hand here: only paths, parameters and which schema goes where).
 * @module
 */
import { z } from 'zod';
import {
  CdsResponse,
  DiscoveryResponse,
  FeedbackRequest,
  OrderSelectRequest,
  PatientViewRequest,
} from '../cds-hooks/index.js';
import { Agent, Criterion, Kb, Setting, Study, Trial } from '../kb/index.js';
import { ProfileInput } from '../profile/index.js';
import { RecommendationResult, TraceNode } from './schemas/decision.js';
import { ErrorBody, OperationOutcome } from './schemas/errors.js';
import { AgentsResponse, FeedbackAck, Health, StudiesResponse, TrialsResponse } from './schemas/responses.js';
import { SmartLaunchResponse } from './schemas/smart-launch.js';

const FhirBundle = z
  .looseObject({
    resourceType: z.literal('Bundle'),
    type: z.string().optional(),
    entry: z.array(z.unknown()).optional(),
  })
  .describe(
    'a FHIR R4 Bundle (collection, searchset, …) holding Patient, Condition, Observation, MedicationRequest',
  );

const COMPONENTS: Readonly<Record<string, z.ZodType>> = {
  Profile: ProfileInput,
  FhirBundle,
  RecommendationResult,
  TraceNode,
  Criterion,
  Study,
  Agent,
  Trial,
  Kb,
  StudiesResponse,
  AgentsResponse,
  TrialsResponse,
  Health,
  SmartLaunchResponse,
  ErrorBody,
  OperationOutcome,
  DiscoveryResponse,
  PatientViewRequest,
  OrderSelectRequest,
  CdsResponse,
  FeedbackRequest,
  FeedbackAck,
};

type Json = Record<string, unknown>;

function componentSchemas(): Json {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) {
    registry.add(schema, { id });
  }
  const out = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    io: 'output',
    unrepresentable: 'any',
  });
  const schemas: Json = {};
  for (const [id, schema] of Object.entries(out.schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema as Json;
    schemas[id] = rest;
  }
  // Anonymous shared definitions (if any) become components of their own.
  const shared = schemas.__shared as { $defs?: Json } | undefined;
  delete schemas.__shared;
  Object.assign(schemas, shared?.$defs ?? {});
  return JSON.parse(
    JSON.stringify(schemas).replaceAll('#/components/schemas/__shared#/$defs/', '#/components/schemas/'),
  ) as Json;
}

const ref = (id: string): Json => ({ $ref: `#/components/schemas/${id}` });

/** Example requests: the PRODUCT.md profile, and MRD given as the bare fraction the links use. */
const PROFILE_EXAMPLES: Json = {
  adult: {
    summary: 'Ph-negative B-ALL, age 45, CD20 30%, MRD 0.1% (the PRODUCT.md example)',
    value: { lineage: 'B', age: 45, ph: 'negative', cd20Percent: 30, mrd: { value: 0.001 } },
  },
  olderBareMrd: {
    summary: 'Ph-negative B-ALL, age 62, MRD as a bare fraction',
    value: { lineage: 'B', age: 62, ph: 'negative', mrd: 0.0001 },
  },
};
const content = (id: string, type = 'application/json'): Json => ({
  content: { [type]: { schema: ref(id) } },
});
const error = (description: string, id = 'ErrorBody'): Json => ({
  description,
  ...content(id, id === 'OperationOutcome' ? 'application/fhir+json' : 'application/json'),
});
const ok = (id: string, description = 'OK'): Json => ({ description, ...content(id) });

function restPaths(): Json {
  return {
    '/api/health': {
      get: {
        operationId: 'getHealth',
        summary: 'Liveness, KB version, store state',
        responses: { 200: ok('Health'), 503: ok('Health', 'store unavailable') },
      },
    },
    '/api/smart-launch': {
      get: {
        operationId: 'getSmartLaunch',
        summary: 'SMART App Launch settings for the web app (client id, scopes, redirect path, accepted iss)',
        responses: { 200: ok('SmartLaunchResponse') },
      },
    },
    '/api/openapi.json': {
      get: {
        operationId: 'getOpenApi',
        summary: 'This document',
        responses: { 200: { description: 'OpenAPI 3.1' } },
      },
    },
    '/api/recommendations': {
      post: {
        operationId: 'recommend',
        summary: 'Options for one patient: a profile, or a FHIR R4 Bundle mapped to one',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { oneOf: [ref('Profile'), ref('FhirBundle')] },
              examples: PROFILE_EXAMPLES,
            },
            'application/fhir+json': { schema: ref('FhirBundle') },
          },
        },
        responses: {
          200: ok('RecommendationResult'),
          400: {
            description: 'every bad field, with its path (an OperationOutcome when a Bundle was sent)',
            content: {
              'application/json': { schema: ref('ErrorBody') },
              'application/fhir+json': { schema: ref('OperationOutcome') },
            },
          },
          413: error('body too large'),
          415: error('not JSON'),
        },
      },
    },
    '/api/studies': {
      get: {
        operationId: 'listStudies',
        summary: 'Studies, optionally filtered',
        parameters: [
          {
            name: 'agent',
            in: 'query',
            required: false,
            schema: { type: 'string' },
            description: 'agent id, name, alias or brand',
          },
          {
            name: 'setting',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: Setting.options },
          },
        ],
        responses: { 200: ok('StudiesResponse'), 400: error('unknown agent, setting or parameter') },
      },
    },
    '/api/studies/{id}': {
      get: {
        operationId: 'getStudy',
        summary: 'One study with every outcome and its quote',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: { type: 'string' },
            description: 'study id, name or alias',
            example: 'e1910',
          },
        ],
        responses: { 200: ok('Study'), 404: error('no such study (the message suggests close ids)') },
      },
    },
    '/api/agents': {
      get: {
        operationId: 'listAgents',
        summary: 'Agents and their approvals',
        responses: { 200: ok('AgentsResponse') },
      },
    },
    '/api/trials': {
      get: {
        operationId: 'listTrials',
        summary: 'NCT trials named in the review',
        responses: { 200: ok('TrialsResponse') },
      },
    },
    '/api/kb': {
      get: {
        operationId: 'getKb',
        summary: 'The whole knowledge base (the export contract), with the review’s reference list',
        responses: { 200: ok('Kb') },
      },
    },
  };
}

function cdsPaths(): Json {
  const security = [{}, { cdsClientJwt: [] }];
  const serviceId = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
  return {
    '/cds-services': {
      get: {
        operationId: 'cdsDiscovery',
        summary: 'CDS Hooks 2.0.1 discovery',
        security,
        responses: {
          200: ok('DiscoveryResponse'),
          401: { description: 'JWT required and missing or invalid' },
        },
      },
    },
    '/cds-services/{id}': {
      post: {
        operationId: 'cdsCall',
        summary: 'Call a CDS Service (patient-view, order-select or order-sign)',
        security,
        parameters: [serviceId],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { oneOf: [ref('PatientViewRequest'), ref('OrderSelectRequest')] } },
          },
        },
        responses: {
          200: ok('CdsResponse'),
          400: error('invalid request, every bad member named', 'OperationOutcome'),
          401: { description: 'JWT required and missing or invalid (no detail given)' },
          404: error('unknown service', 'OperationOutcome'),
          412: error('prefetch missing and the FHIR server could not be used', 'OperationOutcome'),
          413: error('body too large', 'OperationOutcome'),
          415: error('not JSON', 'OperationOutcome'),
        },
      },
    },
    '/cds-services/{id}/feedback': {
      post: {
        operationId: 'cdsFeedback',
        summary: 'Feedback on cards; answered after the write is on disk',
        security,
        parameters: [serviceId],
        requestBody: { required: true, content: { 'application/json': { schema: ref('FeedbackRequest') } } },
        responses: {
          200: ok('FeedbackAck'),
          400: error('invalid feedback', 'OperationOutcome'),
          401: { description: 'JWT required and missing or invalid' },
          404: error('unknown service', 'OperationOutcome'),
          422: error('a card this service did not issue; nothing stored', 'OperationOutcome'),
          503: error('store unavailable; retry after the Retry-After seconds', 'OperationOutcome'),
        },
      },
    },
  };
}

/**
 * Builds the OpenAPI 3.1 document.
 * @param kbVersion - shown in `info`
 */
export function openApiDocument(kbVersion: string): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Frontline',
      version: '0.1.0',
      summary:
        'Immunotherapy options for frontline ALL, from Dias & Litzow’s review. Decision support, not a substitute for clinical judgment.',
      description: `Knowledge base ${kbVersion}. REST API and a CDS Hooks 2.0.1 service on FHIR R4 / mCODE.`,
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [
      { url: '/', description: 'this Frontline server (the document is served by the API it describes)' },
    ],
    paths: { ...restPaths(), ...cdsPaths() },
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        cdsClientJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'CDS Hooks 2.0.1 §"Trusting CDS Clients" (only when trusted issuers are configured)',
        },
      },
    },
  };
}
