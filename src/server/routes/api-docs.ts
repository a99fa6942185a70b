/**
 * `/api/docs`: the API documentation page, rendered from `/api/openapi.json` by Swagger UI (`swagger-ui-dist`,
 * served from this server, so it works offline and within the Content-Security-Policy: no inline script, no CDN).
 * @module
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import type { Env } from '../context.js';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Frontline API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<main id="swagger-ui" aria-label="The Frontline API, from its OpenAPI document"></main>
<noscript><p>This page needs JavaScript; the document itself is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></noscript>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });\n`;

const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

/** The folder of the installed swagger-ui-dist, or undefined when it is not installed. */
function swaggerDir(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  } catch {
    return undefined;
  }
}

/** Registers the documentation page and its assets. */
export function registerApiDocs(app: Hono<Env>): void {
  const dir = swaggerDir();
  const cache = new Map<string, string>();
  app.get('/api/docs', (c) => {
    c.set('route', '/api/docs');
    return c.html(PAGE);
  });
  app.get('/api/docs/init.js', (c) => {
    c.set('route', '/api/docs/init.js');
    return c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' });
  });
  app.get('/api/docs/:file', async (c, next) => {
    const file = c.req.param('file');
    const type = ASSETS[file];
    if (type === undefined || dir === undefined) {
      return next();
    }
    c.set('route', '/api/docs/:file');
    let text = cache.get(file);
    if (text === undefined) {
      text = await readFile(join(dir, file), 'utf8');
      cache.set(file, text);
    }
    return c.body(text, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
}
