import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledLexicon, compiledBundledLexicon } from './bundled-lexicon.ts';
import { deserializeLexicon, serializeLexicon } from './serialize-lexicon.ts';
import { packLexicon, slimLexicon, unpackLexicon } from './slim-lexicon.ts';
import { spot } from './spot.ts';

describe('the lexicon as the extension ships it (slim, packed)', () => {
  const shipped = unpackLexicon(JSON.parse(JSON.stringify(packLexicon(bundledLexicon))));
  const loaded = deserializeLexicon(
    JSON.parse(JSON.stringify(serializeLexicon(compiledBundledLexicon()))),
    shipped,
  );
  const SEEDS = 'tests/fixtures/seeds/';
  const reading = (lex: typeof loaded, text: string) =>
    spot(text, lex).map((m) => [m.start, m.end, m.alias.entity.id, m.alias.alias.text]);

  it('unpacks to the slim lexicon: every entity and alias, in the same order', () => {
    expect(shipped).toEqual(slimLexicon(bundledLexicon));
    expect(shipped.entities.map((e) => e.aliases.length)).toEqual(
      bundledLexicon.entities.map((e) => e.aliases.length),
    );
  });

  it('is much smaller than the source', () => {
    expect(JSON.stringify(packLexicon(bundledLexicon)).length).toBeLessThan(
      JSON.stringify(bundledLexicon).length * 0.7,
    );
  });

  it.each(readdirSync(SEEDS).filter((f) => f.endsWith('.txt')))(
    'finds in %s what the source finds',
    (file) => {
      const text = readFileSync(SEEDS + file, 'utf8');
      expect(reading(loaded, text)).toEqual(reading(compiledBundledLexicon(), text));
    },
  );

  it('keeps conditions, the subject of the text included', () => {
    const iran = 'قال مسؤول في طهران إن النظام في إيران لن يتراجع';
    expect(reading(loaded, iran)).toEqual(reading(compiledBundledLexicon(), iran));
    expect(spot('قال إن النظام في سوريا قصف حلب', loaded).map((m) => m.alias.entity.id)).toContain(
      'syrian-regime',
    );
  });
});
