/**
 * The trace of an option (the engine's `because`): each condition, the value seen, the threshold and the verdict
 * (met ✓ / not met ✗ / unknown ?). Rendered as the server sent it; nothing is re-derived.
 * @module
 */
import type { JSX } from 'preact';
import type { TraceNode, Verdict } from '../contract.js';
import { fieldLabel, labelFieldsIn, valueLabel } from '../contract.js';
import { fmtNumber, mrdText, OPERATOR_TEXT } from '../ui/text.js';

const MARK: Record<'true' | 'false' | 'unknown', { readonly sign: string; readonly text: string }> = {
  true: { sign: '✓', text: 'met' },
  false: { sign: '✗', text: 'not met' },
  unknown: { sign: '?', text: 'unknown' },
};

function markOf(v: Verdict): { sign: string; text: string; cls: string } {
  const key = v === true ? 'true' : v === false ? 'false' : 'unknown';
  return { ...MARK[key], cls: key === 'true' ? 'met' : key === 'false' ? 'unmet' : 'unknown' };
}

/** The verdict as a mark with its words for screen readers. */
export function VerdictMark(props: { readonly verdict: Verdict }): JSX.Element {
  const m = markOf(props.verdict);
  return (
    <span class={`mark ${m.cls}`} title={m.text}>
      <span aria-hidden="true">{m.sign}</span>
      <span class="visually-hidden">{m.text}:</span>
    </span>
  );
}

function scalar(fact: string | undefined, v: string | number | boolean): string {
  if (typeof v === 'number') {
    return fact === 'mrd.value' ? mrdText(v) : fmtNumber(v);
  }
  return valueLabel(v);
}

function valueText(fact: string | undefined, v: TraceNode['observed'] | TraceNode['threshold']): string {
  if (v === undefined || v === null) {
    return 'unknown';
  }
  if (Array.isArray(v)) {
    return v.length === 0 ? 'none' : v.map((x) => scalar(fact, x)).join(', ');
  }
  return scalar(fact, v as string | number | boolean);
}

function Condition(props: { readonly node: TraceNode }): JSX.Element {
  const n = props.node;
  const unknown = n.observed === null || n.observed === undefined;
  return (
    <span class="condition">
      <span class="label">{labelFieldsIn(n.label)}</span>
      <span class="detail">
        {' — '}seen: <strong>{unknown ? 'unknown' : valueText(n.fact, n.observed)}</strong>
        {n.fact !== undefined && n.op !== undefined ? (
          <>
            {'; '}threshold:{' '}
            <span class="threshold">
              {fieldLabel(n.fact)} {OPERATOR_TEXT[n.op]}
              {n.op === 'known' ? '' : ` ${valueText(n.fact, n.threshold)}`}
            </span>
          </>
        ) : null}
        {n.written === undefined ? null : <>; the review: “{n.written}”</>}
      </span>
    </span>
  );
}

const GROUP: Record<'all' | 'any' | 'not', string> = {
  all: 'all of',
  any: 'any of',
  not: 'not',
};

/** The trace as a nested list. */
export function Trace(props: { readonly nodes: readonly TraceNode[] }): JSX.Element {
  return (
    <ul class="trace">
      {props.nodes.map((n, i) => (
        <li key={i} class={markOf(n.verdict).cls}>
          <VerdictMark verdict={n.verdict} />{' '}
          {n.kind === 'condition' ? (
            <Condition node={n} />
          ) : (
            <span class="label">
              {labelFieldsIn(n.label)} <span class="detail">({GROUP[n.kind]})</span>
            </span>
          )}
          {n.kind !== 'condition' && n.children !== undefined && n.children.length > 0 ? (
            <Trace nodes={n.children} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
