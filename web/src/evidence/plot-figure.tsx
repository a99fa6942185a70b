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
    el.replaceChildren(plot);
    return () => plot.remove();
  }, props.deps);
  return (
    <figure class="plot" id={props.id}>
      <div ref={ref} class="plot-body" />
      <figcaption>{props.caption}</figcaption>
    </figure>
  );
}
