// A Frontline app for tests: test knowledge base, test recommend, a store in a temporary folder, captured logs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recommend } from '../../src/api/recommend.js';
import { type AppOptions, createApp } from '../../src/server/app.js';
import type { LogLine } from '../../src/server/log.js';
import { openStore, type Store } from '../../src/server/store/store.js';
import { testKb } from './kb.js';

export interface TestApp {
  readonly app: ReturnType<typeof createApp>;
  readonly store: Store;
  readonly dbPath: string;
  readonly logs: LogLine[];
  cleanup(): void;
}

export function testApp(options: Partial<AppOptions> = {}): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-app-'));
  const dbPath = join(dir, 'frontline.db');
  const store = options.store ?? openStore(dbPath);
  const logs: LogLine[] = [];
  const app = createApp({
    kb: testKb(),
    recommend,
    store,
    log: (line) => logs.push(line),
    ...options,
  });
  return {
    app,
    store,
    dbPath,
    logs,
    cleanup() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Records a CDS call that issued these card uuids, as the service does when it answers: feedback is accepted only
 * for cards the service issued. Resolves once they are durable.
 */
export function issueCards(store: Store, uuids: readonly string[]): Promise<void> {
  return store.recordCall({
    at: new Date().toISOString(),
    service: 'frontline-all',
    kbVersion: 'test',
    status: 200,
    outcome: 'cards',
    optionIds: [],
    latencyMs: 0,
    fetched: false,
    cards: uuids.map((uuid) => ({ uuid, kind: 'option', subject: 'test', indicator: 'info' })),
  });
}

/** The card uuids a feedback document names. */
export function cardsIn(feedback: unknown): string[] {
  const list = (feedback as { feedback?: { card?: unknown }[] }).feedback ?? [];
  return list.flatMap((f) => (typeof f.card === 'string' ? [f.card] : []));
}

/** A JSON POST. */
export function post(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}
