import { describe, expect, it } from 'vitest';
import { bundledLexicon } from './bundled-lexicon.ts';
import { compileLexicon, step } from './compile-lexicon.ts';
import { endsAt, stepIn, walkTrieOf } from './walk-trie.ts';

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
