/**
 * The web app (built by the web package into `web/dist`): static files at `/`, and `index.html` for the app's own
 * routes (`/patient?…`, `/evidence/…`) so that bookmarked links open. Absent folder → nothing is served.
 * @module
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { Env } from '../context.js';
import { isAppRoute } from './app-routes.js';

const NOT_APP = /^\/(api|cds-services)(\/|$)/;

/**
 * Serves `webDir` when it holds an `index.html`.
 * @returns whether the web app is served
 */
export function registerWeb(app: Hono<Env>, webDir: string | undefined): boolean {
  if (webDir === undefined || !existsSync(join(webDir, 'index.html'))) {
    return false;
  }
  const index = join(webDir, 'index.html');
  app.use('*', async (c, next) => {
    if (NOT_APP.test(c.req.path)) {
      return next();
    }
    c.set('route', '/*');
    return serveStatic({ root: webDir })(c, next);
  });
  app.get('*', async (c, next) => {
    // A path with a file extension that was not found is a missing asset, not an app route.
    if (NOT_APP.test(c.req.path) || /\.[A-Za-z0-9]+$/.test(c.req.path)) {
      return next();
    }
    c.set('route', '/* (app)');
    // The page's URL holds the patient's facts (`/patient?age=…`): not kept by any cache.
    return c.html(await readFile(index, 'utf8'), isAppRoute(c.req.path) ? 200 : 404, {
      'Cache-Control': 'no-store',
    });
  });
  return true;
}
