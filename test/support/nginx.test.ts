import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderConfig } from './nginx.js';

const shipped = readFileSync(
  join(import.meta.dirname, '..', '..', 'deploy', 'nginx', 'frontline.conf'),
  'utf8',
);
const serverLines = (conf: string): string[] => conf.split('\n').filter((l) => /^ {4}server /.test(l));

describe('renderConfig (the nginx config the deployment test runs)', () => {
  it('changes only the ports: every instance keeps the parameters deploy/nginx/frontline.conf gives', () => {
    const params = serverLines(shipped).map((l) => l.replace(/127\.0\.0\.1:\d+/, 'ADDR'));
    expect(params.length).toBeGreaterThan(0);
    const rendered = renderConfig(40001, [40002, 40003, 40004, 40005]);
    const lines = serverLines(rendered);
    expect(lines.map((l) => /:(\d+)/.exec(l)?.[1])).toEqual(['40002', '40003', '40004', '40005']);
    for (const l of lines) {
      expect(l.replace(/127\.0\.0\.1:\d+/, 'ADDR')).toBe(params[0]);
    }
    expect(rendered).toContain('listen 127.0.0.1:40001;');
    // Everything outside the upstream's server lines and the listen line is the shipped file's text.
    const rest = (c: string): string =>
      c
        .split('\n')
        .filter((l) => !/^ {4}server /.test(l) && !/listen 127/.test(l))
        .join('\n');
    expect(rest(rendered)).toBe(rest(shipped));
  });
});
