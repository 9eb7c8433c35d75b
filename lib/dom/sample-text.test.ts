// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { sampleText } from './sample-text.ts';

describe('sampleText', () => {
  it('reads text in document order, skipping scripts and styles', () => {
    document.body.innerHTML = '<p>قوات</p><script>var x = "code";</script><style>p{}</style><p>سوريا</p>';
    expect(sampleText(document.body, 100)).toBe('قوات سوريا');
  });
  it('stops at the limit', () => {
    document.body.textContent = 'ا'.repeat(10_000);
    expect(sampleText(document.body, 50)).toHaveLength(50);
  });
  it('is empty without a body', () => expect(sampleText(null, 10)).toBe(''));
});
