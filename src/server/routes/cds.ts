/**
 * CDS Hooks 2.0.1 routes: discovery, service calls (with the audit row, written behind), feedback (answered after
 * its write is durable). Errors are FHIR OperationOutcomes.
 * @module
 */
import type { Context, Hono } from 'hono';
import {
  type CallResult,
  callService,
  discovery,
  FeedbackRequest,
  fieldErrors,
  findService,
  type ServiceDefinition,
} from '../../cds-hooks/index.js';
import { readJson } from '../body.js';
import { type Env, route, type ServerContext } from '../context.js';
import { feedbackRecords } from '../feedback.js';
import { statusOfIssues } from '../outcome.js';
import { issues, json, problem, type Reply } from '../reply.js';
import { LAUNCH_PATH } from '../smart-launch.js';
import { type CallAudit, describeError } from '../store/records.js';

function unknownService(id: string): Reply {
  return problem('request.not-found', `no CDS service "${id}"; see GET /cds-services`, true, 'id');
}

/** Feedback on cards this service never issued: one issue per entry, naming it; nothing was stored. */
function unknownCards(entries: readonly { readonly card: string }[], unknown: readonly string[]): Reply {
  const set = new Set(unknown);
  const list = entries.flatMap((e, i) =>
    set.has(e.card)
      ? [
          {
            code: 'feedback.unknown-card' as const,
            severity: 'error' as const,
            path: `feedback.${i}.card`,
            message: `card "${e.card.slice(0, 64)}" was not issued by this service (or its audit row has expired); nothing in this request was stored`,
          },
        ]
      : [],
  );
  return issues(list.slice(0, 20), true);
}

function audit(
  ctx: ServerContext,
  service: ServiceDefinition,
  at: Date,
  result: CallResult,
  ms: number,
  iss: string | undefined,
): CallAudit {
  const base = {
    at: at.toISOString(),
    service: service.id,
    kbVersion: ctx.kb.kb.version,
    latencyMs: ms,
    iss,
  };
  if (!result.ok) {
    return {
      ...base,
      hookInstance: result.hookInstance,
      status: statusOfIssues(result.issues),
      outcome: result.issues[0]?.code ?? 'internal',
      optionIds: [],
      fetched: false,
      cards: [],
    };
  }
  return {
    ...base,
    hookInstance: result.hookInstance,
    status: 200,
    outcome: result.outcome,
    optionIds: result.optionIds,
    fetched: result.fetched,
    cards: result.rendered.flatMap((r) =>
      r.card.uuid === undefined
        ? []
        : [{ uuid: r.card.uuid, kind: r.kind, subject: r.subject, indicator: r.card.indicator }],
    ),
  };
}

async function call(ctx: ServerContext, c: Context<Env>): Promise<Reply> {
  const service = findService(c.req.param('id') ?? '');
  if (service === undefined) {
    return unknownService(c.req.param('id') ?? '');
  }
  const at = ctx.now();
  const t0 = performance.now();
  const body = await readJson(c, true);
  const result: CallResult = body.ok
    ? await callService(service, body.json, {
        kb: ctx.kb,
        recommend: ctx.recommend,
        cards: {
          baseUrl: ctx.baseUrl(c),
          newId: ctx.newId,
          smartLaunchUrl: ctx.smart === undefined ? undefined : `${ctx.baseUrl(c)}${LAUNCH_PATH}`,
        },
        openFhir: ctx.fhirAccess?.(c.get('iss')),
        fhirDeadlineMs: ctx.fhirDeadlineMs,
      })
    : { ok: false, issues: body.reply.kind === 'issues' ? body.reply.issues : [] };
  const ms = Number((performance.now() - t0).toFixed(3));
  // Write-behind: the row (with the uuids of the cards issued) is group-committed within milliseconds; the clinician
  // does not wait for the store. If it fails, the clinician still has the cards (feedback on them will be refused as
  // unknown) and the operator learns of it, with the database's error code.
  ctx.store.recordCall(audit(ctx, service, at, result, ms, c.get('iss'))).catch((error: unknown) => {
    ctx.log({ level: 'error', msg: 'audit write failed', service: service.id, error: describeError(error) });
  });
  if (!body.ok) {
    return body.reply;
  }
  return result.ok ? json(result.response) : issues(result.issues, true);
}

async function feedback(ctx: ServerContext, c: Context<Env>): Promise<Reply> {
  const service = findService(c.req.param('id') ?? '');
  if (service === undefined) {
    return unknownService(c.req.param('id') ?? '');
  }
  const body = await readJson(c, true);
  if (!body.ok) {
    return body.reply;
  }
  const parsed = FeedbackRequest.safeParse(body.json);
  if (!parsed.success) {
    const list = fieldErrors(parsed.error, body.json).map((e) => ({
      code: 'request.invalid' as const,
      severity: 'error' as const,
      path: e.path,
      message: e.message,
    }));
    return issues(list, true);
  }
  try {
    // Acknowledged only once its own transaction is on disk.
    const written = await ctx.store.recordFeedback(
      feedbackRecords(service.id, parsed.data.feedback, ctx.now().toISOString()),
    );
    if ('unknownCards' in written) {
      return unknownCards(parsed.data.feedback, written.unknownCards);
    }
    return json(written);
  } catch (error) {
    ctx.log({
      level: 'error',
      msg: 'feedback write failed',
      service: service.id,
      error: describeError(error),
    });
    return problem(
      'store.unavailable',
      'the feedback could not be stored; nothing was acknowledged, please retry',
      true,
    );
  }
}

/** Registers the CDS Hooks routes. */
export function registerCds(app: Hono<Env>, ctx: ServerContext): void {
  app.get(
    '/cds-services',
    route('/cds-services', () => json(discovery())),
  );
  app.post(
    '/cds-services/:id',
    route('/cds-services/:id', (c) => call(ctx, c)),
  );
  app.post(
    '/cds-services/:id/feedback',
    route('/cds-services/:id/feedback', (c) => feedback(ctx, c)),
  );
}
