// The store contract: the same tests run against SQLite (`store.test.ts`) and PostgreSQL (`postgres-store.int.test.ts`).
// A "second instance" is a second store opened on the same database, as a second Frontline process would.
import { describe, expect, it } from 'vitest';
import type { CallAudit, FeedbackRecord } from './records.js';
import type { Store } from './store.js';

/** What the contract needs from one implementation. */
export interface StoreHarness {
  /** A new, empty database; returns its `--db` value. */
  fresh(): Promise<string>;
  /** Opens a store (an instance) on it. */
  open(db: string, options?: { readonly retentionDays?: number }): Promise<Store>;
  /** Counts rows of a table, outside the store (as an operator would). */
  count(db: string, table: string, where?: string): Promise<number>;
}

export const callWith = (cards: readonly string[], overrides: Partial<CallAudit> = {}): CallAudit => ({
  at: new Date().toISOString(),
  service: 'frontline-all',
  hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
  kbVersion: 'kb-test',
  status: 200,
  outcome: 'cards',
  optionIds: ['x.y'],
  latencyMs: 1.5,
  fetched: false,
  cards: cards.map((uuid) => ({ uuid, kind: 'option', subject: 'x.y', indicator: 'info' })),
  ...overrides,
});

export const feedbackOn = (card: string, ts = '2021-12-11T10:05:31.000Z'): FeedbackRecord => ({
  service: 'frontline-all',
  card,
  outcome: 'overridden',
  outcomeTimestamp: ts,
  acceptedSuggestions: [],
  reason: { system: 'urn:x', code: 'c', display: 'd' },
  hasComment: true,
  receivedAt: '2026-01-01T00:00:00.000Z',
});

/** Now, in seconds: JWT ids carry real times (retention deletes ids that expired by the wall clock). */
const T = Math.floor(Date.now() / 1000);

/** Registers the contract's tests for one implementation. */
export function storeContract(name: string, h: StoreHarness): void {
  describe(`store contract: ${name}`, () => {
    it('keeps the audit row, its verified caller and its card uuids once recordCall resolves', async () => {
      const db = await h.fresh();
      const store = await h.open(db);
      await store.recordCall(callWith(['c-1', 'c-2'], { iss: 'https://ehr.example.org' }));
      expect(await h.count(db, 'cds_call', "iss = 'https://ehr.example.org'")).toBe(1);
      expect(await h.count(db, 'cds_card')).toBe(2);
      expect(await store.health()).toEqual({ state: 'ok' });
      await store.close();
    });

    it('stores feedback idempotently on card + outcome + timestamp, only for cards it issued', async () => {
      const db = await h.fresh();
      const store = await h.open(db);
      await store.recordCall(callWith(['a', 'b']));
      expect(await store.recordFeedback([feedbackOn('a'), feedbackOn('b')])).toEqual({
        stored: 2,
        duplicates: 0,
      });
      expect(
        await store.recordFeedback([feedbackOn('a'), feedbackOn('a', '2021-12-12T00:00:00.000Z')]),
      ).toEqual({ stored: 1, duplicates: 1 });
      expect(await store.recordFeedback([feedbackOn('a'), feedbackOn('invented')])).toEqual({
        unknownCards: ['invented'],
      });
      expect(await h.count(db, 'feedback')).toBe(3);
      await store.close();
    });

    it('accepts feedback on a card another instance issued', async () => {
      const db = await h.fresh();
      const one = await h.open(db);
      const two = await h.open(db);
      await one.recordCall(callWith(['from-one']));
      expect(await two.recordFeedback([feedbackOn('from-one')])).toEqual({ stored: 1, duplicates: 0 });
      expect(await one.recordFeedback([feedbackOn('from-one')])).toEqual({ stored: 0, duplicates: 1 });
      await one.close();
      await two.close();
    });

    // Two instances writing at once: audit rows on one, feedback on both, JWT ids on both. Every write must land
    // (a second instance waits for the first; it never fails because the other was writing).
    it('takes every write when two instances write at once', async () => {
      const db = await h.fresh();
      const one = await h.open(db);
      const two = await h.open(db);
      await one.recordCall(callWith(['seed']));
      const rounds = 200;
      for (let i = 0; i < rounds; i++) {
        const previous = i === 0 ? 'seed' : `card-${i - 1}`;
        const answers = await Promise.all([
          one.recordCall(callWith([`card-${i}`])),
          two.recordCall(callWith([`other-${i}`])),
          two.recordFeedback([feedbackOn(previous, '2021-12-11T10:05:31.000Z')]),
          one.recordFeedback([feedbackOn(previous, '2021-12-12T10:05:31.000Z')]),
          two.rememberJti('iss', `busy-${i}`, T + 300, T),
        ]);
        expect(answers.slice(2)).toEqual([{ stored: 1, duplicates: 0 }, { stored: 1, duplicates: 0 }, true]);
      }
      await one.close();
      await two.close();
      expect(await h.count(db, 'feedback')).toBe(2 * rounds);
      expect(await h.count(db, 'cds_call')).toBe(2 * rounds + 1);
    });

    it('records a jti once: a replay is refused, another issuer may use the same id', async () => {
      const db = await h.fresh();
      const store = await h.open(db);
      expect(await store.rememberJti('iss', 'j1', T + 300, T)).toBe(true);
      expect(await store.rememberJti('iss', 'j1', T + 300, T)).toBe(false);
      expect(await store.rememberJti('other', 'j1', T + 300, T)).toBe(true);
      expect(await h.count(db, 'jwt_jti')).toBe(2);
      await store.close();
    });

    it('shares replay protection between instances: the same jti to two instances at once is accepted once', async () => {
      const db = await h.fresh();
      const one = await h.open(db);
      const two = await h.open(db);
      for (let i = 0; i < 20; i++) {
        const answers = await Promise.all([
          one.rememberJti('iss', `race-${i}`, T + 300, T),
          two.rememberJti('iss', `race-${i}`, T + 300, T),
        ]);
        expect(answers.filter(Boolean)).toHaveLength(1);
      }
      await one.close();
      await two.close();
    });

    it('keeps a jti across a restart until it expires, then lets a new token reuse the id', async () => {
      const db = await h.fresh();
      const store = await h.open(db);
      expect(await store.rememberJti('iss', 'j1', T + 300, T)).toBe(true);
      await store.close();
      const again = await h.open(db);
      expect(await again.rememberJti('iss', 'j1', T + 300, T + 100)).toBe(false);
      expect(await again.rememberJti('iss', 'j1', T + 900, T + 600)).toBe(true);
      await again.close();
    });

    it('prunes audit rows (and their cards) older than the retention, keeping recent ones and feedback', async () => {
      const db = await h.fresh();
      const store = await h.open(db);
      const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
      await store.recordCall(callWith(['old-card'], { at: old }));
      await store.recordCall(callWith(['new-card']));
      await store.recordFeedback([feedbackOn('old-card')]);
      await store.close();
      // Retention runs when a store opens (or first writes) and then periodically.
      const again = await h.open(db, { retentionDays: 30 });
      await again.recordCall(callWith([]));
      await again.flush();
      await again.close();
      expect(
        await h.count(db, 'cds_call', `at < '${new Date(Date.now() - 30 * 86_400_000).toISOString()}'`),
      ).toBe(0);
      expect(await h.count(db, 'cds_card')).toBe(1);
      expect(await h.count(db, 'feedback')).toBe(1);
    });

    it('refuses writes after close', async () => {
      const db = await h.fresh();
      const store = await h.open(db);
      await store.close();
      await expect(store.recordFeedback([feedbackOn('late')])).rejects.toThrow(/closed/);
      await expect(store.rememberJti('iss', 'late', T + 300, T)).rejects.toThrow(/closed/);
      await expect(store.recordCall(callWith([]))).rejects.toThrow(/closed/);
      expect((await store.health()).state).toBe('unavailable');
    });
  });
}
