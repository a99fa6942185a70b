import { render } from 'preact';
import { recommendEarly } from './api.js';
import { App } from './app.js';
import { profileBody } from './patient/url.js';
import './styles.css';

/** Resolves after `ms`, to cap how long the first render waits for the early answer. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, ms));
}

/**
 * A shared patient link: ask the server at once, and draw the page when the answer is in (at most 600 ms later), so
 * the form and the options appear in one paint instead of two.
 */
async function start(): Promise<void> {
  if (window.location.pathname === '/patient' || window.location.pathname === '/') {
    const body = profileBody(new URLSearchParams(window.location.search));
    if (body !== undefined) {
      await Promise.race([recommendEarly(body).catch(() => undefined), delay(600)]);
    }
  }
  const root = document.getElementById('app');
  if (root !== null) {
    render(<App />, root);
  }
}

void start();
