/**
 * The REST API: `/api/health`, `/api/openapi.json`, `/api/recommendations`, `/api/studies[/{id}]`, `/api/agents`,
 * `/api/trials`, `/api/kb`. Handlers return replies; errors name every bad field.
 * @module
 */
import type { Hono } from 'hono';
import { exportJson, filterStudies, findStudy, suggestStudies } from '../../kb/index.js';
import { readJson } from '../body.js';
import { type Env, route, type ServerContext } from '../context.js';
import { openApiDocument } from '../openapi.js';
import { issues, json, problem, type Reply } from '../reply.js';
import { smartLaunchBody } from '../smart-launch.js';

const STUDY_QUERY = new Set(['agent', 'setting']);

function isFhirJson(body: unknown, contentType: string | undefined): boolean {
  return (
    /fhir\+json/i.test(contentType ?? '') ||
    (body !== null && typeof body === 'object' && 'resourceType' in body)
  );
}

function studies(ctx: ServerContext, query: Record<string, string>): Reply {
  const unknown = Object.keys(query).filter((k) => !STUDY_QUERY.has(k));
  if (unknown.length > 0) {
    return issues(
      unknown.map((k) => ({
        code: 'request.invalid' as const,
        severity: 'error' as const,
        path: `query.${k}`,
        message: `unknown query parameter "${k}"; allowed: agent, setting`,
      })),
      false,
    );
  }
  const kb = ctx.kb.kb;
  const result = filterStudies(kb, { agent: query.agent, setting: query.setting });
  if (!result.ok) {
    return problem('request.invalid', result.message, false, `query.${result.field}`);
  }
  return json({ kbVersion: kb.version, count: result.studies.length, studies: result.studies });
}

function study(ctx: ServerContext, id: string): Reply {
  const kb = ctx.kb.kb;
  const found = findStudy(kb, id);
  if (found !== undefined) {
    return json(found);
  }
  const close = suggestStudies(kb, id);
  const hint = close.length > 0 ? `; did you mean ${close.join(', ')}?` : '';
  return problem('request.not-found', `no study "${id}"${hint}`, false, 'id');
}

/** Registers the REST routes. */
export function registerApi(app: Hono<Env>, ctx: ServerContext): void {
  const kb = ctx.kb.kb;
  const openapi = openApiDocument(kb.version);
  app.get(
    '/api/health',
    route('/api/health', async () => {
      // The decisions need no store: a store that fails makes the instance degraded (503 for the load balancer's
      // eye, with the store's last error for the operator's), never unable to answer CDS calls.
      const health = await ctx.store.health();
      const body = {
        status: health.state === 'ok' ? 'ok' : 'degraded',
        kbVersion: kb.version,
        store: health.state,
        ...(health.error === undefined ? {} : { storeError: health.error }),
        ...(health.since === undefined ? {} : { storeErrorSince: health.since }),
        storeKind: ctx.store.kind,
        jwt: ctx.jwt === undefined ? 'off' : 'on',
      };
      return json(body, health.state === 'ok' ? 200 : 503);
    }),
  );
  const smartLaunch = smartLaunchBody(ctx.smart);
  app.get(
    '/api/smart-launch',
    route('/api/smart-launch', () => json(smartLaunch)),
  );
  app.get(
    '/api/openapi.json',
    route('/api/openapi.json', () => json(openapi)),
  );
  app.post(
    '/api/recommendations',
    route('/api/recommendations', async (c) => {
      const body = await readJson(c, /fhir\+json/i.test(c.req.header('content-type') ?? ''));
      if (!body.ok) {
        return body.reply;
      }
      const result = ctx.recommend(body.json, ctx.kb);
      if (!result.ok) {
        const list = result.errors.map((e) => ({
          code: 'profile.invalid' as const,
          severity: 'error' as const,
          path: e.path,
          message: e.message,
        }));
        return issues(list, isFhirJson(body.json, c.req.header('content-type')));
      }
      // The shared use case already adds what the FHIR mapping found (`fhir`) to the decision.
      return json(result.decision);
    }),
  );
  app.get(
    '/api/studies',
    route('/api/studies', (c) => studies(ctx, c.req.query())),
  );
  app.get(
    '/api/studies/:id',
    route('/api/studies/:id', (c) => study(ctx, c.req.param('id') ?? '')),
  );
  app.get(
    '/api/agents',
    route('/api/agents', () => json({ kbVersion: kb.version, count: kb.agents.length, agents: kb.agents })),
  );
  app.get(
    '/api/trials',
    route('/api/trials', () => json({ kbVersion: kb.version, count: kb.trials.length, trials: kb.trials })),
  );
  app.get(
    '/api/kb',
    route('/api/kb', () => json(exportJson(kb))),
  );
}
