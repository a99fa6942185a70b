/**
 * One control per kind of profile field. Each reads its value from the URL query and writes it back; "unknown" is
 * the empty choice and removes the parameter (an unknown fact is omitted, never false).
 * @module
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { mrdText } from '../ui/text.js';
import type { FieldSpec } from './fields.js';
import { fractionToPercent, percentToFraction, readList, readNumber } from './url.js';

export interface ControlProps {
  readonly spec: FieldSpec;
  /** The parameter as written in the URL; `undefined` = unknown. */
  readonly value: string | undefined;
  readonly onChange: (value: string | undefined) => void;
  /** Messages the server gave for this field. */
  readonly errors: readonly string[];
}

export function fieldId(name: string): string {
  return `f-${name.replace('.', '-')}`;
}

function describedBy(name: string, help: boolean, errors: readonly string[]): string | undefined {
  const ids = [help ? `${fieldId(name)}-help` : '', errors.length > 0 ? `${fieldId(name)}-error` : ''].filter(
    (s) => s !== '',
  );
  return ids.length === 0 ? undefined : ids.join(' ');
}

function Errors(props: { readonly name: string; readonly errors: readonly string[] }): JSX.Element | null {
  if (props.errors.length === 0) {
    return null;
  }
  return (
    <p class="field-error" id={`${fieldId(props.name)}-error`}>
      {props.errors.join('; ')}
    </p>
  );
}

function Help(props: { readonly name: string; readonly text: string | undefined }): JSX.Element | null {
  return props.text === undefined ? null : (
    <p class="help" id={`${fieldId(props.name)}-help`}>
      {props.text}
    </p>
  );
}

function SelectControl(
  props: ControlProps & { readonly options: readonly { value: string; label: string }[] },
) {
  const { spec, value, errors } = props;
  const id = fieldId(spec.name);
  const current = value === undefined || value === 'unknown' ? '' : value;
  const unknownLabel = spec.kind === 'enum' ? spec.unknownLabel : 'Unknown';
  const foreign = current !== '' && !props.options.some((o) => o.value === current);
  return (
    <div class={`field${errors.length > 0 ? ' invalid' : ''}`} data-field={spec.name}>
      <label for={id}>{spec.label}</label>
      <select
        id={id}
        name={spec.name}
        value={current}
        aria-invalid={errors.length > 0}
        aria-describedby={describedBy(spec.name, spec.help !== undefined, errors)}
        onChange={(e) => props.onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
      >
        <option value="">{unknownLabel}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {foreign ? <option value={current}>{`“${current}” (not an allowed value)`}</option> : null}
      </select>
      <Help name={spec.name} text={spec.help} />
      <Errors name={spec.name} errors={errors} />
    </div>
  );
}

/** Text typed in a number box, kept while it is being typed ("0." or "1e") and re-read when the URL changes. */
function useTyped(
  value: string | undefined,
  same: (typed: string, value: string | undefined) => boolean,
  show: (value: string | undefined) => string = (v) => v ?? '',
) {
  const [typed, setTyped] = useState(() => show(value));
  useEffect(() => {
    if (!same(typed, value)) {
      setTyped(show(value));
    }
    // Only a change of the URL value re-reads it; the typed text is the user's.
  }, [value]);
  return [typed, setTyped] as const;
}

function NumberControl(props: ControlProps) {
  const { spec, value, errors } = props;
  const [typed, setTyped] = useTyped(value, (t, v) => t.trim() === (v ?? ''));
  if (spec.kind !== 'number') {
    return null;
  }
  const id = fieldId(spec.name);
  const range = `${spec.min}–${spec.max}${spec.unit === '%' ? '' : ' '}${spec.unit}${spec.integer === true ? ', whole number' : ''}`;
  return (
    <div class={`field${errors.length > 0 ? ' invalid' : ''}`} data-field={spec.name}>
      <label for={id}>
        {spec.label} <span class="unit">({spec.unit})</span>
      </label>
      <input
        id={id}
        name={spec.name}
        type="text"
        inputMode={spec.integer === true ? 'numeric' : 'decimal'}
        autoComplete="off"
        placeholder="unknown"
        value={typed}
        aria-invalid={errors.length > 0}
        aria-describedby={`${id}-range${errors.length > 0 ? ` ${id}-error` : ''}${spec.help === undefined ? '' : ` ${id}-help`}`}
        onInput={(e) => {
          const t = e.currentTarget.value;
          setTyped(t);
          props.onChange(t.trim() === '' ? undefined : t.trim());
        }}
      />
      <p class="help" id={`${id}-range`}>
        Range {range}; empty = unknown.
      </p>
      <Help name={spec.name} text={spec.help} />
      <Errors name={spec.name} errors={errors} />
    </div>
  );
}

/** MRD as a fraction (the URL's and the API's unit) or in percent; both readings are shown. */
function MrdControl(props: ControlProps) {
  const { spec, value, errors } = props;
  const [unit, setUnit] = useState<'percent' | 'fraction'>('percent');
  const toTyped = (v: string | undefined, u: 'percent' | 'fraction'): string => {
    if (v === undefined) {
      return '';
    }
    const n = readNumber(v);
    return typeof n === 'number' && u === 'percent' ? String(fractionToPercent(n)) : v;
  };
  const toValue = (t: string, u: 'percent' | 'fraction'): string | undefined => {
    if (t.trim() === '') {
      return undefined;
    }
    const n = readNumber(t);
    return typeof n === 'number' && u === 'percent' ? String(percentToFraction(n)) : t.trim();
  };
  const [typed, setTyped] = useTyped(
    value,
    (t, v) => toValue(t, unit) === v,
    (v) => toTyped(v, unit),
  );
  const id = fieldId(spec.name);
  const n = value === undefined ? undefined : readNumber(value);
  return (
    <div class={`field mrd${errors.length > 0 ? ' invalid' : ''}`} data-field={spec.name}>
      <label for={id}>
        {spec.label} <span class="unit">({unit === 'percent' ? '% of cells' : 'fraction'})</span>
      </label>
      <div class="with-unit">
        <input
          id={id}
          name="mrd"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          placeholder="unknown"
          value={typed}
          aria-invalid={errors.length > 0}
          aria-describedby={`${id}-reading${errors.length > 0 ? ` ${id}-error` : ''}`}
          onInput={(e) => {
            const t = e.currentTarget.value;
            setTyped(t);
            props.onChange(toValue(t, unit));
          }}
        />
        <fieldset class="unit-switch">
          <legend class="visually-hidden">MRD entered as</legend>
          {(['percent', 'fraction'] as const).map((u) => (
            <label key={u}>
              <input
                type="radio"
                name="mrd-unit"
                value={u}
                checked={unit === u}
                onChange={() => {
                  setUnit(u);
                  setTyped(toTyped(value, u));
                }}
              />
              {u === 'percent' ? '%' : 'fraction'}
            </label>
          ))}
        </fieldset>
      </div>
      <p class="help" id={`${id}-reading`} aria-live="polite">
        {typeof n === 'number'
          ? `Reads as ${mrdText(n)}. The link and the API use the fraction.`
          : 'Empty = unknown; 0 = undetectable. 0.1% = 0.001 = 10⁻³.'}
      </p>
      <Errors name={spec.name} errors={errors} />
    </div>
  );
}

/** A list that is unknown until marked as known; known and empty = "tested, none found". */
function SetControl(props: ControlProps) {
  const { spec, value, errors } = props;
  if (spec.kind !== 'set') {
    return null;
  }
  const id = fieldId(spec.name);
  const known = value !== undefined;
  const chosen = new Set(readList(value ?? ''));
  const toggle = (v: string, on: boolean): void => {
    const next = spec.choices.map((c) => c.value).filter((c) => (c === v ? on : chosen.has(c)));
    const extra = [...chosen].filter((c) => !spec.choices.some((x) => x.value === c));
    props.onChange([...next, ...extra].join(','));
  };
  return (
    <fieldset class={`field set${errors.length > 0 ? ' invalid' : ''}`} data-field={spec.name} id={id}>
      <legend>{spec.label}</legend>
      <label class="known">
        <input
          type="checkbox"
          checked={known}
          onChange={(e) => props.onChange(e.currentTarget.checked ? '' : undefined)}
        />
        {spec.knownLabel}
      </label>
      <div class="choices">
        {spec.choices.map((c) => (
          <label key={c.value} class={known ? '' : 'disabled'}>
            <input
              type="checkbox"
              name={spec.name}
              value={c.value}
              disabled={!known}
              checked={chosen.has(c.value)}
              onChange={(e) => toggle(c.value, e.currentTarget.checked)}
            />
            {c.label}
          </label>
        ))}
      </div>
      {known ? null : <p class="help">Unknown until testing is marked as done.</p>}
      <Errors name={spec.name} errors={errors} />
    </fieldset>
  );
}

function ListControl(props: ControlProps) {
  const { spec, value, errors } = props;
  const [typed, setTyped] = useTyped(value, (t, v) => readList(t).join(',') === (v ?? ''));
  if (spec.kind !== 'list') {
    return null;
  }
  const id = fieldId(spec.name);
  const known = value !== undefined;
  return (
    <div class={`field list${errors.length > 0 ? ' invalid' : ''}`} data-field={spec.name}>
      <span class="label" id={`${id}-label`}>
        {spec.label}
      </span>
      <label class="known">
        <input
          type="checkbox"
          checked={known}
          onChange={(e) => props.onChange(e.currentTarget.checked ? readList(typed).join(',') : undefined)}
        />
        {spec.knownLabel}
      </label>
      <input
        id={id}
        name={spec.name}
        type="text"
        autoComplete="off"
        aria-labelledby={`${id}-label`}
        aria-invalid={errors.length > 0}
        aria-describedby={describedBy(spec.name, spec.help !== undefined, errors)}
        disabled={!known}
        placeholder={known ? spec.placeholder : 'unknown'}
        value={typed}
        onInput={(e) => {
          const t = e.currentTarget.value;
          setTyped(t);
          props.onChange(readList(t).join(','));
        }}
      />
      <Help name={spec.name} text={spec.help} />
      <Errors name={spec.name} errors={errors} />
    </div>
  );
}

/** The control for a field spec. */
export function Control(props: ControlProps): JSX.Element | null {
  const { spec } = props;
  switch (spec.kind) {
    case 'enum':
      return <SelectControl {...props} options={spec.choices} />;
    case 'boolean':
      return (
        <SelectControl
          {...props}
          options={[
            { value: 'true', label: spec.yes },
            { value: 'false', label: spec.no },
          ]}
        />
      );
    case 'number':
      return <NumberControl {...props} />;
    case 'mrd':
      return <MrdControl {...props} />;
    case 'set':
      return <SetControl {...props} />;
    case 'list':
      return <ListControl {...props} />;
    default:
      return spec satisfies never;
  }
}
