import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledLexicon, compiledBundledLexicon } from './bundled-lexicon.ts';
import { decodeShippedLexicon, shipLexicon } from './shipped-lexicon.ts';
import { spot } from './spot.ts';

describe('the lexicon as the extension ships it to pages (a JSON file)', () => {
  const decoded = decodeShippedLexicon(JSON.parse(JSON.stringify(shipLexicon(bundledLexicon))));

  it('finds exactly what the freshly compiled lexicon finds', () => {
    const text = readFileSync('tests/fixtures/seeds/001_43be742b00fee8f7.txt', 'utf8');
    const found = (lex: ReturnType<typeof compiledBundledLexicon>) =>
      spot(text, lex).map((m) => [m.start, m.end, m.alias.entity.id, m.alias.alias.text]);
    expect(found(decoded.compiled())).toEqual(found(compiledBundledLexicon()));
    expect(found(decoded.compiled()).length).toBeGreaterThan(50);
  });

  it('keeps every entity, with its ids and aliases, in order', () => {
    expect(decoded.entities.map((e) => e.id)).toEqual(bundledLexicon.entities.map((e) => e.id));
    expect(decoded.entities.map((e) => e.aliases.map((a) => a.text))).toEqual(
      bundledLexicon.entities.map((e) => e.aliases.map((a) => a.text)),
    );
  });

  it('refuses a file of another shape with a clear message', () => {
    expect(() => decodeShippedLexicon({ version: 2 })).toThrow(/not in the shape/);
    expect(() => decodeShippedLexicon(null)).toThrow(/not in the shape/);
  });
});
