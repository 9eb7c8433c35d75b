import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bundledLexicon, compiledBundledLexicon } from './bundled-lexicon.ts';
import { deserializeLexicon, serializeLexicon } from './serialize-lexicon.ts';
import { spot } from './spot.ts';

describe('a lexicon compiled at build time', () => {
  const serialized = JSON.parse(JSON.stringify(serializeLexicon(compiledBundledLexicon())));
  const loaded = deserializeLexicon(serialized, bundledLexicon);

  it('survives JSON and finds exactly what the freshly compiled one finds', () => {
    const text = readFileSync('tests/fixtures/seeds/001_43be742b00fee8f7.txt', 'utf8');
    const ids = (lex: typeof loaded) =>
      spot(text, lex).map((m) => [m.start, m.end, m.alias.entity.id, m.alias.alias.text]);
    expect(ids(loaded)).toEqual(ids(compiledBundledLexicon()));
    expect(ids(loaded).length).toBeGreaterThan(50);
  });

  it('keeps the aliases’ conditions', () => {
    expect(spot('استقبل رئيس الدولة الوفد', loaded)).toEqual([]);
    expect(spot('مقاتلي تنظيم "الدولة"', loaded).map((m) => m.alias.entity.id)).toEqual(['isis']);
  });
});
