/**
 * A counting semaphore: at most `max` holders; the rest wait in order, each until a slot frees or its signal aborts.
 * @module
 */

interface Waiter {
  readonly grant: () => void;
  readonly signal: AbortSignal;
}

/** Caps concurrent work (FHIR reads in flight across all CDS calls). */
export class Limiter {
  #held = 0;
  readonly #waiting: Waiter[] = [];

  constructor(readonly max: number) {}

  /** How many slots are held now. */
  get held(): number {
    return this.#held;
  }

  /** Waits for a slot; returns its release, or `undefined` when `signal` aborted first. */
  acquire(signal: AbortSignal): Promise<(() => void) | undefined> {
    if (signal.aborted) {
      return Promise.resolve(undefined);
    }
    if (this.#held < this.max) {
      this.#held++;
      return Promise.resolve(this.#releaser());
    }
    return new Promise((resolve) => {
      const onAbort = (): void => {
        const i = this.#waiting.indexOf(waiter);
        if (i >= 0) {
          this.#waiting.splice(i, 1);
        }
        resolve(undefined);
      };
      const waiter: Waiter = {
        signal,
        grant: () => {
          signal.removeEventListener('abort', onAbort);
          this.#held++;
          resolve(this.#releaser());
        },
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(waiter);
    });
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      this.#held--;
      this.#waiting.shift()?.grant();
    };
  }
}
