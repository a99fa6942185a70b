/**
 * Opens an option's full card (its `<details>`), brings it into view and gives it the focus: the summary rows and
 * `#option-…` links lead here.
 * @module
 */

export function openOptionCard(id: string): void {
  const card = document.getElementById(`option-${id}`);
  if (card === null) {
    return;
  }
  const details = card.querySelector('details.option-details');
  if (details instanceof HTMLDetailsElement) {
    details.open = true;
  }
  card.scrollIntoView({ block: 'start' });
  card.querySelector<HTMLElement>('summary')?.focus({ preventScroll: true });
  if (window.location.hash !== `#option-${id}`) {
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${window.location.search}#option-${id}`,
    );
  }
}
