import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledLexicon } from './bundled-lexicon.ts';
import { compileLexicon, step } from './compile-lexicon.ts';
import { findNames } from './spot.ts';
import { wordHash, wordTable } from '../arabic/normalize.ts';
import { endsAt, firstWordNode, stepIn, walkTrieOf } from './walk-trie.ts';
import { testEntity } from '../../tests/support/test-entity.ts';

describe('the trie as spot() walks it (issue #16)', () => {
  it('steps as the compiled trie does, from every node by every code its aliases use, and one they do not', () => {
    const lex = compileLexicon(bundledLexicon);
    const trie = walkTrieOf(lex);
    const codes = [0x20, 0x61, 0x3042];
    for (let code = 1; code < 0x10000; code++) if (lex.symbol[code]) codes.push(code);
    const nodes = lex.onlyCode.length;
    let differ = 0;
    let rows = 0;
    for (let node = 0; node < nodes; node++) {
      if (trie.info[node * 2]! < 0) rows++;
      for (const code of codes) if (stepIn(trie, lex, node, code) !== step(lex, node, code)) differ++;
      if (endsAt(trie, node) !== lex.termStart[node]! < lex.termStart[node + 1]!) differ++;
    }
    expect(differ).toBe(0);
    // The root and the busiest nodes have rows; most nodes have one child.
    expect(rows).toBeGreaterThan(1);
    expect(rows).toBeLessThan(nodes / 20);
  }, 60_000);

  it('is made once per lexicon', () => {
    const lex = compileLexicon({ entities: bundledLexicon.entities.slice(0, 50) });
    expect(walkTrieOf(lex)).toBe(walkTrieOf(lex));
  });
});

describe('the first words of the names (issue #16: a walk only where a name may start)', () => {
  /** The lexicon compiled again, its bit set letting every word through to the table of first words. */
  const unfiltered = (entities: Parameters<typeof compileLexicon>[0]['entities']) => {
    const lex = compileLexicon({ entities });
    walkTrieOf(lex).firstWords.fill(0xffffffff);
    return lex;
  };
  const same = (text: string, filtered: ReturnType<typeof compileLexicon>, all: typeof filtered) => {
    const a = findNames(text, filtered);
    const b = findNames(text, all);
    expect(a.count).toBe(b.count);
    expect([...a.start]).toEqual([...b.start]);
    expect([...a.end]).toEqual([...b.end]);
    expect([...a.alias]).toEqual([...b.alias]);
    return a.count;
  };

  it('drop no name: every alias behind every clitic and as لل, and the seeds, find what they find unfiltered', () => {
    const filtered = compileLexicon(bundledLexicon);
    const all = unfiltered(bundledLexicon.entities);
    const forms: string[] = [];
    for (const { aliases } of bundledLexicon.entities)
      for (const { text } of aliases) {
        forms.push(text, `و${text}`, `ب${text}،`, `«ل${text}»`, `وب${text}.`, `فك${text}`);
        if (text.startsWith('ال'))
          forms.push(`لل${text.slice(2)}`, `ل${text.slice(1)}`, `ولل${text.slice(2)}`);
        // Diacritised and stretched, as news text writes names at times.
        forms.push(text.replace(/(\p{L})/gu, '$1\u064e'), text.replace(/(\p{L})(?=\p{L})/u, '$1ـــ'));
      }
    const seeds = readdirSync('tests/fixtures/seeds/')
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(`tests/fixtures/seeds/${f}`, 'utf8'));
    expect(same(forms.join(' في '), filtered, all)).toBeGreaterThan(50_000);
    expect(same(seeds.join('\n'), filtered, all)).toBeGreaterThan(300);
  }, 60_000);

  it('hold a name whose first word is longer than the hashes’ table of powers', () => {
    const long = 'بلاد' + 'ت'.repeat(70);
    const entities = [testEntity('long', 'place', [{ text: `${long} الشام` }, { text: `ال${long}` }])];
    const filtered = compileLexicon({ entities });
    const all = unfiltered(entities);
    expect(same(`في ${long} الشام و${long} الشام وال${long} ولل${long}`, filtered, all)).toBe(4);
  });

  it('lead from the root where stepping leads, for every alias’s first word; and nowhere for other words', () => {
    const lex = compileLexicon(bundledLexicon);
    const { firstWordNodes } = walkTrieOf(lex);
    const word = wordTable();
    const nodeOf = (codes: Uint16Array, b: number, e: number) =>
      firstWordNode(firstWordNodes, codes, b, e, wordHash(codes, b, e));
    const firstWords = new Set<string>();
    for (const { folded } of lex.aliases) {
      let end = 0;
      while (end < folded.length && word[folded.charCodeAt(end)]) end++;
      firstWords.add(folded.slice(0, end));
    }
    let others = 0;
    for (const first of firstWords) {
      const codes = Uint16Array.from(first, (c) => c.charCodeAt(0));
      let node = 0;
      for (const code of codes) node = step(lex, node, code);
      expect(nodeOf(codes, 0, codes.length), first).toBe(node);
      // One unit less, one more, one changed: another word, found only if it is a first word too.
      for (const other of [first.slice(0, -1), `${first}ب`, `${first.slice(0, -1)}ژ`]) {
        if (!other || firstWords.has(other)) continue;
        others++;
        expect(
          nodeOf(
            Uint16Array.from(other, (c) => c.charCodeAt(0)),
            0,
            other.length,
          ),
          other,
        ).toBe(-1);
      }
    }
    expect(firstWords.size).toBeGreaterThan(3000);
    expect(others).toBeGreaterThan(firstWords.size);
  });

  it('set few bits: few words pass by chance', () => {
    const lex = compileLexicon(bundledLexicon);
    const { firstWords } = walkTrieOf(lex);
    const set = firstWords.reduce((n, bits) => n + popcount(bits), 0);
    // A bit per first word, far fewer than the bits: few words of a text pass by chance.
    expect(set / (firstWords.length * 32)).toBeLessThan(0.05);
  });
});

function popcount(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}
