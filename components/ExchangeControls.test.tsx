import { describe, expect, it } from 'vitest';
import { toCsv } from '../lib/exchange/csv.ts';
import { exportInput } from '../lib/exchange/export-input.fixture.ts';
import { parseWebAnnotation } from '../lib/exchange/parse-web-annotation.ts';
import { createTranslator } from '../lib/i18n/i18n.ts';
import { fileProblemText } from './ExchangeControls.tsx';

describe('an import of a file that is not JSON', () => {
  const now = Date.UTC(2026, 0, 1);
  it.each([
    ['en', 'Rasid imports JSON-LD (W3C or Hypothesis annotations); this is a CSV file.'],
    ['ar', 'يستورد راصد ملفات JSON-LD (تعليقات W3C أو Hypothesis)؛ وهذا ملف CSV.'],
  ] as const)('says in %s that a CSV export is CSV, not what the JSON parser choked on', (lang, message) => {
    const parsed = parseWebAnnotation(toCsv(exportInput()), { now });
    expect(parsed).toEqual({ ok: false, error: { code: 'other-format', format: 'csv' } });
    expect(!parsed.ok && fileProblemText(createTranslator(lang), parsed.error)).toBe(message);
  });

  it('still quotes the parser for broken JSON', () =>
    expect(parseWebAnnotation('{"items": [', { now })).toMatchObject({
      ok: false,
      error: { code: 'not-json' },
    }));
});
