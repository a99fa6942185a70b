/**
 * The profile form: grouped fieldsets, every field unknown by default; each edit rewrites the URL (the state).
 * @module
 */
import type { JSX } from 'preact';
import type { FieldProblem } from '../api.js';
import { Control } from './controls.js';
import { FIELDS, fieldOfPath, GROUPS, type ParamName } from './fields.js';

export interface ProfileFormProps {
  readonly query: URLSearchParams;
  readonly problems: readonly FieldProblem[];
  readonly onParam: (name: ParamName, value: string | undefined) => void;
  readonly onClear: () => void;
}

/** Messages by form field; problems that belong to no field are returned apart. */
export function problemsByField(problems: readonly FieldProblem[]): {
  byField: Map<ParamName, string[]>;
  other: FieldProblem[];
} {
  const byField = new Map<ParamName, string[]>();
  const other: FieldProblem[] = [];
  for (const p of problems) {
    const field = fieldOfPath(p.path);
    if (field === undefined) {
      other.push(p);
    } else {
      byField.set(field, [...(byField.get(field) ?? []), p.message]);
    }
  }
  return { byField, other };
}

export function ProfileForm(props: ProfileFormProps): JSX.Element {
  const { byField, other } = problemsByField(props.problems);
  return (
    <form
      class="profile-form"
      aria-label="Patient profile"
      onSubmit={(e) => {
        // Options follow every edit; Enter in a field must not reload the page.
        e.preventDefault();
      }}
    >
      {other.length > 0 ? (
        <div class="form-errors" role="alert">
          <p>The server did not accept these values:</p>
          <ul>
            {other.map((p) => (
              <li key={`${p.path}:${p.message}`}>
                {p.path === '' ? '' : <code>{p.path}</code>} {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {GROUPS.map((g) => (
        <fieldset key={g.id} class="group" id={`group-${g.id}`}>
          <legend>{g.legend}</legend>
          {g.fields.map((name) => (
            <Control
              key={name}
              spec={FIELDS[name]}
              value={props.query.get(name) ?? undefined}
              errors={byField.get(name) ?? []}
              onChange={(v) => props.onParam(name, v)}
            />
          ))}
        </fieldset>
      ))}
      <button type="button" class="secondary" onClick={props.onClear}>
        Clear the form (all unknown)
      </button>
    </form>
  );
}
