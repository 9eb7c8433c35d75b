/**
 * `npm run bench` — the matcher's speed, measured side by side in one run:
 * 1. throughput of the matcher, `findNames()` (fold + match + map back to the original, names as
 *    typed arrays: what the background sends a page), on a large Arabic text, against a bare
 *    character scan of the same text (every UTF-16 unit read, word starts counted with a table
 *    lookup: the least any word matcher must do), as a ratio; and of `spot()`, the same names as
 *    objects with their text (what the CLI and the tests read);
 * 2. how compile time, memory and matching time grow from 100 to 100,000 aliases (the seed aliases,
 *    then synthetic Arabic names), on the same text.
 * 0. the bundled lexicon as the extension ships it (issue #13): its size, its compile time and memory
 *    (at build time), and what a page pays to decode it (JSON.parse, unpack, deserialize) and keep it.
 * Figures are medians of several runs after warm-up. Goal: within 5× of the bare scan; flat in lexicon size.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { normalize, wordTable } from '../lib/arabic/normalize.ts';
import { bundledLexicon } from '../lib/lexicon/bundled-lexicon.ts';
import { compileLexicon } from '../lib/lexicon/compile-lexicon.ts';
import { deserializeLexicon, serializeLexicon } from '../lib/lexicon/serialize-lexicon.ts';
import { packedEntitySource, packLexicon } from '../lib/lexicon/slim-lexicon.ts';
import { findNames, spot } from '../lib/lexicon/spot.ts';
import { mayStartWith, walkTrieOf } from '../lib/lexicon/walk-trie.ts';
import { lexiconOf } from './synthetic-lexicon.ts';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const SEEDS = 'tests/fixtures/seeds/';
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(SEEDS + f, 'utf8'))
  .join('\n\n');
const TARGET_CHARS = 1_000_000;
const text = seeds.repeat(Math.ceil(TARGET_CHARS / seeds.length));

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => unknown, runs = 7, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const WORD = wordTable();

function bareScan(s: string): number {
  let words = 0;
  let inWord = 0;
  for (let i = 0; i < s.length; i++) {
    const w = WORD[s.charCodeAt(i)]!;
    if (w && !inWord) words++;
    inWord = w;
  }
  return words;
}

const mb = (chars: number, ms: number) => ((chars * 2) / 1e6 / (ms / 1000)).toFixed(1);
const fmt = (n: number, d = 1) => n.toFixed(d);

{
  // What the build plugin (scripts/precompiled-lexicon-plugin.ts) puts into the content script.
  const packed = JSON.stringify(packLexicon(bundledLexicon));
  const serialized = JSON.stringify(serializeLexicon(compileLexicon(bundledLexicon)));
  const kb = (s: string) => (Buffer.byteLength(s) / 1000).toFixed(0);
  const decode = () => deserializeLexicon(JSON.parse(serialized), packedEntitySource(JSON.parse(packed)));
  const compileMs = time(() => compileLexicon(bundledLexicon), 5, 1);
  const decodeMs = time(decode, 9, 2);
  // Kept until the end of the section, so that the heap measured is what stays alive.
  const kept: unknown[] = [];
  const heapOf = (make: () => unknown) => {
    gc();
    const before = process.memoryUsage().heapUsed;
    kept.push(make());
    gc();
    return (process.memoryUsage().heapUsed - before) / 1e6;
  };
  const entities = bundledLexicon.entities.length;
  const aliases = bundledLexicon.entities.reduce((n, e) => n + e.aliases.length, 0);
  console.log(`0. The bundled lexicon: ${entities} entities, ${aliases} aliases`);
  console.log(
    `   shipped: entities ${kb(packed)} KB + compiled trie ${kb(serialized)} KB (UTF-8, before minification)`,
  );
  console.log(
    `   compile (build time, Node) ${fmt(compileMs)} ms, heap ${fmt(heapOf(() => compileLexicon(bundledLexicon)))} MB`,
  );
  console.log(
    `   decode on a page (JSON.parse + unpack + deserialize) ${fmt(decodeMs)} ms, heap ${fmt(heapOf(decode))} MB`,
  );
  // The matcher's own tables (walk-trie.ts), made from the decoded lexicon: the first time cold, as a
  // fresh background makes them (it does so while a page's reader is injected: `readyToSpot`).
  const decoded = [decode(), decode(), decode()];
  const made = decoded.map((lex) => {
    const t0 = performance.now();
    walkTrieOf(lex);
    return performance.now() - t0;
  });
  console.log(`   the matcher's tables: ${fmt(made[0]!)} ms the first time, ${fmt(made[2]!)} ms the third\n`);
}

console.log(
  `Text: the five seeds repeated, ${(text.length / 1e6).toFixed(2)} M UTF-16 units (${((text.length * 2) / 1e6).toFixed(1)} MB)`,
);
const lexicon = compileLexicon(bundledLexicon);
const aliasCount = lexicon.aliases.length;
// Scan and matcher alternate in rounds, and the ratio is taken per round: a shared machine's speed
// drifts, and both sides of a ratio should see the same drift. Each is warmed first by 20 calls: V8
// compiles a function with its optimizing tier only after several calls, and with three warm-up calls
// the matcher was timed half in its middle tier (a third slower; a page's first reading is cold
// either way, and `npm run bench:page` measures that).
const WARM = 20;
const rounds: { scan: number; find: number; spot: number; fold: number }[] = [];
time(() => bareScan(text), 1, WARM);
time(() => findNames(text, lexicon), 1, WARM);
time(() => spot(text, lexicon), 1, WARM);
time(() => normalize(text), 1, WARM);
for (let r = 0; r < 11; r++)
  rounds.push({
    scan: time(() => bareScan(text), 3, 0),
    find: time(() => findNames(text, lexicon), 1, 0),
    spot: time(() => spot(text, lexicon), 1, 0),
    fold: time(() => normalize(text), 1, 0),
  });
const scanMs = median(rounds.map((r) => r.scan));
const findMs = median(rounds.map((r) => r.find));
const spotMs = median(rounds.map((r) => r.spot));
const ratio = median(rounds.map((r) => r.find / r.scan));
const spotRatio = median(rounds.map((r) => r.spot / r.scan));
const foldRatio = median(rounds.map((r) => r.fold / r.scan));
const names = findNames(text, lexicon).count;
// How many of the text's words a walk begins from (besides those behind clitics): what the first words
// spare (walk-trie.ts).
const folded = normalize(text);
let walked = 0;
for (const h of folded.wordHashes) if (mayStartWith(walkTrieOf(lexicon).firstWords, h)) walked++;
console.log('\n1. Throughput (bundled lexicon, %d aliases)', aliasCount);
console.log(
  `   bare character scan   ${fmt(scanMs).padStart(8)} ms  ${mb(text.length, scanMs).padStart(7)} MB/s`,
);
console.log(
  `   Rasid findNames()     ${fmt(findMs).padStart(8)} ms  ${mb(text.length, findMs).padStart(7)} MB/s  (${names} names)`,
);
console.log(
  `   spot(), as objects    ${fmt(spotMs).padStart(8)} ms  ${mb(text.length, spotMs).padStart(7)} MB/s  (${fmt(spotRatio, 2)}× the scan)`,
);
console.log(`   ratio matcher / scan  ${fmt(ratio, 2)}×   (median of 11 interleaved rounds; goal ≤ 5×)`);
console.log(`   of which folding alone ${fmt(foldRatio, 2)}× the scan`);
console.log(
  `   words a walk may begin at: ${walked} of ${folded.wordHashes.length} (the rest no alias begins with); the map back in ${folded.runAt.length} runs`,
);

console.log('\n2. Growth with lexicon size (same text)');
console.log('   aliases    compile      heap   match   MB/s   vs 100');
const sample = text.slice(0, 1_000_000);
let base = 0;
for (const size of [100, 1_000, 10_000, 100_000]) {
  const entities = lexiconOf(bundledLexicon, size);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const compiled = compileLexicon({ entities });
  const compileMs = performance.now() - t0;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  const ms = time(() => findNames(sample, compiled), 5, 1);
  base ||= ms;
  console.log(
    `   ${String(size).padStart(7)} ${fmt(compileMs).padStart(8)} ms ${fmt(heapMb).padStart(6)} MB ${fmt(ms).padStart(6)} ms ${mb(sample.length, ms).padStart(6)}   ${fmt(ms / base, 2)}×`,
  );
}
console.log('\nReproduce: npm run bench  (Node', process.version + ')');
