/**
 * `npm run bench:suggest` — what the suggestion tier adds to reading an article, in Node, side by side
 * in one run (medians of interleaved rounds):
 * 1. on each seed article (../shared/seeds/*.txt, 5–8 KB): spot() alone vs spot() + suggestNames();
 * 2. on each demo page (tests/fixtures/pages/*\/source.html, 10–18 KB): reading (article extraction)
 *    + spot() vs the same + suggestNames() — the page's reading time the issue's 30% is about;
 * 3. the model's one-time decode.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlArticleText } from '../lib/article/read-document.ts';
import { compiledBundledLexicon } from '../lib/lexicon/bundled-lexicon.ts';
import { spot } from '../lib/lexicon/spot.ts';
import model from '../lib/suggest/model.json' with { type: 'json' };
import { decodeModel, type ModelFile } from '../lib/suggest/tagger.ts';
import { suggestNames } from '../lib/suggest/suggest-names.ts';

const SEEDS = join(import.meta.dirname, '../../shared/seeds');
const PAGES = join(import.meta.dirname, '../tests/fixtures/pages');
const lexicon = compiledBundledLexicon();

let t0 = performance.now();
const tagger = decodeModel(model as ModelFile);
const decodeMs = performance.now() - t0;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** Median time of `a` and of `b`, interleaved so that both see the same machine load. */
function sideBySide(a: () => unknown, b: () => unknown, rounds = 41, reps = 5): [number, number] {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < 5; i++) {
    a();
    b();
  }
  for (let r = 0; r < rounds; r++) {
    t0 = performance.now();
    for (let k = 0; k < reps; k++) a();
    ta.push((performance.now() - t0) / reps);
    t0 = performance.now();
    for (let k = 0; k < reps; k++) b();
    tb.push((performance.now() - t0) / reps);
  }
  return [median(ta), median(tb)];
}

const row = (name: string, size: number, a: number, b: number) =>
  console.log(
    `${name.padEnd(44)} ${`${(size / 1024).toFixed(1)} KB`.padStart(8)} ${a.toFixed(3).padStart(8)} ms ${b.toFixed(3).padStart(8)} ms ${(b / a).toFixed(2).padStart(6)}×`,
  );

console.log(`model decode (once per page or process): ${decodeMs.toFixed(1)} ms`);
console.log(
  `\n${'seed article: spot vs spot + suggest'.padEnd(44)} ${'size'.padStart(8)} ${'spot'.padStart(11)} ${'+suggest'.padStart(11)}  ratio`,
);
const seedRatios: number[] = [];
for (const f of readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()) {
  const text = readFileSync(join(SEEDS, f), 'utf8');
  const [a, b] = sideBySide(
    () => spot(text, lexicon),
    () => suggestNames(text, spot(text, lexicon), { tagger }),
  );
  seedRatios.push(b / a);
  row(f, text.length * 2, a, b);
}
console.log(
  `\n${'page: read + spot vs read + spot + suggest'.padEnd(44)} ${'size'.padStart(8)} ${'read+spot'.padStart(11)} ${'+suggest'.padStart(11)}  ratio`,
);
const pageRatios: number[] = [];
for (const slug of readdirSync(PAGES).sort()) {
  let html: string;
  try {
    html = readFileSync(join(PAGES, slug, 'source.html'), 'utf8');
  } catch {
    continue;
  }
  const [a, b] = sideBySide(
    () => spot(htmlArticleText(html), lexicon),
    () => {
      const text = htmlArticleText(html);
      return suggestNames(text, spot(text, lexicon), { tagger });
    },
    15,
    2,
  );
  pageRatios.push(b / a);
  row(slug, html.length, a, b);
}
console.log(
  `\nmedian ratio: seeds (spot alone) ${median(seedRatios).toFixed(2)}×; pages (reading + spot) ${median(pageRatios).toFixed(2)}× (goal ≤ 1.30×)`,
);
