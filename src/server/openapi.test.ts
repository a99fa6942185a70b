import { describe, expect, it } from 'vitest';
import { parseProfile } from '../profile/index.js';
import { openApiDocument } from './openapi.js';

type Operation = { operationId?: string; security?: unknown };

describe('the OpenAPI document', () => {
  const doc = openApiDocument('kb-test') as {
    servers?: { url: string }[];
    paths: Record<string, Record<string, Operation>>;
    components: { securitySchemes?: Record<string, unknown> };
  };
  const operations = Object.values(doc.paths).flatMap((p) => Object.values(p));

  it('names its server, and every operation has a distinct operationId', () => {
    expect(doc.servers?.[0]?.url).toBe('/');
    const ids = operations.map((o) => o.operationId);
    expect(ids.every((id) => typeof id === 'string' && id !== '')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('declares the security scheme the CDS operations use', () => {
    expect(Object.keys(doc.components.securitySchemes ?? {})).toEqual(['cdsClientJwt']);
    expect(operations.filter((o) => o.security !== undefined).length).toBe(3);
  });

  it('gives example requests for the recommendations endpoint', () => {
    const post = doc.paths['/api/recommendations']?.post as unknown as {
      requestBody: { content: Record<string, { examples?: Record<string, { value: unknown }> }> };
    };
    const examples = post.requestBody.content['application/json']?.examples ?? {};
    expect(Object.keys(examples).length).toBeGreaterThan(0);
    for (const example of Object.values(examples)) {
      expect(parseProfile(example.value).ok).toBe(true);
    }
    expect(examples.adult?.value).toEqual({
      lineage: 'B',
      age: 45,
      ph: 'negative',
      cd20Percent: 30,
      mrd: { value: 0.001 },
    });
  });
});
