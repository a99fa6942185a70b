/**
 * The patient view (`/patient?lineage=B&age=45&…`): the URL holds the profile; every change re-asks the server
 * (debounced), and a link opened cold shows the options at once. A FHIR Bundle file goes to the same endpoint.
 * @module
 */
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type FieldProblem, peekEarly, type RecommendResult, recommend, takeEarly } from '../api.js';
import type { RecommendedDecision } from '../contract.js';
import { hrefOf, type Location, navigate } from '../router.js';
import { useKbWhenIdle } from '../ui/use-kb.js';
import { FhirDrop, FhirFindings } from './fhir-drop.js';
import { type Handover, takeHandover } from './handover.js';
import { ProfileForm } from './profile-form.js';
import { Results } from './results.js';
import { profileBody, queryOfProfile, withParam } from './url.js';
import { useLaunchOption } from './use-launch-option.js';

/** Pause after the last edit before asking the server. */
const DEBOUNCE_MS = 250;

type Answer =
  | { readonly status: 'none' }
  | { readonly status: 'ok'; readonly key: string; readonly decision: RecommendedDecision }
  | {
      readonly status: 'error';
      readonly key: string;
      readonly message: string;
      readonly problems: readonly FieldProblem[];
    };

interface FhirImport {
  /** Where the record came from: `the FHIR Bundle “a.json”`, `the EHR (https://fhir.example/r4)`. */
  readonly source: string;
  readonly key: string;
  readonly decision: RecommendedDecision;
}

/** The key the request effect compares: the body the decision's profile gives when it is the URL's query. */
function importKey(decision: RecommendedDecision): string {
  const nextBody = profileBody(queryOfProfile(decision.profile));
  return nextBody === undefined ? '' : JSON.stringify(nextBody);
}

function importOf(h: Handover | undefined): FhirImport | undefined {
  return h === undefined ? undefined : { source: h.source, key: importKey(h.decision), decision: h.decision };
}

let firstResultMarked = false;

/**
 * Marks the first options on screen, for the first-result measurement (docs/web.md): called after the render, it
 * waits for the next frame to be drawn (animation frame, then a task), so the mark is not earlier than the paint.
 */
function markFirstResult(): void {
  if (!firstResultMarked) {
    firstResultMarked = true;
    requestAnimationFrame(() => {
      window.setTimeout(() => performance.mark('frontline:first-result'), 0);
    });
  }
}

export function PatientView(props: { readonly location: Location }): JSX.Element {
  const query = props.location.query;
  const body = useMemo(() => profileBody(query), [query]);
  const key = body === undefined ? '' : JSON.stringify(body);
  const [answer, setAnswer] = useState<Answer>(() => {
    // A shared link whose answer arrived before the first render is shown in that render.
    const ready = peekEarly(key);
    return ready === undefined ? { status: 'none' } : answerOf(key, ready);
  });
  // A record read by the SMART launch arrives with its decision (and the option its card named).
  const [handover] = useState(takeHandover);
  const [fhir, setFhir] = useState<FhirImport | undefined>(() => importOf(handover));
  const [fhirBusy, setFhirBusy] = useState(false);
  const [fhirError, setFhirError] = useState<
    { message: string; problems: readonly FieldProblem[] } | undefined
  >();
  const asked = useRef(false);
  // A shared link answered before the first render draws its options first and the form one frame later.
  const [formShown, setFormShown] = useState(answer.status === 'none');
  useEffect(() => {
    if (formShown) {
      return undefined;
    }
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setFormShown(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [formShown]);
  // Read by the request effect, which runs on profile changes only.
  const fhirRef = useRef<FhirImport | undefined>(undefined);
  fhirRef.current = fhir;
  // Study links need the knowledge base; it is fetched once the first options are on screen, never before.
  const kb = useKbWhenIdle(answer.status !== 'none');
  const studyIds = useMemo(
    () => (kb.status === 'ok' ? new Set(kb.kb.studies.map((s) => s.id)) : undefined),
    [kb],
  );
  const agents = useMemo(
    () =>
      kb.status === 'ok'
        ? new Map(kb.kb.agents.map((a) => [a.id, { name: a.name, class: a.class }]))
        : undefined,
    [kb],
  );

  useEffect(() => {
    const imported = fhirRef.current;
    if (body === undefined) {
      setAnswer({ status: 'none' });
      return;
    }
    if (imported !== undefined && imported.key === key) {
      setAnswer({ status: 'ok', key, decision: imported.decision });
      return;
    }
    const controller = new AbortController();
    // A link opened cold is answered at once (its request was started before the first render); edits wait until
    // typing pauses.
    const delay = asked.current ? DEBOUNCE_MS : 0;
    asked.current = true;
    const started = takeEarly(key);
    const arrived = started?.result;
    if (arrived !== undefined) {
      // Already shown by the first render (see useState above): keep that object, so nothing re-renders.
      setAnswer((prev) => (prev.status !== 'none' && prev.key === key ? prev : answerOf(key, arrived)));
      return;
    }
    const timer = window.setTimeout(() => {
      (started?.promise ?? recommend(body, false, controller.signal)).then(
        (result) => {
          if (controller.signal.aborted) {
            return;
          }
          setAnswer(answerOf(key, result));
        },
        () => undefined,
      );
    }, delay);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [key]);

  useEffect(() => {
    if (answer.status === 'ok') {
      markFirstResult();
    }
  }, [answer]);

  const optionNote = useLaunchOption(handover?.option, decisionOf(answer));

  const setParam = (name: string, value: string | undefined): void => {
    navigate(hrefOf('/patient', withParam(query, name, value)), true);
  };

  const onBundle = (json: unknown, fileName: string): void => {
    setFhirBusy(true);
    setFhirError(undefined);
    recommend(json, true).then(
      (result) => {
        setFhirBusy(false);
        if (!result.ok) {
          setFhirError({ message: result.message, problems: result.problems });
          return;
        }
        const q = queryOfProfile(result.decision.profile);
        const imported = {
          source: `the FHIR Bundle “${fileName}”`,
          key: importKey(result.decision),
          decision: result.decision,
        };
        fhirRef.current = imported;
        setFhir(imported);
        if (imported.key === key) {
          setAnswer({ status: 'ok', key, decision: imported.decision });
        }
        navigate(hrefOf('/patient', q));
      },
      () => setFhirBusy(false),
    );
  };

  const stale = answer.status !== 'none' && answer.key !== key;
  const problems = answer.status === 'error' && !stale ? answer.problems : [];
  const fromFhir = fhir !== undefined && answer.status === 'ok' && answer.decision === fhir.decision;

  return (
    <div class="patient-view">
      <h1 tabIndex={-1}>Patient options</h1>
      <p class="lede">
        Enter what is known; leave the rest unknown. The options follow each change, and the address of this
        page is a link to this patient’s options.
      </p>
      {answer.status === 'ok' ? (
        <a class="to-options" href="#glance-heading">
          Go to the options: {countText(answer.decision)} ↓
        </a>
      ) : null}
      <div class="patient-layout">
        <section class="profile-column" aria-labelledby="profile-heading">
          <h2 id="profile-heading">Profile</h2>
          {formShown ? (
            <ProfileForm
              query={query}
              problems={problems}
              onParam={setParam}
              onClear={() => {
                setFhir(undefined);
                navigate('/patient');
              }}
            />
          ) : (
            <p class="status">Loading the form…</p>
          )}
          <FhirDrop
            onBundle={onBundle}
            busy={fhirBusy}
            problems={fhirError?.problems ?? []}
            message={fhirError?.message}
          />
        </section>
        <section class="results-column" aria-labelledby="results-heading">
          <h2 id="results-heading">Options for this patient</h2>
          <p role="status" class="status">
            {statusText(answer, body === undefined, stale)}
          </p>
          <LaunchNotes notes={launchNotes(handover, optionNote)} />
          {fhir !== undefined && fhir.decision.fhir !== undefined ? (
            <>
              {fromFhir ? null : (
                <p class="help">
                  The form has changed since the Bundle was read; the options below follow the form.
                </p>
              )}
              <FhirFindings fhir={fhir.decision.fhir} source={fhir.source} />
            </>
          ) : null}
          {answer.status === 'ok' ? (
            <Results
              decision={answer.decision}
              studyIds={studyIds}
              stale={stale}
              agents={agents}
              trials={kb.status === 'ok' ? kb.kb.trials : undefined}
              references={kb.status === 'ok' ? kb.kb.references : undefined}
            />
          ) : null}
          {answer.status === 'error' && !stale ? (
            <div class="form-errors" role="alert">
              <p>
                No options: the server did not accept the profile ({answer.message}). The fields concerned are
                marked in the form.
              </p>
            </div>
          ) : null}
        </section>
      </div>
    </div>
  );
}

function decisionOf(answer: Answer): RecommendedDecision | undefined {
  return answer.status === 'ok' ? answer.decision : undefined;
}

/** What the clinician should know about a SMART launch: its notices, and what became of the card's option. */
function launchNotes(handover: Handover | undefined, optionNote: string | undefined): string[] {
  return [...(handover?.notices ?? []), ...(optionNote === undefined ? [] : [optionNote])];
}

function LaunchNotes(props: { readonly notes: readonly string[] }): JSX.Element | null {
  return props.notes.length === 0 ? null : (
    <div class="launch-notes">
      {props.notes.map((n) => (
        <p key={n} class="help">
          {n}
        </p>
      ))}
    </div>
  );
}

function answerOf(key: string, result: RecommendResult): Answer {
  return result.ok
    ? { status: 'ok', key, decision: result.decision }
    : { status: 'error', key, message: result.message, problems: result.problems };
}

function statusText(answer: Answer, needsLineage: boolean, stale: boolean): string {
  if (needsLineage) {
    return 'Choose the lineage (B-ALL or T-ALL) to see the options; every other fact may stay unknown.';
  }
  if (answer.status === 'none' || stale) {
    return 'Updating the options…';
  }
  if (answer.status === 'error') {
    return 'The profile has values the server does not accept.';
  }
  const d = answer.decision;
  return `${countText(d)}; ${d.missing.length} missing fact${d.missing.length === 1 ? '' : 's'}.`;
}

/** The strengths that are options to offer; trial-only, caution and not-recommended items are counted apart. */
const APPLY: ReadonlySet<string> = new Set(['recommended', 'supported', 'consider']);

/** "2 options apply, 1 other finding, 3 depend on unknown facts", singular and plural as English has them. */
export function countText(d: RecommendedDecision): string {
  const apply = d.options.filter((o) => APPLY.has(o.strength)).length;
  const other = d.options.length - apply;
  const parts = [`${apply} option${apply === 1 ? ' applies' : 's apply'}`];
  if (other > 0) {
    parts.push(`${other} within a trial, caution or not recommended`);
  }
  parts.push(`${d.pending.length} depend${d.pending.length === 1 ? 's' : ''} on unknown facts`);
  return parts.join(', ');
}
