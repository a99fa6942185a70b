/**
 * A figure drawn by Observable Plot: the plot is built from data and options, then placed in the page.
 * @module
 */
import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export function PlotFigure(props: {
  readonly make: () => Element;
  readonly deps: readonly unknown[];
  readonly caption: string;
  readonly id: string;
}): JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el === null) {
      return;
    }
    const plot = props.make();
    // Observable Plot names its mark groups (`<g aria-label="dot">`); a name needs a role that may carry one.
    for (const g of plot.querySelectorAll('g[aria-label]:not([role])')) {
      g.setAttribute('role', 'group');
    }
    el.replaceChildren(plot);
    return () => plot.remove();
  }, props.deps);
  return (
    <figure class="plot" id={props.id}>
      <div ref={ref} class="plot-body" />
      <p class="narrow-note">
        On a screen this narrow the plot is not drawn: the table below gives the same numbers.
      </p>
      <figcaption>{props.caption}</figcaption>
    </figure>
  );
}
