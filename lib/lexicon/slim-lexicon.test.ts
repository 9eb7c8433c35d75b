import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledLexicon, compiledBundledLexicon } from './bundled-lexicon.ts';
import { deserializeLexicon, serializeLexicon } from './serialize-lexicon.ts';
import {
  packedEntitySource,
  packLexicon,
  slimLexicon,
  unpackLexicon,
  type EntitySource,
} from './slim-lexicon.ts';
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

  it('makes on a page only the entities the page names (issue #13: the decode is most of a cold page)', () => {
    const packed = JSON.parse(JSON.stringify(packLexicon(bundledLexicon))) as Parameters<
      typeof packedEntitySource
    >[0];
    const inner = packedEntitySource(packed);
    const made = new Set<number>();
    const counting: EntitySource = { ...inner, at: (i) => (made.add(i), inner.at(i)) };
    const lazy = deserializeLexicon(
      JSON.parse(JSON.stringify(serializeLexicon(compiledBundledLexicon()))),
      counting,
    );
    expect(made.size).toBe(0);
    const text = readFileSync(SEEDS + readdirSync(SEEDS).find((f) => f.endsWith('.txt'))!, 'utf8');
    expect(reading(lazy, text)).toEqual(reading(compiledBundledLexicon(), text));
    const named = new Set(spot(text, lazy).map((m) => m.alias.entity.id));
    // The entities named, and those of a few candidates whose conditions were read: not the thousands.
    expect(made.size).toBeGreaterThanOrEqual(named.size);
    expect(made.size).toBeLessThan(bundledLexicon.entities.length / 10);
    // Asked for whole, the lexicon is every entity, the same objects the aliases point to.
    expect(lazy.entities).toHaveLength(bundledLexicon.entities.length);
    expect(lazy.aliases[0]!.entity).toBe(lazy.entities[0]);
  });
});
