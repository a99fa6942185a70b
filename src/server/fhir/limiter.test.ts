import { describe, expect, it } from 'vitest';
import { Limiter } from './limiter.js';

describe('Limiter', () => {
  it('holds at most max slots; a waiter gets the next free one; an aborted waiter gets none', async () => {
    const limiter = new Limiter(2);
    const signal = new AbortController().signal;
    const a = await limiter.acquire(signal);
    const b = await limiter.acquire(signal);
    expect(limiter.held).toBe(2);
    const gone = new AbortController();
    const aborted = limiter.acquire(gone.signal);
    const waiting = limiter.acquire(signal);
    gone.abort();
    expect(await aborted).toBeUndefined();
    a?.();
    a?.(); // a second release of the same slot changes nothing
    const c = await waiting;
    expect(c).toBeTypeOf('function');
    expect(limiter.held).toBe(2);
    b?.();
    c?.();
    expect(limiter.held).toBe(0);
  });
});
