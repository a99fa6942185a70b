/**
 * The knowledge base for the evidence, trials and about views (`GET /api/kb`, fetched once per page).
 * @module
 */
import { useEffect, useState } from 'preact/hooks';
import { loadKb } from '../api.js';
import type { Kb } from '../contract.js';

export type KbState =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly kb: Kb }
  | { readonly status: 'error'; readonly message: string };

function useKbAfter(ready: boolean, idle: boolean): KbState {
  const [state, setState] = useState<KbState>({ status: 'loading' });
  useEffect(() => {
    if (!ready) {
      return;
    }
    let live = true;
    const load = (): void => {
      loadKb().then(
        (kb) => live && setState({ status: 'ok', kb }),
        (error: unknown) =>
          live &&
          setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
    };
    if (!idle) {
      load();
      return () => {
        live = false;
      };
    }
    const id =
      typeof window.requestIdleCallback === 'function'
        ? window.requestIdleCallback(load, { timeout: 3000 })
        : window.setTimeout(load, 500);
    return () => {
      live = false;
      if (typeof window.cancelIdleCallback === 'function') {
        window.cancelIdleCallback(id);
      } else {
        window.clearTimeout(id);
      }
    };
  }, [ready, idle]);
  return state;
}

/** The knowledge base, fetched now. */
export function useKb(): KbState {
  return useKbAfter(true, false);
}

/** The knowledge base, fetched once `ready` and the browser is idle, so it never delays a first answer. */
export function useKbWhenIdle(ready: boolean): KbState {
  return useKbAfter(ready, true);
}
