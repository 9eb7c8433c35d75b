/**
 * Test and bench support: a copy of `text` with a share of its letters changed, the way a page is
 * edited between two visits — letters replaced, dropped and added (in turn), at places a seeded
 * generator picks, so every run changes the same ones.
 */
export function changeLetters(text: string, share: number, seed = 1): string {
  const random = mulberry32(seed);
  const letters = [...text.matchAll(/\p{L}/gu)].map((m) => m.index);
  const count = Math.max(1, Math.round(text.length * share));
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, letters.length))
    chosen.add(letters[Math.floor(random() * letters.length)]!);
  // Letters that fold to themselves and to one another only: a replacement is always an edit.
  const ALPHABET = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';
  let out = '';
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (!chosen.has(i)) {
      out += text[i];
      continue;
    }
    const other = ALPHABET[(ALPHABET.indexOf(text[i]!) + 1 + Math.floor(random() * 20)) % ALPHABET.length]!;
    const kind = n++ % 3;
    if (kind === 0) out += other;
    else if (kind === 2) out += text[i]! + other;
  }
  return out;
}

/** A small seeded generator (Tommy Ettinger's mulberry32): numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
