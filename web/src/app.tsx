/**
 * The app shell: landmarks (skip link, header with navigation, main, footer with the notice and the knowledge-base
 * version) and the routes. The patient view is in the first chunk; the other views load when first opened.
 * @module
 */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { kbVersion } from './api.js';
import type { Kb } from './contract.js';
import { LaunchView } from './launch/launch-view.js';
import { PatientView } from './patient/patient-view.js';
import { Link, type Location, navigate, useLocation } from './router.js';
import { ReferenceDialog } from './ui/reference-dialog.js';
import { useKb } from './ui/use-kb.js';

type KbViews = typeof import('./views-kb.js');
type PlotViews = typeof import('./views-plots.js');

const loaders = {
  kb: () => import('./views-kb.js'),
  plots: () => import('./views-plots.js'),
};

type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly mod: T }
  | { readonly status: 'error' };

function useModule<T>(load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    load().then(
      (mod) => live && setState({ status: 'ok', mod }),
      () => live && setState({ status: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [load]);
  return state;
}

function Loading(props: { readonly what: string }): JSX.Element {
  return (
    <p role="status" class="status">
      Loading {props.what}…
    </p>
  );
}

function Failed(props: { readonly what: string }): JSX.Element {
  return (
    <div role="alert" class="form-errors">
      <p>Could not load {props.what}. Is the Frontline server running? Reload the page to try again.</p>
    </div>
  );
}

/** A view that needs a code chunk and the knowledge base. */
function WithKb<T>(props: {
  readonly load: () => Promise<T>;
  readonly render: (mod: T, kb: Kb) => ComponentChildren;
}): JSX.Element {
  const mod = useModule(props.load);
  const kb = useKb();
  const ready = mod.status === 'ok' && kb.status === 'ok';
  useEffect(() => {
    // The view's heading exists only now; give it the focus the route change could not (unless the user moved on).
    if (ready && (document.activeElement === document.body || document.activeElement?.id === 'main')) {
      document.querySelector<HTMLElement>('main h1')?.focus();
    }
  }, [ready]);
  if (mod.status === 'error') {
    return <Failed what="this view" />;
  }
  if (kb.status === 'error') {
    return <Failed what="the knowledge base" />;
  }
  if (mod.status === 'loading' || kb.status === 'loading') {
    return <Loading what="the knowledge base" />;
  }
  return <>{props.render(mod.mod, kb.kb)}</>;
}

interface Route {
  readonly title: string;
  readonly nav: string;
  readonly view: () => JSX.Element;
}

function route(loc: Location): Route {
  const path = loc.path.length > 1 ? loc.path.replace(/\/+$/, '') : loc.path;
  const study = /^\/evidence\/studies\/([^/]+)$/.exec(path);
  if (path === '/' || path === '/patient') {
    return { title: 'Patient options', nav: '/patient', view: () => <PatientView location={loc} /> };
  }
  if (path === '/launch' || path === '/launch/ready') {
    // SMART EHR launch (launch URL and redirect URI): fhirclient is loaded by these pages only.
    return {
      title: 'Opening from the EHR',
      nav: '/patient',
      view: () => <LaunchView query={loc.query} ready={path === '/launch/ready'} />,
    };
  }
  if (path === '/evidence') {
    return {
      title: 'Evidence',
      nav: '/evidence',
      view: () => (
        <WithKb<KbViews> load={loaders.kb} render={(m, kb) => <m.StudiesView kb={kb} location={loc} />} />
      ),
    };
  }
  if (study !== null) {
    const id = decodeURIComponent(study[1] ?? '');
    return {
      title: `Study ${id}`,
      nav: '/evidence',
      view: () => (
        <WithKb<KbViews>
          load={loaders.kb}
          render={(m, kb) => <m.StudyView kb={kb} id={id} hash={loc.hash} />}
        />
      ),
    };
  }
  if (path === '/evidence/forest') {
    return {
      title: 'Forest plot of hazard ratios',
      nav: '/evidence',
      view: () => <WithKb<PlotViews> load={loaders.plots} render={(m, kb) => <m.ForestView kb={kb} />} />,
    };
  }
  if (path === '/evidence/compare') {
    return {
      title: 'Cross-trial comparison',
      nav: '/evidence',
      view: () => (
        <WithKb<PlotViews>
          load={loaders.plots}
          render={(m, kb) => <m.CompareView kb={kb} location={loc} />}
        />
      ),
    };
  }
  if (path === '/trials') {
    return {
      title: 'Trials',
      nav: '/trials',
      view: () => (
        <WithKb<KbViews> load={loaders.kb} render={(m, kb) => <m.TrialsView kb={kb} location={loc} />} />
      ),
    };
  }
  if (path === '/references') {
    return {
      title: 'References',
      nav: '/about',
      view: () => (
        <WithKb<KbViews> load={loaders.kb} render={(m, kb) => <m.ReferencesView kb={kb} location={loc} />} />
      ),
    };
  }
  if (path === '/about') {
    return {
      title: 'About',
      nav: '/about',
      view: () => <WithKb<KbViews> load={loaders.kb} render={(m, kb) => <m.AboutView kb={kb} />} />,
    };
  }
  return {
    title: 'Not found',
    nav: '',
    view: () => (
      <div>
        <h1 tabIndex={-1}>No page here</h1>
        <p>
          Frontline has no view at <code>{loc.path}</code>. Go to the{' '}
          <Link href="/patient">patient view</Link>.
        </p>
      </div>
    ),
  };
}

const NAV: readonly { href: string; label: string }[] = [
  { href: '/patient', label: 'Patient' },
  { href: '/evidence', label: 'Evidence' },
  { href: '/trials', label: 'Trials' },
  { href: '/about', label: 'About' },
];

function Footer(): JSX.Element {
  const [version, setVersion] = useState<string | undefined>(undefined);
  useEffect(() => {
    // Not needed for the first answer (which carries its own version): asked for when the browser is idle.
    const ask = (): void => void kbVersion().then(setVersion);
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(ask, { timeout: 3000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(ask, 500);
    return () => window.clearTimeout(id);
  }, []);
  return (
    <footer class="site-footer">
      <p>
        <strong>Decision support, not a substitute for clinical judgment.</strong> Frontline shows what one
        review (Dias &amp; Litzow,{' '}
        <cite>Integration of Immunotherapy Into the Frontline Treatment of Acute Lymphoblastic Leukemia</cite>
        ) says; it does not replace the treating team.
        {version === undefined ? null : (
          <>
            {' '}
            Knowledge base <code>{version}</code>.
          </>
        )}
      </p>
    </footer>
  );
}

export function App(): JSX.Element {
  const loc = useLocation();
  const r = route(loc);
  const lastPath = useRef(loc.path);
  useEffect(() => {
    if (loc.path === '/') {
      navigate(`/patient${loc.query.toString() === '' ? '' : `?${loc.query.toString()}`}`, true);
    }
  }, [loc]);
  useEffect(() => {
    document.title = `${r.title} · Frontline`;
    if (lastPath.current !== loc.path) {
      lastPath.current = loc.path;
      if (loc.hash === '') {
        window.scrollTo(0, 0);
        // Tell screen readers the view changed: focus its heading (not on query edits, e.g. typing in the form).
        document.querySelector<HTMLElement>('main h1')?.focus();
      }
    }
  });
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <Link href="/patient" class="brand">
          Frontline <span class="tagline">immunotherapy in frontline ALL — the evidence, per patient</span>
        </Link>
        <nav aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li key={n.href}>
                <Link href={n.href} aria-current={r.nav === n.href ? 'page' : undefined}>
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {r.view()}
      </main>
      <Footer />
      <ReferenceDialog />
    </>
  );
}
