/**
 * The option an EHR card was about (its `smart` link's appContext): opened once the options are drawn, or said not
 * to apply to the record as read now.
 * @module
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RecommendedDecision } from '../contract.js';
import { openOptionCard } from './open-card.js';

/**
 * @param option - the option id the card named, if any
 * @param decision - the decision on screen, once there
 * @returns a sentence for the clinician about that option, once the decision is there
 */
export function useLaunchOption(
  option: string | undefined,
  decision: RecommendedDecision | undefined,
): string | undefined {
  const toOpen = useRef(option);
  const [note, setNote] = useState<string | undefined>(undefined);
  useEffect(() => {
    const id = toOpen.current;
    if (id === undefined || decision === undefined) {
      return;
    }
    toOpen.current = undefined;
    const found = [...decision.options, ...decision.pending].find((o) => o.id === id);
    if (found === undefined) {
      setNote(
        `The EHR card was about the option “${id}”, which does not apply to the record as read now; every option that does is shown.`,
      );
      return;
    }
    setNote(`Opened from the EHR card about: ${found.title}.`);
    requestAnimationFrame(() => openOptionCard(id));
  }, [decision]);
  return note;
}
