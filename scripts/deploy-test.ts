// `npm run deploy-test`: the real deployment of docs/deployment.md on loopback. PostgreSQL (Debian's package, a
// private cluster), three `frontline serve` instances on it with JWT checking on, nginx (Debian's package) in front
// with deploy/nginx/frontline.conf. Under a bounded load of CDS calls, feedback posts and replayed tokens, one
// instance is SIGKILLed and later restarted. Checks, and prints with their counts:
// - every acknowledged (200) feedback record is in the database;
// - no replayed `jti` is ever accepted (each replay sent to whichever instance nginx picks, before and after the kill);
// - every failed request was in flight on the killed instance when it died (nginx's log names the instance);
// - the survivors keep answering while it is down, and the restarted instance answers again.
// `--keep` leaves the temporary folder (nginx's access and error logs, each instance's log) for a post-mortem.
// Skips (exit 0, one line saying why) where PostgreSQL or nginx is missing, unless FRONTLINE_REQUIRE_DEPLOY_TEST=1.
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import pg from 'pg';
import { ensureBuilt } from '../bench/machine.js';
import { patientViewBodies } from '../bench/patients.js';
import { type ServerChild, startServerChild, stopServerChild } from '../bench/server.js';
import { hasNginx, NGINX, startNginx } from '../test/support/nginx.js';
import { freePort, hasPostgres, PG_BIN, startPostgres } from '../test/support/postgres.js';

const { values } = parseArgs({
  options: {
    instances: { type: 'string' },
    concurrency: { type: 'string' },
    phase: { type: 'string' },
    keep: { type: 'boolean' },
  },
});
const INSTANCES = Number(values.instances ?? 3);
const CONCURRENCY = Number(values.concurrency ?? 16);
/** Requests answered in each phase: before the kill, while one instance is down, after its restart. */
const PHASE = Number(values.phase ?? 400);
const ISS = 'https://ehr.deploy-test.example';

const missing = [
  ...(hasPostgres() ? [] : [`PostgreSQL server binaries (${PG_BIN})`]),
  ...(hasNginx() ? [] : [`nginx (${NGINX})`]),
];
if (missing.length > 0) {
  const line = `deploy-test: skipped: ${missing.join(' and ')} not installed (apt-get install postgresql-15 nginx-light)`;
  if (process.env.FRONTLINE_REQUIRE_DEPLOY_TEST === '1') {
    process.stderr.write(`${line.replace('skipped', 'FAILED')}; FRONTLINE_REQUIRE_DEPLOY_TEST=1\n`);
    process.exit(1);
  }
  process.stdout.write(`${line}\n`);
  process.exit(0);
}

type Kind = 'call' | 'feedback' | 'replay';
interface Outcome {
  readonly rid: string;
  readonly kind: Kind;
  readonly status: number; // 0: network error
  readonly phase: number;
  readonly at: number;
}

ensureBuilt();
const dir = mkdtempSync(join(tmpdir(), 'frontline-deploy-'));
chmodSync(dir, 0o755); // nginx's workers (nobody, when started as root) write their temporary files here
const cleanups: (() => Promise<void>)[] = [];
let exitCode = 0;
try {
  const pgCluster = await startPostgres();
  cleanups.push(() => pgCluster.destroy());
  const keys = await generateKeyPair('ES384', { extractable: true });
  const jwks = { keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'ES384' }] };
  const trustFile = join(dir, 'trusted-issuers.json');
  writeFileSync(trustFile, JSON.stringify({ issuers: [{ iss: ISS, jwks }] }));

  const ports = await Promise.all(Array.from({ length: INSTANCES }, () => freePort()));
  const lbPort = await freePort();
  const publicUrl = `http://127.0.0.1:${lbPort}`;
  const env = { FRONTLINE_TRUSTED_ISSUERS: trustFile, FRONTLINE_PUBLIC_URL: publicUrl };
  const start = (i: number): Promise<ServerChild> =>
    startServerChild(pgCluster.url, join(dir, `instance-${i}.log`), env, ports[i]);
  const servers: ServerChild[] = [];
  // Started together: the migrations run once, under the advisory lock.
  servers.push(...(await Promise.all(ports.map((_, i) => start(i)))));
  cleanups.push(async () => {
    await Promise.all(servers.map((s) => stopServerChild(s)));
  });
  const lb = await startNginx(dir, lbPort, ports);
  cleanups.push(() => lb.stop());
  process.stderr.write(
    `deploy-test: PostgreSQL on ${pgCluster.port}, ${INSTANCES} instances on ${ports.join(', ')}, nginx on ${lbPort}\n`,
  );

  const sign = (path: string): Promise<string> =>
    new SignJWT({ iss: ISS, aud: `${publicUrl}${path}`, jti: randomUUID() })
      .setProtectedHeader({ alg: 'ES384', typ: 'JWT', kid: 'k1' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(keys.privateKey);

  const bodies = patientViewBodies(200);
  const outcomes: Outcome[] = [];
  /** Cards answered, with when: feedback goes to cards answered at least a second earlier (write-behind). */
  const cards: { uuid: string; at: number }[] = [];
  const acknowledged: { card: string; ts: string }[] = [];
  const accepted: { token: string; path: string }[] = [];
  let phase = 0;
  let seq = 0;

  const send = async (
    kind: Kind,
    path: string,
    init: RequestInit,
    token: string,
  ): Promise<Response | undefined> => {
    const rid = randomUUID();
    const at = Date.now();
    const p = phase;
    try {
      const res = await fetch(`${lb.url}${path}`, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string>),
          authorization: `Bearer ${token}`,
          'x-request-id': rid,
        },
      });
      outcomes.push({ rid, kind, status: res.status, phase: p, at });
      if (res.ok && kind !== 'replay') {
        accepted.push({ token, path });
      }
      return res;
    } catch {
      outcomes.push({ rid, kind, status: 0, phase: p, at });
      return undefined;
    }
  };

  const replayInit = (path: string): RequestInit =>
    path === '/cds-services'
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };

  /** Sends again a token that was accepted earlier (to whichever instance nginx picks). */
  const replay = async (n: number): Promise<void> => {
    const old = accepted[(n * 7919) % accepted.length];
    if (old !== undefined) {
      const res = await send('replay', old.path, replayInit(old.path), old.token);
      await res?.arrayBuffer();
    }
  };

  /** Feedback on a card answered at least a second ago (the card's row is written behind the answer). */
  const feedback = async (n: number, ready: readonly { uuid: string }[]): Promise<void> => {
    const card = ready[(n * 104729) % ready.length]?.uuid ?? '';
    const ts = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
    const path = '/cds-services/frontline-all/feedback';
    const body = JSON.stringify({ feedback: [{ card, outcome: 'overridden', outcomeTimestamp: ts }] });
    const res = await send(
      'feedback',
      path,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body },
      await sign(path),
    );
    if (res?.status === 200) {
      acknowledged.push({ card, ts });
    }
    await res?.arrayBuffer();
  };

  const call = async (n: number): Promise<void> => {
    const path = '/cds-services/frontline-all';
    const res = await send(
      'call',
      path,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: bodies[n % bodies.length] ?? '{}',
      },
      await sign(path),
    );
    if (res?.status !== 200) {
      await res?.arrayBuffer();
      return;
    }
    const doc = (await res.json()) as { cards?: { uuid?: string }[] };
    const at = Date.now();
    for (const c of doc.cards ?? []) {
      if (c.uuid !== undefined) {
        cards.push({ uuid: c.uuid, at });
      }
    }
  };

  const step = async (): Promise<void> => {
    const n = seq++;
    const ready = cards.filter((c) => Date.now() - c.at > 1000);
    if (n % 10 === 9 && accepted.length > 0) {
      await replay(n);
    } else if (n % 3 === 2 && ready.length > 0) {
      await feedback(n, ready);
    } else {
      await call(n);
    }
  };

  /** Runs the load until `count` more requests have been answered (any status). */
  const load = async (count: number): Promise<void> => {
    const target = outcomes.length + count;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (outcomes.length < target) {
          await step();
        }
      }),
    );
  };

  // Phase 0: all instances up. Phase 1: instance 1 SIGKILLed while requests are in flight on it.
  await load(PHASE);
  const victim = 1 % INSTANCES;
  const victimPort = ports[victim] ?? 0;
  phase = 1;
  const killedAt = Date.now();
  const during = load(PHASE);
  servers[victim]?.child.kill('SIGKILL');
  const exit = await servers[victim]?.exited;
  await during;
  // Phase 2: restarted on the same port; nginx sends it traffic again once its fail_timeout has passed.
  phase = 2;
  const restarted = await start(victim);
  servers[victim] = restarted;
  const restartedAt = Date.now();
  await load(PHASE);
  // nginx retries the restarted instance once its fail_timeout has passed after the last failure; keep the load on
  // (in small steps, read from nginx's log) until it has answered, within a bound, rather than guess how long that is.
  const victimAddr = `127.0.0.1:${victimPort}`;
  const answeredByVictimSince = (since: number): number =>
    readFileSync(lb.accessLog, 'utf8')
      .split('\n')
      .filter((line) => {
        const msec = Number(line.split(' ', 1)[0]) * 1000;
        const up = /upstream=(.*?) upstream_status=/.exec(line)?.[1] ?? '';
        return msec >= since && / 200 /.test(line) && up.split(',').at(-1)?.trim() === victimAddr;
      }).length;
  while (answeredByVictimSince(restartedAt) < 20 && Date.now() - restartedAt < 30_000) {
    await load(50);
  }
  // Replays of every token accepted so far, one each, to whichever instance nginx picks (all three are up).
  phase = 3;
  const replaysAfter = accepted.slice(0, 300);
  for (const r of replaysAfter) {
    const res = await send('replay', r.path, replayInit(r.path), r.token);
    await res?.arrayBuffer();
  }
  await lb.stop();
  cleanups.pop();

  // nginx's log: which instance each request went to, by request id.
  const upstreamOf = new Map<string, string>();
  for (const line of readFileSync(lb.accessLog, 'utf8').split('\n')) {
    const rid = /rid=(\S+)/.exec(line)?.[1];
    const up = /upstream=(.*?) upstream_status=/.exec(line)?.[1];
    if (rid !== undefined && up !== undefined) {
      upstreamOf.set(rid, up);
    }
  }
  const lastUpstream = (rid: string): string => (upstreamOf.get(rid) ?? '').split(',').at(-1)?.trim() ?? '';

  const replays = outcomes.filter((o) => o.kind === 'replay');
  const replaysAccepted = replays.filter((o) => o.status >= 200 && o.status < 300);
  const failures = outcomes.filter((o) => o.kind !== 'replay' && (o.status === 0 || o.status >= 500));
  const failuresOffVictim = failures.filter((o) => lastUpstream(o.rid) !== victimAddr);
  const unknownCard = outcomes.filter((o) => o.kind === 'feedback' && o.status === 422);
  const other4xx = outcomes.filter(
    (o) => o.kind !== 'replay' && o.status >= 400 && o.status < 500 && o.status !== 422,
  );
  const survivorsDuringOutage = outcomes.filter(
    (o) => o.phase === 1 && o.status === 200 && o.at > killedAt && lastUpstream(o.rid) !== victimAddr,
  ).length;
  const restartedAnswered = outcomes.filter(
    (o) => o.phase >= 2 && o.status === 200 && lastUpstream(o.rid) === victimAddr,
  ).length;

  // Every acknowledged feedback record is in PostgreSQL.
  const client = new pg.Client({ connectionString: pgCluster.url });
  await client.connect();
  const { rows } = await client.query<{ card_uuid: string; outcome_timestamp: string }>(
    'SELECT card_uuid, outcome_timestamp FROM feedback',
  );
  const stored = new Set(rows.map((r) => `${r.card_uuid} ${r.outcome_timestamp}`));
  const lost = acknowledged.filter((a) => !stored.has(`${a.card} ${a.ts}`));
  const { rows: cardRows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM cds_card');
  const { rows: jtiRows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM jwt_jti');
  await client.end();

  const perPhase = [0, 1, 2, 3].map((p) => {
    const list = outcomes.filter((o) => o.phase === p);
    return {
      phase: ['all up', 'one killed', 'restarted', 'replays'][p],
      requests: list.length,
      ok: list.filter((o) => o.status === 200).length,
    };
  });
  const summary = {
    instances: INSTANCES,
    concurrency: CONCURRENCY,
    killed: {
      instance: victim,
      port: victimPort,
      exit: exit?.signal ?? exit?.code,
      restartedAfterMs: restartedAt - killedAt,
    },
    requests: outcomes.length,
    perPhase,
    calls: outcomes.filter((o) => o.kind === 'call').length,
    feedbackPosted: outcomes.filter((o) => o.kind === 'feedback').length,
    feedbackAcknowledged: acknowledged.length,
    feedbackAcknowledgedMissing: lost.length,
    feedbackRefusedUnknownCard: unknownCard.length,
    replaysSent: replays.length,
    replaysAccepted: replaysAccepted.length,
    failedRequests: failures.length,
    failedOnKilledInstance: failures.length - failuresOffVictim.length,
    failedElsewhere: failuresOffVictim.length,
    otherClientErrors: other4xx.length,
    survivorsAnsweredWhileDown: survivorsDuringOutage,
    restartedInstanceAnswered: restartedAnswered,
    cardsInDatabase: Number(cardRows[0]?.n ?? 0),
    jtiRowsInDatabase: Number(jtiRows[0]?.n ?? 0),
  };
  const problems = [
    ...(lost.length > 0
      ? [`${lost.length} acknowledged feedback records are missing from the database`]
      : []),
    ...(replaysAccepted.length > 0 ? [`${replaysAccepted.length} replayed tokens were accepted`] : []),
    ...(failuresOffVictim.length > 0
      ? [
          `${failuresOffVictim.length} requests failed on instances that were not killed: ${JSON.stringify(failuresOffVictim.slice(0, 5))}`,
        ]
      : []),
    ...(other4xx.length > 0
      ? [`${other4xx.length} unexpected 4xx answers: ${JSON.stringify(other4xx.slice(0, 5))}`]
      : []),
    ...(survivorsDuringOutage === 0 ? ['the surviving instances answered nothing while one was down'] : []),
    ...(restartedAnswered === 0 ? ['the restarted instance answered nothing'] : []),
    ...(unknownCard.length > failures.length + 20
      ? [
          `${unknownCard.length} feedback posts refused as unknown cards: more than the killed instance can explain`,
        ]
      : []),
  ];
  process.stdout.write(
    [
      `deploy-test: ${INSTANCES} instances behind nginx on PostgreSQL, ${CONCURRENCY} concurrent clients, ${outcomes.length} requests`,
      `killed instance ${victim} (port ${victimPort}) with SIGKILL mid-load; restarted it ${summary.killed.restartedAfterMs} ms later`,
      `failed requests: ${failures.length}, all in flight on the killed instance: ${failuresOffVictim.length === 0 ? 'yes' : 'NO'}`,
      `feedback: ${acknowledged.length} acknowledged, ${lost.length} of them missing from the database; ${unknownCard.length} refused as unknown cards`,
      `replayed tokens: ${replays.length} sent, ${replaysAccepted.length} accepted`,
      `survivors answered ${survivorsDuringOutage} requests while it was down; the restarted instance answered ${restartedAnswered}`,
      JSON.stringify(summary),
      problems.length === 0 ? 'deploy-test: PASS' : `deploy-test: FAIL\n- ${problems.join('\n- ')}`,
      '',
    ].join('\n'),
  );
  exitCode = problems.length === 0 ? 0 : 1;
} catch (error) {
  process.stderr.write(`deploy-test: error: ${error instanceof Error ? error.message : String(error)}\n`);
  exitCode = 1;
} finally {
  for (const c of cleanups.reverse()) {
    await c().catch(() => undefined);
  }
  if (values.keep === true) {
    process.stderr.write(`deploy-test: kept ${dir} (nginx's and each instance's logs)\n`);
  } else {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.exit(exitCode);
