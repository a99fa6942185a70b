import { describe, expect, it } from 'vitest';
import { addressAllowed, parseAllowList } from './address.js';
import { guardedLookup } from './agent.js';

describe('addressAllowed', () => {
  it('refuses loopback, private, link-local, multicast, unspecified and IPv4-mapped loopback by default', () => {
    for (const ip of [
      '127.0.0.1',
      '127.8.9.10',
      '::1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      'fe80::1',
      'fd00::1',
      '224.0.0.1',
      'ff02::1',
      '0.0.0.0',
      '::',
      '::ffff:127.0.0.1',
      '100.64.0.1',
      'not-an-ip',
    ]) {
      expect(addressAllowed(ip, []), ip).toBe(false);
    }
  });

  it('allows public unicast, and an allow-listed range only', () => {
    expect(addressAllowed('93.184.216.34', [])).toBe(true);
    expect(addressAllowed('2606:2800:220:1:248:1893:25c8:1946', [])).toBe(true);
    const allow = parseAllowList(['10.20.0.0/16', '127.0.0.1/32']);
    expect(addressAllowed('10.20.3.4', allow)).toBe(true);
    expect(addressAllowed('10.21.3.4', allow)).toBe(false);
    expect(addressAllowed('127.0.0.1', allow)).toBe(true);
    expect(addressAllowed('127.0.0.2', allow)).toBe(false);
  });

  it('names a bad range', () => {
    expect(() => parseAllowList(['10.0.0.0/33'])).toThrow('"10.0.0.0/33" is not a CIDR range');
  });
});

describe('guardedLookup', () => {
  const lookup = (allow: ReturnType<typeof parseAllowList>, all: boolean) =>
    new Promise<{ error: unknown; address: unknown }>((resolve) => {
      guardedLookup(allow)('localhost', { all }, (error, address) => resolve({ error, address }));
    });

  it('refuses a name that resolves to loopback (DNS-resolution check)', async () => {
    const { error } = await lookup([], false);
    expect(error).toMatchObject({ code: 'FRONTLINE_ADDRESS_REFUSED' });
  });

  it('resolves it when its addresses are allow-listed, in both callback shapes', async () => {
    const allow = parseAllowList(['127.0.0.0/8', '::1/128']);
    expect((await lookup(allow, false)).address).toMatch(/^(127\.0\.0\.1|::1)$/);
    expect((await lookup(allow, true)).address).toEqual(
      expect.arrayContaining([expect.objectContaining({ address: expect.any(String) })]),
    );
  });
});
