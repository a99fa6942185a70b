/**
 * A FHIR R4 Bundle from a file (chosen or dropped), posted to the same endpoint as the form. What the mapping
 * found, what it could not find and what conflicts is shown with the result.
 * @module
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { FieldProblem } from '../api.js';
import type { FhirSummary } from '../contract.js';

export interface FhirDropProps {
  /** Called with the parsed JSON of the file. */
  readonly onBundle: (json: unknown, fileName: string) => void;
  readonly busy: boolean;
  readonly problems: readonly FieldProblem[];
  readonly message: string | undefined;
}

export function FhirDrop(props: FhirDropProps): JSX.Element {
  const [over, setOver] = useState(false);
  const [readError, setReadError] = useState<string | undefined>(undefined);
  const read = async (file: File | undefined): Promise<void> => {
    if (file === undefined) {
      return;
    }
    setReadError(undefined);
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setReadError(`${file.name} is not JSON; choose a FHIR R4 Bundle saved as .json`);
      return;
    }
    props.onBundle(json, file.name);
  };
  return (
    <section class="fhir" aria-labelledby="fhir-heading">
      <h2 id="fhir-heading">Or read a FHIR Bundle</h2>
      <fieldset
        class={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void read(e.dataTransfer?.files[0]);
        }}
      >
        <legend class="visually-hidden">FHIR Bundle file</legend>
        <label for="fhir-file">Drop a FHIR R4 Bundle (JSON) here, or choose a file:</label>
        <input
          id="fhir-file"
          type="file"
          accept=".json,application/json,application/fhir+json"
          disabled={props.busy}
          onChange={(e) => {
            void read(e.currentTarget.files?.[0]);
            e.currentTarget.value = '';
          }}
        />
        <p class="help">
          The file is sent to this Frontline server only. Mapped facts fill the form, so the result can be
          shared as a link (the Bundle itself is not in the link).
        </p>
      </fieldset>
      {readError !== undefined || props.message !== undefined ? (
        <div class="form-errors" role="alert">
          <p>{readError ?? `The Bundle could not be evaluated: ${props.message ?? ''}`}</p>
          {props.problems.length > 0 ? (
            <ul>
              {props.problems.map((p) => (
                <li key={`${p.path}:${p.message}`}>
                  {p.path === '' ? '' : <code>{p.path}</code>} {p.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/**
 * What the FHIR mapping found (field ← resources), what is missing and what conflicts.
 * @param source - where the record came from: `the FHIR Bundle “a.json”`, `the EHR (https://fhir.example/r4)`
 */
export function FhirFindings(props: { readonly fhir: FhirSummary; readonly source: string }): JSX.Element {
  const { fhir } = props;
  const found = Object.entries(fhir.sources);
  return (
    <section class="panel fhir-findings" aria-labelledby="fhir-findings-heading">
      <h2 id="fhir-findings-heading">From {props.source}</h2>
      <div class="cols">
        <div>
          <h3>Found ({found.length})</h3>
          {found.length === 0 ? (
            <p>No profile fact could be read.</p>
          ) : (
            <ul class="compact">
              {found.map(([field, resources]) => (
                <li key={field}>
                  <code>{field}</code> ← {resources.join(', ')}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>Not found ({fhir.missing.length})</h3>
          {fhir.missing.length === 0 ? (
            <p>Nothing.</p>
          ) : (
            <ul class="compact">
              {fhir.missing.map((m) => (
                <li key={`${m.field}:${m.text}`}>
                  <code>{m.field}</code>: {m.text}
                  {m.resource === undefined ? '' : ` (${m.resource})`}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>Conflicts and warnings ({fhir.warnings.length})</h3>
          {fhir.warnings.length === 0 ? (
            <p>None.</p>
          ) : (
            <ul class="compact">
              {fhir.warnings.map((w) => (
                <li key={`${w.code}:${w.text}`}>
                  <strong>{w.code}</strong>: {w.text} ({w.resources.join(', ')})
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
