/**
 * The web app's own routes (web/src/app.tsx): the paths the server answers with `index.html` and 200. Any other
 * path still gets `index.html` (the app shows its "no page here" view) but with 404, so a mistyped link is not
 * reported as found.
 * @module
 */

const APP_ROUTES: readonly RegExp[] = [
  /^\/$/,
  /^\/patient\/?$/,
  /^\/evidence\/?$/,
  /^\/evidence\/studies\/[^/]+\/?$/,
  /^\/evidence\/forest\/?$/,
  /^\/evidence\/compare\/?$/,
  /^\/trials\/?$/,
  /^\/references\/?$/,
  /^\/about\/?$/,
  /^\/launch\/?$/,
  /^\/launch\/ready\/?$/,
];

/** Whether the web app has a view at `path`. */
export function isAppRoute(path: string): boolean {
  return APP_ROUTES.some((r) => r.test(path));
}
