// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { isEditable, outsideEditable } from './editable.ts';

const textIn = (html: string, selector: string) => {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  return document.querySelector(selector)!.firstChild as Text;
};
afterEach(() => {
  document.designMode = 'off';
});

describe('isEditable', () => {
  it.each(['', 'true', 'TRUE', 'True', 'plaintext-only', 'PLAINTEXT-ONLY', ' true '])(
    'counts contenteditable="%s" as editable, its descendants too',
    (value) => {
      expect(isEditable(textIn(`<div contenteditable="${value}"><p><b>دمشق</b></p></div>`, 'b'))).toBe(true);
    },
  );

  it('does not count contenteditable="false", nor a region switched off inside an editor', () => {
    expect(isEditable(textIn('<div contenteditable="false"><p>دمشق</p></div>', 'p'))).toBe(false);
    expect(isEditable(textIn('<div contenteditable><p contenteditable="FALSE">دمشق</p></div>', 'p'))).toBe(
      false,
    );
    expect(isEditable(textIn('<p>دمشق</p>', 'p'))).toBe(false);
  });

  it('counts a whole document in design mode', () => {
    const text = textIn('<p>دمشق</p>', 'p');
    document.designMode = 'on';
    expect(isEditable(text)).toBe(true);
  });

  it('keeps only the text outside editors', () => {
    textIn('<p>حلب</p><div contenteditable="plaintext-only">دمشق</div><p>حمص</p>', 'p');
    const texts = [...document.body.querySelectorAll('p, div')].map((e) => e.firstChild as Text);
    expect(outsideEditable(texts).map((t) => t.data)).toEqual(['حلب', 'حمص']);
  });
});
