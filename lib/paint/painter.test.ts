// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { rangeOfText } from '../../tests/support/dom.ts';
import { createHighlightPainter, createMarkPainter, HIGHLIGHT_CSS } from './painter.ts';

const rangeOf = rangeOfText;

let p: HTMLParagraphElement;
beforeEach(() => {
  document.head.replaceChildren();
  p = document.createElement('p');
  p.textContent = 'قصفت قوات النظام ريف دمشق وحلب';
  document.body.replaceChildren(p);
});

describe('the fallback painter, for browsers without CSS.highlights', () => {
  it('wraps each range in a mark of its kind, keeping the text', () => {
    const painter = createMarkPainter(document);
    painter.paint('place', [rangeOf(p, 'دمشق'), rangeOf(p, 'حلب')]);
    expect([...p.querySelectorAll('mark[data-rasid-kind=place]')].map((m) => m.textContent)).toEqual([
      'دمشق',
      'حلب',
    ]);
    expect(p.textContent).toBe('قصفت قوات النظام ريف دمشق وحلب');
  });

  it('repaints a kind without leaving the old marks, and clears everything with its styles', () => {
    const painter = createMarkPainter(document);
    expect(document.head.querySelector('style[data-rasid-ui]')?.textContent).toBe(HIGHLIGHT_CSS);
    painter.paint('place', [rangeOf(p, 'دمشق')]);
    painter.paint('place', [rangeOf(p, 'حلب')]);
    expect([...p.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['حلب']);
    painter.clear();
    expect(p.querySelector('mark')).toBeNull();
    expect(p.textContent).toBe('قصفت قوات النظام ريف دمشق وحلب');
    expect(document.head.querySelector('style[data-rasid-ui]')).toBeNull();
  });

  it('is what a browser without the Highlight API gets', () => {
    expect(createHighlightPainter(document)).toBeNull();
  });
});
