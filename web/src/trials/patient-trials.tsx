/**
 * The trials page for one patient (`/trials?lineage=B&age=62&ph=negative`, the patient view's query): the server's
 * decision for that profile, and the trials it names with their reasons, above the full list.
 * @module
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type RecommendResult, recommend } from '../api.js';
import type { Kb } from '../contract.js';
import { profileLine } from '../patient/profile-text.js';
import { TrialsForPatient } from '../patient/trials-for-patient.js';
import { profileBody } from '../patient/url.js';
import { hrefOf, Link } from '../router.js';

export function PatientTrials(props: {
  readonly kb: Kb;
  readonly query: URLSearchParams;
}): JSX.Element | null {
  const body = profileBody(props.query);
  const key = body === undefined ? '' : JSON.stringify(body);
  const [result, setResult] = useState<RecommendResult | undefined>(undefined);
  useEffect(() => {
    if (body === undefined) {
      setResult(undefined);
      return undefined;
    }
    const controller = new AbortController();
    recommend(body, false, controller.signal).then(
      (r) => {
        if (!controller.signal.aborted) {
          setResult(r);
        }
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [key]);
  if (body === undefined) {
    return null;
  }
  if (result === undefined) {
    return (
      <p class="status" role="status">
        Finding the trials for this patient…
      </p>
    );
  }
  if (!result.ok) {
    return (
      <p role="alert" class="form-errors">
        The profile in the address was not accepted ({result.message}).
      </p>
    );
  }
  const d = result.decision;
  return (
    <section class="for-patient" aria-label="Trials for this patient">
      <p>
        For the patient <strong>{profileLine(d.profile)}</strong> (
        <Link href={hrefOf('/patient', props.query)}>back to the patient’s options</Link>):
      </p>
      <TrialsForPatient decision={d} trials={props.kb.trials} />
      {d.options.concat(d.pending).every((o) => o.trials.length === 0) ? (
        <p>No option for this patient names a trial.</p>
      ) : null}
    </section>
  );
}
