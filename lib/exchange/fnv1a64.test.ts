import { describe, expect, it } from 'vitest';
import { fnv1a64 } from './fnv1a64.ts';

describe('fnv1a64', () => {
  // Reference values from the FNV authors' test suite (http://www.isthe.com/chongo/src/fnv/test_fnv.c).
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('gives the published FNV-1a 64 hash of %j', (text, hash) => expect(fnv1a64(text)).toBe(hash));

  it('is sixteen hex digits for Arabic text too', () => expect(fnv1a64('حلب')).toMatch(/^[0-9a-f]{16}$/u));

  it('tells apart strings that differ in one character', () =>
    expect(fnv1a64('الرقة ١')).not.toBe(fnv1a64('الرقة ٢')));

  it('does not collide on 100,000 similar strings', () => {
    const hashes = new Set(Array.from({ length: 100_000 }, (_, i) => fnv1a64(`note ${i}`)));
    expect(hashes.size).toBe(100_000);
  });
});
