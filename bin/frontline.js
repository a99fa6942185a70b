#!/usr/bin/env node
// The `frontline` command. `npm install` (the prepare script) compiles the TypeScript to dist/ and bundles the CLI to
// dist/bundle/ (faster to start); the plain compiled tree is the fallback.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const main = [join(dist, 'bundle', 'cli', 'main.js'), join(dist, 'cli', 'main.js')].find((p) =>
  existsSync(p),
);
if (main === undefined) {
  process.stderr.write(
    'frontline is not built yet: run `npm install` (or `npm run build`) in the project folder first.\n',
  );
  process.exit(2);
}
await import(main);
