/**
 * A `<details>` whose content is built only when first opened: long quote lists cost nothing until asked for.
 * @module
 */
import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';

export function Disclosure(props: {
  readonly summary: ComponentChildren;
  readonly children: () => ComponentChildren;
  readonly class?: string;
}): JSX.Element {
  const [opened, setOpened] = useState(false);
  return (
    <details
      class={props.class}
      onToggle={(e) => {
        if (e.currentTarget.open) {
          setOpened(true);
        }
      }}
    >
      <summary>{props.summary}</summary>
      {opened ? props.children() : null}
    </details>
  );
}
