// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { compiledBundledLexicon } from '../lexicon/bundled-lexicon.ts';
import { compileLexicon } from '../lexicon/compile-lexicon.ts';
import { spot } from '../lexicon/spot.ts';
import { htmlArticleText } from '../article/read-document.ts';
import { PageHighlights } from '../paint/page-highlights.ts';
import { loadPage } from '../../tests/support/dom.ts';
import { FakeClock } from '../../tests/support/fake-clock.ts';
import { flush } from '../../tests/support/flush.ts';
import { RecordingPainter } from '../../tests/support/recording-painter.ts';
import { testEntity } from '../../tests/support/test-entity.ts';
import { MENTION_KINDS, PageReader, type PageMention, type ReaderSettings } from './page-reader.ts';
import { localSpotter } from './spotter.ts';

const PAGE = 'tests/fixtures/pages/baladi-isis-south-syria/source.html';
const html = readFileSync(PAGE, 'utf8');
const all: ReaderSettings = { actors: true, places: true, wholePage: false };

/** A reader's layer on a page model of its own, painted by `painter`. */
const layerOn = (painter: RecordingPainter) =>
  new PageHighlights<{ mentions: PageMention }>(document, painter).layer('mentions', MENTION_KINDS);

const load = () => loadPage(html);

async function read(settings = all, options = {}) {
  const painter = new RecordingPainter();
  const reader = new PageReader(
    document,
    localSpotter(compiledBundledLexicon()),
    layerOn(painter),
    settings,
    {
      yieldToPage: async () => undefined,
      ...options,
    },
  );
  await reader.read();
  return { reader, painter };
}

beforeEach(load);

describe('PageReader on a seed page', { timeout: 30_000 }, () => {
  it('finds the mentions of the article and only of the article', async () => {
    const { reader } = await read();
    expect(reader.source).toBe('readability');
    expect(reader.mentions.length).toBeGreaterThan(40);
    for (const m of reader.mentions) {
      const el = m.range.startContainer.parentElement!;
      expect(el.closest('article'), m.entity.id).not.toBeNull();
      expect(el.closest('nav, aside, footer, .comments, header')).toBeNull();
    }
  });

  it('reads the headline too, which Readability reports apart from the article', async () => {
    const { reader } = await read();
    const inHeadline = reader.mentions.filter((m) => m.range.startContainer.parentElement?.closest('h1'));
    expect(inHeadline.map((m) => m.entity.id)).toEqual([
      'isis',
      'international-coalition',
      'russia',
      'southern-syria',
    ]);
  });

  it('finds the same entities as the CLI does on the article text', async () => {
    const { reader } = await read();
    const cli = new Set(spot(htmlArticleText(html), compiledBundledLexicon()).map((m) => m.alias.entity.id));
    expect(new Set(reader.entities().map((e) => e.id))).toEqual(cli);
  });

  it('matches a name split across inline elements as one mention', async () => {
    const { reader } = await read();
    const split = reader.mentions.filter((m) => m.nodes.length > 1);
    expect(split.map((m) => m.entity.id)).toEqual(expect.arrayContaining(['deir-ez-zor', 'ryan-dillon']));
    const dillon = split.find((m) => m.entity.id === 'ryan-dillon')!;
    expect(dillon.nodes.map((n) => n.data).join('')).toContain('ريان');
  });

  it('paints actors and places separately and follows the type settings', async () => {
    const { reader, painter } = await read();
    expect(painter.painted.get('actor')?.length).toBeGreaterThan(10);
    expect(painter.painted.get('place')?.length).toBeGreaterThan(5);
    reader.setSettings({ ...all, actors: false });
    expect(painter.painted.get('actor')).toEqual([]);
    expect(painter.painted.get('place')?.length).toBeGreaterThan(5);
  });

  it('hides one entity and says so in its summary', async () => {
    const { reader, painter } = await read();
    const before = painter.painted.get('actor')!.length;
    const sdf = reader.entities().find((e) => e.id === 'sdf')!;
    reader.setHidden('sdf', true);
    expect(painter.painted.get('actor')!.length).toBe(before - sdf.count);
    expect(reader.entities().find((e) => e.id === 'sdf')?.hidden).toBe(true);
  });

  it('lists the entities most mentioned first, and those named as often in the order the page names them', async () => {
    const { reader } = await read();
    const listed = reader.entities();
    const firstAt = (id: string) => reader.mentions.findIndex((m) => m.entity.id === id);
    for (const [a, b] of listed.slice(1).map((e, i) => [listed[i]!, e] as const)) {
      expect(a.count).toBeGreaterThanOrEqual(b.count);
      if (a.count === b.count) expect(firstAt(a.id), `${a.id} before ${b.id}`).toBeLessThan(firstAt(b.id));
    }
    expect(new Set(listed.map((e) => e.count)).size).toBeLessThan(listed.length);
  });

  it('reveals the next and previous mentions of an entity in turn', async () => {
    const { reader, painter } = await read();
    const count = reader.entities().find((e) => e.id === 'isis')!.count;
    const first = reader.reveal('isis');
    const second = reader.reveal('isis');
    expect(second).not.toBe(first);
    expect(reader.positionOf(second!)).toEqual({ index: 2, count });
    expect(reader.reveal('isis', -1)).toBe(first);
    expect(painter.painted.get('flash')).toHaveLength(1);
  });

  it('spots the same mentions when the work is cut into small chunks', async () => {
    let yields = 0;
    const whole = await read();
    load();
    const chunked = await read(all, { chunkChars: 300, yieldToPage: async () => void yields++ });
    expect(yields).toBeGreaterThan(5);
    expect(chunked.reader.entities()).toEqual(whole.reader.entities());
  });

  it('spots a paragraph added to the article later, and not one added to the sidebar', async () => {
    const { reader } = await read();
    const controller = new AbortController();
    let changes = 0;
    const watched = new PageReader(
      document,
      localSpotter(compiledBundledLexicon()),
      layerOn(new RecordingPainter()),
      all,
      {
        yieldToPage: async () => undefined,
        onChange: () => changes++,
      },
    );
    await watched.read();
    watched.observe(controller.signal, 10);
    const p = document.createElement('p');
    p.textContent = 'وفي تطور لاحق، وصلت تعزيزات إلى مدينة القامشلي.';
    document.querySelector('article p')!.parentElement!.append(p);
    const aside = document.createElement('p');
    aside.textContent = 'خبر جانبي عن مدينة منبج';
    document.querySelector('aside')!.append(aside);
    // Both changes land in one debounced read: wait for it rather than for a guessed delay.
    await vi.waitFor(() => expect(changes).toBe(1), { timeout: 10_000, interval: 20 });
    const ids = watched.entities().map((e) => e.id);
    expect(ids).toContain('qamishli');
    expect(ids).not.toContain('manbij');
    expect(changes).toBe(1);
    controller.abort();
    reader.destroy();
  });

  it('spots a paragraph the page adds while it is being read, once the reading ends', async () => {
    const controller = new AbortController();
    let added = false;
    const reader = new PageReader(
      document,
      localSpotter(compiledBundledLexicon()),
      layerOn(new RecordingPainter()),
      all,
      {
        chunkChars: 300,
        // The page's turn, in the middle of the reading: a live blog adds its update.
        yieldToPage: async () => {
          if (added) return;
          added = true;
          const p = document.createElement('p');
          p.textContent = 'وفي تطور لاحق، وصلت تعزيزات إلى مدينة القامشلي.';
          document.querySelector('article p')!.parentElement!.append(p);
          // A long turn: the change's debounce ends before the reading does.
          await new Promise((r) => setTimeout(r, 100));
        },
      },
    );
    reader.observe(controller.signal, 10);
    await reader.read();
    expect(added).toBe(true);
    await vi.waitFor(() => expect(reader.entities().map((e) => e.id)).toContain('qamishli'), {
      timeout: 10_000,
      interval: 20,
    });
    controller.abort();
  });

  it('spots new article text while something else on the page changes every 200 ms', async () => {
    const clock = new FakeClock();
    const reader = new PageReader(
      document,
      localSpotter(compiledBundledLexicon()),
      layerOn(new RecordingPainter()),
      all,
      {
        yieldToPage: async () => undefined,
        clock,
      },
    );
    await reader.read();
    const controller = new AbortController();
    reader.observe(controller.signal, 250, 2000);
    const ticking = document.createElement('span');
    document.querySelector('footer, aside, nav')!.append(ticking);
    const p = document.createElement('p');
    p.textContent = 'وفي تطور لاحق، وصلت تعزيزات إلى مدينة القامشلي.';
    document.querySelector('article p')!.parentElement!.append(p);
    let seenAt: number | null = null;
    for (let ms = 0; ms <= 4000 && seenAt === null; ms += 200) {
      ticking.textContent = String(ms);
      await flush();
      clock.tick(200);
      await flush();
      if (reader.entities().some((e) => e.id === 'qamishli')) seenAt = ms;
    }
    expect(seenAt).not.toBeNull();
    expect(seenAt!).toBeLessThanOrEqual(2200);
    controller.abort();
  });

  it('never reads or paints inside an editable region, however contenteditable is written', async () => {
    for (const value of ['TRUE', 'plaintext-only']) {
      load();
      const editor = document.createElement('div');
      editor.setAttribute('contenteditable', value);
      editor.textContent = 'تعليق القارئ عن مدينة القامشلي';
      document.querySelector('article p')!.after(editor);
      const { reader } = await read();
      expect(reader.mentions.filter((m) => editor.contains(m.range.startContainer))).toEqual([]);
      expect(reader.entities().map((e) => e.id)).not.toContain('qamishli');
    }
  });

  it('clears everything it painted when destroyed', async () => {
    const { reader, painter } = await read();
    reader.destroy();
    expect(painter.count('actor') + painter.count('place')).toBe(0);
    expect(reader.mentions).toEqual([]);
  });

  it('paints a few names per task, the first first, and ends as one paint would', async () => {
    const whole = await read();
    load();
    const seen: number[] = [];
    const painter = new RecordingPainter();
    const painted = () => [...painter.painted.values()].flat();
    let first: AbstractRange[] = [];
    const reader = new PageReader(document, localSpotter(compiledBundledLexicon()), layerOn(painter), all, {
      yieldToPage: async () => {
        seen.push(painted().length);
        if (!first.length) first = painted();
      },
      paintedPerTask: 5,
    });
    await reader.read();
    expect(seen).toEqual(expect.arrayContaining([5, 10, 15]));
    expect(painter.painted.get('actor')).toEqual(whole.painter.painted.get('actor'));
    expect(painter.painted.get('place')).toEqual(whole.painter.painted.get('place'));
    // The first slice is the page's first five names.
    expect(new Set(first)).toEqual(new Set(reader.mentions.slice(0, 5).map((m) => m.range)));
  });

  it('stops painting in slices when the settings repaint the page meanwhile, and paints nothing more', async () => {
    const painter = new RecordingPainter();
    let reader: PageReader | undefined = undefined;
    let turns = 0;
    const count = () => painter.count('actor') + painter.count('place');
    let switched = -1;
    reader = new PageReader(document, localSpotter(compiledBundledLexicon()), layerOn(painter), all, {
      yieldToPage: async () => {
        // Once the first slice is painted, the reader switches places off.
        if (count() && switched < 0) {
          switched = ++turns;
          reader!.setSettings({ ...all, places: false });
        }
      },
      paintedPerTask: 5,
    });
    await reader.read();
    expect(switched).toBe(1);
    expect(painter.count('place')).toBe(0);
    expect(painter.count('actor')).toBe(reader.mentions.filter((m) => m.entity.type === 'actor').length);
  });

  it('stops painting in slices when destroyed meanwhile', async () => {
    const painter = new RecordingPainter();
    const count = () => painter.count('actor') + painter.count('place');
    let reader: PageReader | undefined = undefined;
    reader = new PageReader(document, localSpotter(compiledBundledLexicon()), layerOn(painter), all, {
      yieldToPage: async () => {
        if (count()) reader!.destroy();
      },
      paintedPerTask: 5,
    });
    await reader.read();
    expect(count()).toBe(0);
  });

  it('says its read is finished only once it is over, and never for a read destroyed meanwhile', async () => {
    const during: (number | undefined)[] = [];
    let reader: PageReader | undefined = undefined;
    reader = new PageReader(
      document,
      localSpotter(compiledBundledLexicon()),
      layerOn(new RecordingPainter()),
      all,
      {
        yieldToPage: async () => {
          during.push(reader!.timings.finishedAt);
        },
        paintedPerTask: 5,
      },
    );
    await reader.read();
    expect(during.length).toBeGreaterThan(3);
    expect(during.every((at) => at === undefined)).toBe(true);
    const t = reader.timings;
    expect(t.finishedAt).toBeGreaterThanOrEqual(t.knownPaintedAt!);

    load();
    let destroyed: PageReader | undefined = undefined;
    destroyed = new PageReader(
      document,
      localSpotter(compiledBundledLexicon()),
      layerOn(new RecordingPainter()),
      all,
      {
        yieldToPage: async () => destroyed!.destroy(),
      },
    );
    await destroyed.read();
    expect(destroyed.timings.finishedAt).toBeUndefined();
  });

  it('paints nothing when a reading replaced before it ended finishes', async () => {
    const painter = new RecordingPainter();
    const reader = new PageReader(document, localSpotter(compiledBundledLexicon()), layerOn(painter), all, {
      yieldToPage: async () => undefined,
    });
    const reading = reader.read();
    reader.destroy();
    await reading;
    expect(painter.count('actor') + painter.count('place')).toBe(0);
  });
});

describe('PageReader reads a chunk again only when what it found could change (issue #16)', () => {
  const lexicon = compileLexicon({
    entities: [
      testEntity('damascus', 'place', [{ text: 'دمشق' }]),
      testEntity('syria', 'place', [{ text: 'سوريا' }]),
      testEntity('assad', 'actor', [
        { text: 'الأسد', when: { cooccurs: ['syria'] }, ambiguity: 'الأسد ملك الغابة' },
      ]),
    ],
  });
  const readPage = async (first: string, second: string) => {
    const main = document.createElement('main');
    for (const text of [first, second])
      main.append(Object.assign(document.createElement('p'), { textContent: text }));
    document.body.replaceChildren(main);
    const reader = new PageReader(document, localSpotter(lexicon), layerOn(new RecordingPainter()), all, {
      yieldToPage: async () => undefined,
      chunkChars: 20,
    });
    await reader.read();
    return { tasks: reader.timings.tasks, named: reader.mentions.map((m) => m.entity.id) };
  };

  it('a chunk of plain names is not read again when a later one names more', async () => {
    const plainFirst = await readPage('وصل الوفد إلى دمشق صباح اليوم', 'وقال الأسد إن سوريا ستبقى موحدة');
    const conditionalFirst = await readPage(
      'وقال الأسد في دمشق صباح اليوم',
      'إن سوريا ستبقى موحدة في كل الأحوال',
    );
    // The second page's first chunk looked at what was named (الأسد needs Syria): read again, and found.
    expect(conditionalFirst.named).toEqual(['assad', 'damascus', 'syria']);
    expect(plainFirst.named).toEqual(['damascus', 'assad', 'syria']);
    expect(plainFirst.tasks).toBe(conditionalFirst.tasks - 1);
  });
});
