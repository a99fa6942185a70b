#!/usr/bin/env node
// The `frontline` command. The code is TypeScript compiled to dist/ by `npm install` (the prepare script).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'main.js');
if (!existsSync(main)) {
  process.stderr.write(
    'frontline is not built yet: run `npm install` (or `npm run build`) in the project folder first.\n',
  );
  process.exit(2);
}
await import(main);
