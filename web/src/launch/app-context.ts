/**
 * The `appContext` a CDS card's `smart` link carried (CDS Hooks 2.0.1, §"Link": the EHR hands it to the app in the
 * token response): `{"profile": "<patient view query>", "option": "<option id>"}` (`src/cds-hooks/smart-link.ts`).
 * The app opens the option it names; the profile is not used for the answer (the app reads the record itself, so
 * the options follow the chart as it is now, not as it was when the card was made).
 * @module
 */
import type { FrontlineAppContext } from '../contract.js';

const OPTION_ID = /^[a-z0-9][a-z0-9.-]{0,120}$/;

/**
 * The option to open, from the token response's `appContext` (a JSON string, or an object if the EHR parsed it).
 * @returns the option id, `undefined` when none is named, or `'unreadable'` when appContext is not what Frontline
 *   puts in its cards
 */
export function optionFromAppContext(raw: unknown): string | undefined | 'unreadable' {
  if (raw === undefined || raw === null || raw === '') {
    return undefined;
  }
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return 'unreadable';
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return 'unreadable';
  }
  const option = (value as Partial<Record<keyof FrontlineAppContext, unknown>>).option;
  if (option === undefined) {
    return undefined;
  }
  return typeof option === 'string' && OPTION_ID.test(option) ? option : 'unreadable';
}
