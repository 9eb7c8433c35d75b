/**
 * `npm run measure:ner [-- --json] [--split train|val]` — how much of a gold-annotated Arabic
 * corpus Rasid's two tiers find: the known tier (spot() over the bundled lexicon) and the known +
 * suggested tiers (lib/suggest).
 *
 * Data: ../shared/data/ner-train/wojood-sample/{train,val}.txt (MIT; RASID_DATA overrides the data
 * folder). Tune on train, report val. The test split is not used, nor looked for.
 *
 * `--misses train` prints the gold names neither tier finds, grouped by type and counted by spelling, and
 * the false positives of each tier (error analysis on train only; never on val).
 *
 * `--heldout` measures on a quarter of train (every fourth sentence) with a tagger trained, with the
 * bundled model's options and threshold, on the rest of train and NewsFANE (about 30 s): the tagger has
 * seen every train sentence, so train's own figures flatter the suggestions; this is the honest
 * development figure. `--heldout --misses train` lists that quarter's errors.
 *
 * `--newsfane` measures NewsFANE Gold (CC BY-SA 3.0) instead: the known tier on a second corpus of
 * other news (the tagger was trained on it, so its suggestions there say little); with `--misses`, its
 * errors.
 *
 * Each sentence is joined with spaces and read like a page. Gold names are every PERS, GPE, LOC, FAC
 * and ORG span at every nesting level (in «مجلس الأمن ضد الأسد» both the ORG and the nested PERS
 * الأسد count). A predicted span and a gold span are compatible when their kinds agree: a person
 * with PERS; a place with GPE, LOC, FAC; an organisation or any other actor (state, government,
 * armed group …) with ORG or GPE (Wojood tags a state acting as ORG or GPE).
 * - recall ("finds"): the share of gold spans that a compatible predicted span overlaps (`overlap`),
 *   or matches word for word (`exact`);
 * - precision: the share of a tier's spans that overlap a compatible gold span (`overlap`), match one
 *   exactly (`exact`), or overlap a gold span of any of the five types (`any`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compiledBundledLexicon } from '../lib/lexicon/bundled-lexicon.ts';
import { spot } from '../lib/lexicon/spot.ts';
import { bundledTagger } from '../lib/suggest/bundled-recogniser.ts';
import model from '../lib/suggest/model.json' with { type: 'json' };
import {
  parseNewsFane,
  parseWojood,
  readSentence,
  type NameKind,
  type ReadSentence,
} from '../lib/suggest/ner-corpus.ts';
import { decodeModel, type ModelFile, type Tagger } from '../lib/suggest/tagger.ts';
import { trainTagger, type TrainOptions } from '../lib/suggest/train-tagger.ts';
import { suggestNames } from '../lib/suggest/suggest-names.ts';
import type { Words } from '../lib/suggest/words.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    split: { type: 'string', multiple: true },
    misses: { type: 'string' },
    heldout: { type: 'boolean', default: false },
    newsfane: { type: 'boolean', default: false },
    threshold: { type: 'string' },
    'single-threshold': { type: 'string' },
  },
});
// `--misses train` lists, for error analysis, the gold names neither tier finds (by type) and each
// tier's spans that fall on no compatible gold name. Only for the training split: val is reported, not studied.
if (values.misses !== undefined && values.misses !== 'train') {
  console.error('--misses lists errors on the training split only: --misses train');
  process.exit(2);
}
const DATA = process.env.RASID_DATA ?? join(import.meta.dirname, '../../shared/data');
const splits = values.split?.length ? values.split : ['train', 'val'];
const COMPATIBLE: Record<NameKind, Set<string>> = {
  person: new Set(['PERS']),
  place: new Set(['GPE', 'LOC', 'FAC']),
  organization: new Set(['ORG', 'GPE']),
};
/** NewsFANE's classes: a kind each (lib/suggest/ner-corpus.ts); a state acting is an organisation too. */
const NEWSFANE_STATES = new Set(['Nation', 'Population-Center', 'State-or-Province', 'GPE-Cluster']);

interface Span {
  from: number;
  to: number;
  kind: NameKind;
}

/** Words `[from, to)` that the original offsets `[start, end)` touch. */
function wordSpan(words: Words, start: number, end: number): [number, number] {
  let from = 0;
  while (from < words.length && words.end[from]! <= start) from++;
  let to = from;
  while (to < words.length && words.start[to]! < end) to++;
  return [from, to];
}

interface Tally {
  gold: number;
  found: { overlap: number; exact: number };
  spans: number;
  right: { overlap: number; exact: number; any: number };
}
const tally = (): Tally => ({
  gold: 0,
  found: { overlap: 0, exact: 0 },
  spans: 0,
  right: { overlap: 0, exact: 0, any: 0 },
});

/** `--threshold`, `--single-threshold`: try other thresholds than the model's (on train, held out). */
const thresholds = {
  ...(values.threshold ? { threshold: Number(values.threshold) } : {}),
  ...(values['single-threshold'] ? { singleThreshold: Number(values['single-threshold']) } : {}),
};

let newsFane = false;
const kindOfTag = new Map<string, NameKind>();

/** NewsFANE Gold, read as the measure reads Wojood. The tagger learnt from all of it: known tier only. */
function readNewsFane(): ReadSentence[] {
  const sentences = parseNewsFane(
    readFileSync(join(DATA, 'ner-train/newsfane-gold-2014/NewsFANE_Gold_2014_170K.txt'), 'utf8'),
  );
  for (const s of sentences) for (const g of s.spans) if (g.kind) kindOfTag.set(g.tag, g.kind);
  newsFane = true;
  return sentences.map(readSentence);
}

const readSplit = (split: string) =>
  parseWojood(readFileSync(join(DATA, 'ner-train/wojood-sample', `${split}.txt`), 'utf8')).map(readSentence);

/** Train's every fourth sentence, and a tagger trained as the bundled one was, without them. */
function heldOut(): { sentences: ReadSentence[]; tagger: Tagger } {
  const train = readSplit('train');
  const fane = parseNewsFane(
    readFileSync(join(DATA, 'ner-train/newsfane-gold-2014/NewsFANE_Gold_2014_170K.txt'), 'utf8'),
  ).map(readSentence);
  const file = model as ModelFile;
  const packed = trainTagger(
    [...train.filter((_, i) => i % 4 !== 3), ...fane],
    file.training.options as TrainOptions,
  );
  return { sentences: train.filter((_, i) => i % 4 === 3), tagger: decodeModel({ ...file, ...packed }) };
}

function measure(
  split: string,
  { sentences, tagger }: { sentences: ReadSentence[]; tagger: Tagger } = {
    sentences: readSplit(split),
    tagger: bundledTagger(),
  },
) {
  const lexicon = compiledBundledLexicon();
  const known = tally();
  const both = tally();
  const suggested = tally();
  const byKind: Record<string, { spans: number; right: number }> = {};
  const missed: Record<string, Map<string, number>> = {};
  const wrong: Record<string, Map<string, number>> = { known: new Map(), suggested: new Map() };
  const inexact: Record<string, Map<string, number>> = { known: new Map(), suggested: new Map() };
  const note = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const s of sentences) {
    const gold = s.spans.filter((g) => g.kind);
    const mentions = spot(s.text, lexicon);
    const knownSpans: Span[] = mentions.map((m) => {
      const [from, to] = wordSpan(s.words, m.start, m.end);
      const e = m.alias.entity;
      return {
        from,
        to,
        kind: e.type === 'place' ? 'place' : e.subtype === 'person' ? 'person' : 'organization',
      };
    });
    const suggestedSpans: Span[] = suggestNames(s.text, mentions, { tagger, ...thresholds }).map((g) => {
      const [from, to] = wordSpan(s.words, g.start, g.end);
      return { from, to, kind: g.kind };
    });
    const overlaps = (a: { from: number; to: number }, b: { from: number; to: number }) =>
      a.from < b.to && b.from < a.to;
    const exact = (a: { from: number; to: number }, b: { from: number; to: number }) =>
      a.from === b.from && a.to === b.to;
    const fits = (p: Span, tag: string) =>
      COMPATIBLE[p.kind].has(tag) ||
      (newsFane &&
        (kindOfTag.get(tag) === p.kind || (p.kind === 'organization' && NEWSFANE_STATES.has(tag))));
    const count = (t: Tally, predicted: Span[], precisionOf: Span[], recall: boolean) => {
      if (recall) {
        t.gold += gold.length;
        for (const g of gold) {
          if (predicted.some((p) => fits(p, g.tag) && overlaps(p, g))) t.found.overlap++;
          if (predicted.some((p) => fits(p, g.tag) && exact(p, g))) t.found.exact++;
        }
      }
      t.spans += precisionOf.length;
      for (const p of precisionOf) {
        if (gold.some((g) => fits(p, g.tag) && overlaps(p, g))) t.right.overlap++;
        if (gold.some((g) => fits(p, g.tag) && exact(p, g))) t.right.exact++;
        if (gold.some((g) => overlaps(p, g))) t.right.any++;
      }
    };
    count(known, knownSpans, knownSpans, true);
    count(both, [...knownSpans, ...suggestedSpans], [...knownSpans, ...suggestedSpans], true);
    count(suggested, [], suggestedSpans, false);
    if (values.misses) {
      const words = (a: { from: number; to: number }) => s.words.folded.slice(a.from, a.to).join(' ');
      const all = [...knownSpans, ...suggestedSpans];
      for (const g of gold)
        if (!all.some((p) => fits(p, g.tag) && overlaps(p, g))) note((missed[g.tag] ??= new Map()), words(g));
      for (const [tier, spans] of [
        ['known', knownSpans],
        ['suggested', suggestedSpans],
      ] as const)
        for (const p of spans)
          if (!gold.some((g) => fits(p, g.tag) && overlaps(p, g))) {
            const on = gold.find((g) => overlaps(p, g));
            note(wrong[tier]!, `${p.kind}: ${words(p)}${on ? ` (gold ${on.tag}: ${words(on)})` : ''}`);
          } else if (!gold.some((g) => fits(p, g.tag) && exact(p, g))) {
            const on = gold.find((g) => fits(p, g.tag) && overlaps(p, g))!;
            note(inexact[tier]!, `${words(p)} ≠ ${words(on)}`);
          }
    }
    for (const p of suggestedSpans) {
      const k = (byKind[p.kind] ??= { spans: 0, right: 0 });
      k.spans++;
      if (gold.some((g) => fits(p, g.tag) && overlaps(p, g))) k.right++;
    }
  }
  return {
    split,
    sentences: sentences.length,
    known,
    knownAndSuggested: both,
    suggested,
    suggestedByKind: byKind,
    ...(values.misses ? { missed, wrong, inexact } : {}),
  };
}

const listed = (map: Map<string, number>) =>
  [...map]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => (n > 1 ? `${k} ×${n}` : k))
    .join(' | ');

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
const results = values.newsfane
  ? [
      measure('NewsFANE Gold (the tagger learnt from it: read the known tier)', {
        sentences: readNewsFane(),
        tagger: bundledTagger(),
      }),
    ]
  : values.heldout
    ? [measure('train, held-out quarter', heldOut())]
    : (values.misses ? ['train'] : splits).map((split) => measure(split));
if (values.misses && !values.json)
  for (const r of results) {
    for (const [tag, map] of Object.entries(r.missed ?? {}).sort()) {
      const n = [...map.values()].reduce((a, b) => a + b, 0);
      console.log(`missed ${tag} (${n}): ${listed(map)}\n`);
    }
    for (const [tier, map] of Object.entries(r.wrong ?? {})) {
      const n = [...map.values()].reduce((a, b) => a + b, 0);
      console.log(`${tier}, on no compatible gold name (${n}): ${listed(map)}\n`);
    }
    for (const [tier, map] of Object.entries(r.inexact ?? {})) {
      const n = [...map.values()].reduce((a, b) => a + b, 0);
      console.log(`${tier}, on a gold name but not its bounds (${n}): ${listed(map)}\n`);
    }
  }
else if (values.json) console.log(JSON.stringify(results, null, 2));
else
  for (const r of results) {
    const { known: k, knownAndSuggested: b, suggested: s } = r;
    console.log(
      `${r.split.startsWith('NewsFANE') ? '' : 'wojood-sample '}${r.split}: ${r.sentences} sentences, ${k.gold} gold PERS/GPE/LOC/FAC/ORG spans`,
    );
    console.log(`  recall      known ${pct(k.found.overlap, k.gold)} (exact ${pct(k.found.exact, k.gold)})`);
    console.log(
      `              known+suggested ${pct(b.found.overlap, b.gold)} (exact ${pct(b.found.exact, b.gold)})`,
    );
    console.log(
      `  precision   known ${pct(k.right.overlap, k.spans)} of ${k.spans} (exact ${pct(k.right.exact, k.spans)}, any type ${pct(k.right.any, k.spans)})`,
    );
    console.log(
      `              suggested ${pct(s.right.overlap, s.spans)} of ${s.spans} (exact ${pct(s.right.exact, s.spans)}, any type ${pct(s.right.any, s.spans)})`,
    );
    console.log(
      `              suggested by kind: ${Object.entries(r.suggestedByKind)
        .map(([kind, v]) => `${kind} ${pct(v.right, v.spans)} of ${v.spans}`)
        .join(', ')}`,
    );
  }
