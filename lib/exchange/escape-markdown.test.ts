import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  markdownLink,
  markdownParagraphs,
  markdownQuote,
  markdownUrl,
} from './escape-markdown.ts';

describe('escapeMarkdown', () => {
  it('leaves Arabic text and ordinary punctuation as they are', () =>
    expect(escapeMarkdown('قال المرصد، إن 12 مقاتلاً قتلوا.')).toBe('قال المرصد، إن 12 مقاتلاً قتلوا.'));

  it('turns HTML into entities', () =>
    expect(escapeMarkdown('<img src=x onerror=alert(1)> & co')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; &amp; co',
    ));

  it('escapes a link, so that it is not one', () =>
    expect(escapeMarkdown('[click](javascript:alert(1))')).toBe('\\[click\\](javascript:alert(1))'));

  it.each([
    ['*bold*', '\\*bold\\*'],
    ['_em_', '\\_em\\_'],
    ['`code`', '\\`code\\`'],
    ['a | b', 'a \\| b'],
    ['~~gone~~', '\\~\\~gone\\~\\~'],
    ['![img](x)', '\\!\\[img\\](x)'],
    ['back\\slash', 'back\\\\slash'],
    ['&amp;', '&amp;amp;'],
  ])('escapes %j', (text, escaped) => expect(escapeMarkdown(text)).toBe(escaped));

  it.each([
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. item', '1\\. item'],
    ['2025) item', '2025\\) item'],
    ['===', '\\==='],
    ['> quote', '&gt; quote'],
    ['    code', 'code'],
  ])('keeps %j from starting a block', (text, escaped) => expect(escapeMarkdown(text)).toBe(escaped));

  it('keeps a line break from starting a new line', () => expect(escapeMarkdown('a\n# b')).toBe('a \\# b'));
});

describe('markdownQuote', () => {
  it('keeps every line, blank ones too, inside the quote', () =>
    expect(markdownQuote('one\n\n# two\r\n<b>')).toBe('> one\n>\n> \\# two\n> &lt;b&gt;'));
});

describe('markdownParagraphs', () => {
  it('keeps line breaks as hard breaks and blank lines as paragraphs', () =>
    expect(markdownParagraphs('one\ntwo\n\n\nthree')).toBe('one  \ntwo\n\nthree'));

  it('escapes every line', () => expect(markdownParagraphs('a\n- b')).toBe('a  \n\\- b'));
});

describe('markdownUrl', () => {
  it('links web pages and saved pages', () => {
    expect(markdownUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(markdownUrl('file:///home/r/a.html')).toBe('file:///home/r/a.html');
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'not a url', 'vbscript:x'])(
    'does not link %j',
    (address) => expect(markdownUrl(address)).toBeNull(),
  );

  it('encodes what would end the destination', () =>
    expect(markdownUrl('https://example.org/a b/(c)<d>')).toBe('https://example.org/a%20b/%28c%29%3Cd%3E'));

  it('keeps an entity-like query from being decoded', () =>
    expect(markdownUrl('https://example.org/?a=1&copy;=2')).toBe('https://example.org/?a=1&amp;copy;=2'));
});

describe('markdownLink', () => {
  it('is a link with escaped text', () =>
    expect(markdownLink('[x] <y>', 'https://example.org/')).toBe(
      '[\\[x\\] &lt;y&gt;](https://example.org/)',
    ));

  it('is plain text for an address that may not be a link', () =>
    expect(markdownLink('title', 'javascript:alert(1)')).toBe('title'));
});
