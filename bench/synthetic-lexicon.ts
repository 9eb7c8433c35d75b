import type { Entity, Lexicon } from '../lib/lexicon/schema.ts';

/**
 * A lexicon of exactly `size` aliases for the benchmarks: the real ones first (one entity per alias),
 * then synthetic Arabic names of 1–3 words of 3–8 letters. Deterministic, so that every run and every
 * page load gets the same lexicon.
 */
export function lexiconOf(lexicon: Pick<Lexicon, 'entities'>, size: number): Entity[] {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  const word = () =>
    Array.from(
      { length: 3 + Math.floor(rand() * 6) },
      () => letters[Math.floor(rand() * letters.length)],
    ).join('');
  const real = lexicon.entities.flatMap((e) => e.aliases.map((a) => ({ ...e, aliases: [a] })));
  const out: Entity[] = real.slice(0, size);
  for (let i = out.length; i < size; i++) {
    const name = Array.from({ length: 1 + Math.floor(rand() * 3) }, word).join(' ');
    out.push({ ...real[0]!, id: `synthetic-${i}`, aliases: [{ text: name }] });
  }
  return out;
}
