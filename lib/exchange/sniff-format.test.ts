import { describe, expect, it } from 'vitest';
import { sniffFormat } from './sniff-format.ts';
import { toCsv } from './csv.ts';
import { toMarkdown } from './markdown.ts';
import { exportInput } from './export-input.fixture.ts';

describe('sniffFormat', () => {
  it.each([
    ['Rasid’s own CSV export', toCsv(exportInput()), 'csv'],
    ['a semicolon CSV', 'quote;note;tags\nسد;ملاحظة;وسم', 'csv'],
    ['Rasid’s own Markdown report', toMarkdown(exportInput()), 'markdown'],
    ['a Markdown list', '- أول\n- ثانٍ', 'markdown'],
    ['a saved page', '<!DOCTYPE html><html lang="ar"><body>مقال</body></html>', 'html'],
    ['a fragment of a page', '\n  <div class="x">نص</div>', 'html'],
  ])('recognises %s', (_, text, format) => expect(sniffFormat(text)).toBe(format));

  it.each([
    ['a cut-off JSON object', '{"type": "AnnotationCollection", "items": ['],
    ['a cut-off JSON list', '[{"uri": "https://a.example",'],
    ['a bare word', 'annotations'],
    ['an empty file', ''],
  ])('leaves %s to the JSON parser’s message', (_, text) => expect(sniffFormat(text)).toBeNull());
});
