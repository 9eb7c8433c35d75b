// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { compiledBundledLexicon } from '../lexicon/bundled-lexicon.ts';
import { PageHighlights } from '../paint/page-highlights.ts';
import { bundledTagger } from '../suggest/bundled-recogniser.ts';
import { suggestNames } from '../suggest/suggest-names.ts';
import { loadPage } from '../../tests/support/dom.ts';
import { RecordingPainter } from '../../tests/support/recording-painter.ts';
import { localSpotter } from './spotter.ts';
import {
  MENTION_KINDS,
  PageReader,
  SUGGESTION_KINDS,
  type PageMention,
  type PageSuggestion,
  type Recogniser,
  type ReaderSettings,
} from './page-reader.ts';

/** A seed page, with a paragraph naming a commander and a village no lexicon knows, in the article and in the sidebar. */
const html = readFileSync('tests/fixtures/pages/baladi-isis-south-syria/source.html', 'utf8');
const UNKNOWN = 'وصل القائد سليم الخطيب إلى بلدة كفرنبل في ريف إدلب صباح اليوم.';
const IN_ASIDE = 'زار القائد منصور الحلبي بلدة تل عمارة أمس.';

const on: ReaderSettings = { actors: true, places: true, wholePage: false, suggestions: true };
const recognise: Recogniser = (text, known) => suggestNames(text, known, { tagger: bundledTagger() });

function load() {
  loadPage(html);
  const p = document.createElement('p');
  p.textContent = UNKNOWN;
  document.querySelector('article p')!.after(p);
  const aside = document.createElement('p');
  aside.textContent = IN_ASIDE;
  document.querySelector('aside')!.append(aside);
}

/** A reader over the page with a recording painter, not yet read. */
function readerOf(
  settings = on,
  {
    recogniser = recognise,
    dismissed = new Set<string>(),
    chunkChars,
  }: {
    recogniser?: Recogniser;
    dismissed?: ReadonlySet<string>;
    chunkChars?: number;
  } = {},
) {
  const painter = new RecordingPainter();
  const highlights = new PageHighlights<{ mentions: PageMention; suggestions: PageSuggestion }>(
    document,
    painter,
  );
  const reader = new PageReader(
    document,
    localSpotter(compiledBundledLexicon()),
    highlights.layer('mentions', MENTION_KINDS),
    settings,
    {
      yieldToPage: async () => undefined,
      ...(chunkChars ? { chunkChars } : {}),
      suggestions: {
        layer: highlights.layer('suggestions', SUGGESTION_KINDS),
        recognise: recogniser,
        dismissed,
      },
    },
  );
  return { reader, painter };
}

async function read(settings = on, dismissed: ReadonlySet<string> = new Set()) {
  const made = readerOf(settings, { dismissed });
  await made.reader.read();
  return made;
}

const text = (r: AbstractRange) => {
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range.toString();
};

/** Do two ranges share a character? */
function overlap(a: AbstractRange, b: AbstractRange): boolean {
  const x = document.createRange();
  x.setStart(a.startContainer, a.startOffset);
  x.setEnd(a.endContainer, a.endOffset);
  const y = document.createRange();
  y.setStart(b.startContainer, b.startOffset);
  y.setEnd(b.endContainer, b.endOffset);
  return (
    x.compareBoundaryPoints(Range.END_TO_START, y) < 0 && y.compareBoundaryPoints(Range.END_TO_START, x) < 0
  );
}

beforeEach(load);

describe('suggestions on the page', { timeout: 30_000 }, () => {
  it('are painted on their own layer, in the article only, never where a known name is', async () => {
    const { reader, painter } = await read();
    const painted = (painter.painted.get('suggested') ?? []).map(text);
    expect(painted).toEqual(expect.arrayContaining(['سليم الخطيب', 'كفرنبل']));
    expect(painted).not.toContain('منصور الحلبي');
    expect(painted).not.toContain('تل عمارة');
    // Known names keep their kinds; «إدلب» is one of them, never a suggestion.
    expect((painter.painted.get('place') ?? []).map(text)).toContain('إدلب');
    for (const s of reader.suggestions) {
      expect(s.range.startContainer.parentElement!.closest('article')).not.toBeNull();
      for (const m of reader.mentions)
        expect(overlap(s.range, m.range), `${text(s.range)} / ${m.entity.id}`).toBe(false);
    }
  });

  it('never hold back the known names: those are painted before the recogniser answers, every chunk asked at once', async () => {
    const asked: { resolve: () => void; text: string }[] = [];
    /** A recogniser in another process: it answers when the test lets it. */
    const slow: Recogniser = (t, k) =>
      new Promise((resolve) => asked.push({ text: t, resolve: () => resolve(recognise(t, k)) }));
    // Small chunks: the article is read in several.
    const { reader, painter } = readerOf(on, { recogniser: slow, chunkChars: 400 });
    const reading = reader.read();
    await new Promise((r) => setTimeout(r, 20));
    expect(asked.length).toBeGreaterThan(1);
    expect(painter.count('actor') + painter.count('place')).toBeGreaterThan(0);
    expect(painter.count('suggested')).toBe(0);
    for (const a of asked) a.resolve();
    await reading;
    expect((painter.painted.get('suggested') ?? []).map(text)).toEqual(
      expect.arrayContaining(['سليم الخطيب', 'كفرنبل']),
    );
  });

  it('are neither looked for nor painted with the setting off, and appear when it is switched on', async () => {
    let calls = 0;
    const counting: Recogniser = (t, k) => (calls++, recognise(t, k));
    const { reader, painter } = readerOf({ ...on, suggestions: false }, { recogniser: counting });
    await reader.read();
    expect(calls).toBe(0);
    expect(painter.count('suggested')).toBe(0);
    expect(reader.suggestedNames()).toEqual([]);
    expect(reader.suggestionReports()).toEqual([]);
    expect(painter.count('actor')).toBeGreaterThan(0);
    // Switched on: the page is read again, with the recogniser this time.
    const done = new Promise<void>((resolve) => {
      const poll = () => (reader.suggestions.length ? resolve() : setTimeout(poll, 5));
      poll();
    });
    reader.setSettings(on);
    await done;
    expect(calls).toBeGreaterThan(0);
    expect(painter.count('suggested')).toBeGreaterThan(0);
    // And off again: nothing painted, nothing listed.
    reader.setSettings({ ...on, suggestions: false });
    expect(painter.count('suggested')).toBe(0);
    expect(reader.suggestedNames()).toEqual([]);
  });

  it('are grouped by folded spelling for the panel, with counts, and reported with their first sentence', async () => {
    const again = document.createElement('p');
    again.textContent = 'وأعلن القائد سليم الخطيب انسحاب قواته من محيط بلدة كفرنبل.';
    document.querySelector('article p')!.after(again);
    const { reader } = await read();
    const names = reader.suggestedNames();
    expect(names.filter((n) => n.key === 'سليم الخطيب')).toEqual([
      { key: 'سليم الخطيب', text: 'سليم الخطيب', type: 'actor', kind: 'person', count: 2 },
    ]);
    expect(names.find((n) => n.key === 'كفرنبل')).toMatchObject({ type: 'place', kind: 'place', count: 2 });
    expect(new Set(names.map((n) => n.key)).size).toBe(names.length);
    const report = reader.suggestionReports().find((r) => r.key === 'سليم الخطيب')!;
    expect(report.sentence).toContain('سليم الخطيب');
    expect(report.count).toBe(2);
  });

  it('leave out a spelling the reader dismissed', async () => {
    const { reader, painter } = await read(on, new Set(['كفرنبل']));
    expect(reader.suggestedNames().map((n) => n.key)).not.toContain('كفرنبل');
    expect((painter.painted.get('suggested') ?? []).map(text)).not.toContain('كفرنبل');
    expect(reader.suggestedNames().map((n) => n.key)).toContain('سليم الخطيب');
  });

  it('follow the page: a paragraph added later is read by the recogniser too', async () => {
    const { reader, painter } = await read();
    const controller = new AbortController();
    reader.observe(controller.signal, 10);
    const p = document.createElement('p');
    p.textContent = 'وفي تطور لاحق، دخلت قوات القائد رامي العبدالله بلدة معرشورين.';
    document.querySelector('article p')!.parentElement!.append(p);
    await new Promise((r) => setTimeout(r, 150));
    const keys = reader.suggestedNames().map((n) => n.key);
    expect(keys).toEqual(expect.arrayContaining(['سليم الخطيب', 'معرشورين']));
    expect((painter.painted.get('suggested') ?? []).map(text)).toContain('معرشورين');
    // Removed text takes its suggestions with it.
    p.remove();
    await new Promise((r) => setTimeout(r, 150));
    expect(reader.suggestedNames().map((n) => n.key)).not.toContain('معرشورين');
    controller.abort();
    reader.destroy();
    expect(painter.count('suggested')).toBe(0);
  });
});
