// What the API answers, read in the tests from Node, so the browser is checked against the server's own decision.
import type { RecommendedDecision } from '../../src/api/recommend.js';
import type { Kb } from '../../src/kb/core.js';

export async function recommendVia(base: string, body: unknown, fhir = false): Promise<RecommendedDecision> {
  const res = await fetch(`${base}/api/recommendations`, {
    method: 'POST',
    headers: { 'content-type': fhir ? 'application/fhir+json' : 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    throw new Error(`POST /api/recommendations answered ${res.status}: ${await res.text()}`);
  }
  return (await res.json()) as RecommendedDecision;
}

export async function kbVia(base: string): Promise<Kb> {
  const res = await fetch(`${base}/api/kb`);
  return (await res.json()) as Kb;
}
