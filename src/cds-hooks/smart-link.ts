/**
 * The `smart` link of a card (CDS Hooks 2.0.1, §"Link"): the EHR launches the Frontline app through SMART App
 * Launch, and hands it `appContext`, which tells the app what to show (the option the card is about and the profile
 * Frontline computed, as the patient view's query string). No patient identifier is put in it.
 * @module
 */
import type { Decision } from '../engine/index.js';
import type { Link } from './card.js';
import { profileQuery } from './patient-link.js';

/** What the app reads from `appContext` (JSON). */
export interface FrontlineAppContext {
  /** The patient view's query string for the profile the cards came from (`lineage=B&age=45…`). */
  readonly profile: string;
  /** The option the card is about, if any. */
  readonly option?: string;
}

/**
 * @param launchUrl - the app's SMART launch URL (absolute), e.g. `https://frontline.example/launch`
 * @param decision - the decision the card renders
 * @param optionId - the option the card is about
 */
export function smartLink(launchUrl: string, decision: Decision, optionId?: string): Link {
  const appContext: FrontlineAppContext = {
    profile: profileQuery(decision.profile),
    ...(optionId === undefined ? {} : { option: optionId }),
  };
  return {
    label: 'Open Frontline in the EHR (SMART app)',
    url: launchUrl,
    type: 'smart',
    appContext: JSON.stringify(appContext),
  };
}
