import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kbSchemas } from './json-schema.js';
import { KB_DIR } from './paths.js';

describe('kb/schema (generated JSON Schemas)', () => {
  it.each(Object.entries(kbSchemas()))(
    '%s.schema.json is what the zod schemas generate (run `npm run kb:schema`)',
    (name, schema) => {
      const committed = JSON.parse(
        readFileSync(join(KB_DIR, 'schema', `${name}.schema.json`), 'utf8'),
      ) as unknown;
      expect(committed).toEqual(schema);
    },
  );
});
