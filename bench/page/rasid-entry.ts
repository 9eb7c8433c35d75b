/**
 * The in-page half of `npm run bench:page`: bundled into one IIFE (bundle.ts) and injected into every
 * benchmark page before it loads, it exposes `window.rasidBench.run()`. Every method runs here, in
 * the page, on the page's own clock: t0, the work, forced style and layout, one animation frame, t1 —
 * and t2 once that frame's rendering is over: the Custom Highlight API does its work there, in the
 * frame, not in the forced layout, so t1 alone would not see what painting highlights costs.
 * What a real extension does once per session (compile the lexicon, build a regex) happens before t0.
 */
import { bundledLexicon } from '../../lib/lexicon/bundled-lexicon.ts';
import { compileLexicon, type CompiledLexicon } from '../../lib/lexicon/compile-lexicon.ts';
import { deserializeLexicon, serializeLexicon } from '../../lib/lexicon/serialize-lexicon.ts';
import { packedEntitySource, packLexicon } from '../../lib/lexicon/slim-lexicon.ts';
import { PageHighlights } from '../../lib/paint/page-highlights.ts';
import { createPainter } from '../../lib/paint/painter.ts';
import {
  MENTION_KINDS,
  PageReader,
  SUGGESTION_KINDS,
  type PageMention,
  type PageSuggestion,
  type ReaderSettings,
} from '../../lib/reader/page-reader.ts';
import type { RecognisedName } from '../../lib/model/suggestion.ts';
import { bundledTagger } from '../../lib/suggest/bundled-recogniser.ts';
import { suggestNames } from '../../lib/suggest/suggest-names.ts';
import type { Recogniser } from '../../lib/reader/page-reader.ts';
import { localSpotter, type Spotter } from '../../lib/reader/spotter.ts';
import { readyToSpot } from '../../lib/lexicon/spot.ts';
import { spotAnswer, type SpotAsked } from '../../lib/lexicon/spot-texts.ts';
import { remoteSpotter } from '../../lib/session/reading.ts';
import type { Send } from '../../lib/session/seams.ts';
import type { MarkConstructor, RunRequest, RunResult } from './protocol.ts';
import { lexiconOf } from '../synthetic-lexicon.ts';

const SETTINGS: ReaderSettings = { actors: true, places: true, wholePage: false };

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * The first task after the current one: a message to ourselves. Called from a frame callback, it runs
 * once that frame's rendering (style, layout, paint) is done.
 */
function nextTask(): Promise<void> {
  const channel = new MessageChannel();
  return new Promise((resolve) => {
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * The alias texts as written, each once (mark.js drops repeats too): the list a keyword highlighter gets.
 * mark.js builds one regular expression of them, whose compilation overflows the stack past a few
 * thousand names: the comparison gets the first `MARK_ALIASES` (the seed lexicon's size, as measured
 * before the lexicon grew), and says so in its output (`aliases`).
 */
const MARK_ALIASES = 500;
const aliasTexts = () =>
  [...new Set(bundledLexicon.entities.flatMap((e) => e.aliases.map((a) => a.text)))].slice(0, MARK_ALIASES);

function markJs(): MarkConstructor {
  if (!window.Mark) throw new Error('mark.js is not loaded in this page');
  return window.Mark;
}

/** What a method reports about itself once its work is done. */
type Report = Pick<RunResult, 'matches' | 'nested' | 'chars' | 'timings' | 'suggested'>;

interface Prepared {
  /** Before t0: what a real extension has ready before a page loads (a warm background). */
  ready?: Promise<void>;
  setupMs: number;
  aliases: number;
  work(): void | Promise<void>;
  report(): Report;
}

/** mark.js marks `<mark data-markjs>`; nested ones come from an alias found again inside a longer one. */
function countMarks(chars: number): Report {
  const marks = [...document.querySelectorAll('mark[data-markjs]')];
  const nested = marks.filter((m) => m.parentElement?.closest('mark[data-markjs]')).length;
  return { matches: marks.length - nested, nested, chars, timings: null };
}

function bodyChars(): number {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n as Text).data.length;
  return chars;
}

const recogniseHere: Recogniser = (text, known) => suggestNames(text, known, { tagger: bundledTagger() });

/**
 * The background's recogniser, modelled by a worker running this same bundle (`rasidBenchSource`):
 * another thread, warmed before t0 as the extension's background is after its first page.
 */
function workerRecogniser(warm: boolean): { recognise: Recogniser; ready: Promise<void> } {
  const source = (window as unknown as { rasidBenchSource: string }).rasidBenchSource;
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  const waiting = new Map<number, (found: RecognisedName[]) => void>();
  let next = 0;
  worker.onmessage = (e: MessageEvent<{ id: number; found: RecognisedName[] }>) => {
    waiting.get(e.data.id)?.(e.data.found);
    waiting.delete(e.data.id);
  };
  const recognise: Recogniser = (text, known) =>
    new Promise((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      worker.postMessage({ id, text, known });
    });
  // Warm: the model decoded and the code compiled on a few pages' worth of the article. Cold: the
  // worker has started (its script evaluated), nothing more.
  const sample = document.body.textContent ?? '';
  const ready = (async () => {
    await recognise('', []);
    if (warm) for (let i = 0; i < 10; i++) await recognise(sample, []);
  })();
  return { recognise, ready };
}

/**
 * The background's spotter (`lexicon/spot`), modelled by a worker running this same bundle: the
 * extension's own `remoteSpotter` on the page, `spotAnswer` over there with the lexicon compiled and
 * its matcher's tables made (`readyToSpot`), its code warmed on the page's text ten times before t0,
 * as the background's is by the pages read before. Both ways go as JSON, as extension messages do in
 * Chromium (the answer as its JSON text, as `lexicon/spot` answers).
 */
function workerSpotter(aliases: number | undefined): {
  spotter: Spotter;
  ready: Promise<void>;
  /** The worker's compile, before t0: its time and the aliases compiled (known once `ready`). */
  compiled: { setupMs: number; aliases: number };
} {
  const source = (window as unknown as { rasidBenchSource: string }).rasidBenchSource;
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  const waiting = new Map<number, (answer: string) => void>();
  let next = 0;
  worker.onmessage = (e: MessageEvent<{ id: number; answer: string }>) => {
    waiting.get(e.data.id)?.(e.data.answer);
    waiting.delete(e.data.id);
  };
  const ask = (message: object) =>
    new Promise<string>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      worker.postMessage({ id, json: JSON.stringify(message) });
    });
  const send = (async (_type: string, asked: SpotAsked) => ({
    ok: true,
    value: await ask({ spot: asked }),
  })) as unknown as Send;
  const sample = document.body.textContent ?? '';
  const compiled = { setupMs: NaN, aliases: 0 };
  const ready = (async () => {
    Object.assign(compiled, JSON.parse(await ask({ lexicon: aliases ?? null })));
    for (let i = 0; i < 10; i++) await ask({ spot: { texts: [sample], context: [], reading: 'page' } });
  })();
  return { spotter: remoteSpotter(send, () => Promise.resolve(null)), ready, compiled };
}

/**
 * The worker's side of `workerSpotter`: the lexicon compiled and readied (answered with its time and
 * size), then each text spotted.
 */
function spotInWorker(): (message: { lexicon?: number | null; spot?: SpotAsked }) => string {
  let lexicon: CompiledLexicon | null = null;
  return (message) => {
    if (message.spot) return JSON.stringify(spotAnswer(lexicon!, message.spot));
    const entities = message.lexicon ? lexiconOf(bundledLexicon, message.lexicon) : bundledLexicon.entities;
    const start = performance.now();
    lexicon = readyToSpot(compileLexicon({ entities }));
    return JSON.stringify({ setupMs: performance.now() - start, aliases: lexicon.aliases.length });
  };
}

function prepare(request: RunRequest): Prepared {
  switch (request.method) {
    case 'rasid': {
      const entities = request.aliases
        ? lexiconOf(bundledLexicon, request.aliases)
        : request.decode === 'seeds'
          ? bundledLexicon.entities.filter((e) => e.provenance.source === 'seed')
          : bundledLexicon.entities;
      const background = request.spotting === 'background' ? workerSpotter(request.aliases) : null;
      // Compiled where the names are spotted: in the worker, or here.
      const start = performance.now();
      let lexicon: CompiledLexicon | null = background ? null : compileLexicon({ entities });
      const setupMs = performance.now() - start;
      // What the build ships (scripts/precompiled-lexicon-plugin.ts): two JSON strings, decoded after t0.
      const shipped =
        request.decode && lexicon
          ? {
              packed: JSON.stringify(packLexicon({ schemaVersion: bundledLexicon.schemaVersion, entities })),
              serialized: JSON.stringify(serializeLexicon(lexicon)),
            }
          : null;
      let reader: PageReader | null = null;
      const remote =
        request.suggestions === 'background' || request.suggestions === 'cold-background'
          ? workerRecogniser(request.suggestions === 'background')
          : null;
      const recognise = remote?.recognise ?? recogniseHere;
      const ready = [remote?.ready, background?.ready].filter((p) => p !== undefined);
      return {
        ...(ready.length ? { ready: Promise.all(ready).then(() => undefined) } : {}),
        get setupMs() {
          return background?.compiled.setupMs ?? setupMs;
        },
        get aliases() {
          return background?.compiled.aliases ?? lexicon!.aliases.length;
        },
        // The content script's own sequence: a painter, a reader, one read (extraction, spotting, painting;
        // with suggestions, the recogniser too — its model decoded on first use, as on every page load).
        async work() {
          if (shipped)
            lexicon = deserializeLexicon(
              JSON.parse(shipped.serialized),
              packedEntitySource(JSON.parse(shipped.packed)),
            );
          const highlights = new PageHighlights<{ mentions: PageMention; suggestions: PageSuggestion }>(
            document,
            createPainter(document),
          );
          const suggestions = request.suggestions
            ? {
                suggestions: {
                  layer: highlights.layer('suggestions', SUGGESTION_KINDS),
                  recognise,
                },
              }
            : {};
          reader = new PageReader(
            document,
            background?.spotter ?? localSpotter(lexicon!),
            highlights.layer('mentions', MENTION_KINDS),
            { ...SETTINGS, suggestions: !!request.suggestions },
            suggestions,
          );
          await reader.read();
        },
        report: () => ({
          suggested: reader!.suggestions.length,
          matches: reader!.mentions.length,
          nested: 0,
          chars: reader!.timings.chars,
          timings: { ...reader!.timings },
        }),
      };
    }
    case 'mark': {
      const Mark = markJs();
      const aliases = aliasTexts();
      const chars = bodyChars();
      return {
        setupMs: 0,
        aliases: aliases.length,
        // As keyword highlighters call it: the whole list at once on the body, one search per keyword.
        work: () =>
          new Mark(document.body).mark(aliases, {
            separateWordSearch: false,
            accuracy: request.accuracy ?? 'exactly',
            diacritics: false,
          }),
        report: () => countMarks(chars),
      };
    }
    case 'markRegExp': {
      const Mark = markJs();
      const aliases = aliasTexts();
      const chars = bodyChars();
      const start = performance.now();
      // Longest first: where two aliases start at the same place, the alternation takes the longer.
      const pattern = [...aliases]
        .sort((a, b) => b.length - a.length)
        .map((a) => a.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
        .join('|');
      // Case-insensitive like mark()'s default; no word boundaries: the fastest form matches inside words too.
      const regexp = new RegExp(pattern, 'gi');
      const setupMs = performance.now() - start;
      return {
        setupMs,
        aliases: aliases.length,
        work: () => new Mark(document.body).markRegExp(regexp, {}),
        report: () => countMarks(chars),
      };
    }
    case 'walk': {
      let chars = 0;
      return {
        setupMs: 0,
        aliases: 0,
        // Every text node visited and its text read: the least any highlighter must do.
        work() {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n as Text).data.length;
        },
        report: () => ({ matches: 0, nested: 0, chars, timings: null }),
      };
    }
  }
}

// In the worker that models the background: answer recognition requests; in a page: the benchmark.
if (typeof document === 'undefined') {
  const scope = globalThis as unknown as {
    onmessage: (
      e: MessageEvent<{ id: number; text: string; known: { start: number; end: number }[]; json?: string }>,
    ) => void;
    postMessage(message: unknown): void;
  };
  const spotHere = spotInWorker();
  scope.onmessage = (e) =>
    scope.postMessage(
      e.data.json === undefined
        ? { id: e.data.id, found: recogniseHere(e.data.text, e.data.known) }
        : { id: e.data.id, answer: spotHere(JSON.parse(e.data.json) as Parameters<typeof spotHere>[0]) },
    );
} else
  window.rasidBench = {
    async run(request) {
      const method = prepare(request);
      await method.ready;
      // Let the freshly loaded page finish its own first frames, so that t0 starts on an idle page.
      await nextFrame();
      await nextFrame();
      const t0 = performance.now();
      await method.work();
      document.body.getBoundingClientRect();
      const tSync = performance.now();
      await nextFrame();
      const t1 = performance.now();
      await nextTask();
      const t2 = performance.now();
      return {
        method: request.method,
        setupMs: method.setupMs,
        syncMs: tSync - t0,
        paintedMs: t1 - t0,
        renderedMs: t2 - t0,
        aliases: method.aliases,
        ...method.report(),
      };
    },
  };
