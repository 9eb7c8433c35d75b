// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { hasTextLength } from './text-length.ts';

describe('hasTextLength', () => {
  it('counts every text node, scripts and styles included, as textContent does', () => {
    document.body.innerHTML =
      '<p>قوات <b>سوريا</b></p><script>var x = 1;</script><style>p{}</style><div><span>الديمقراطية</span></div>';
    const length = document.body.textContent!.length;
    for (const chars of [0, 1, length - 1, length])
      expect(hasTextLength(document.body, chars), `${chars}`).toBe(true);
    expect(hasTextLength(document.body, length + 1)).toBe(false);
  });
  it('is false for an empty element, and true for nothing asked', () => {
    document.body.innerHTML = '<p></p>';
    expect(hasTextLength(document.body, 1)).toBe(false);
    expect(hasTextLength(document.body, 0)).toBe(true);
  });
});
