// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { compiledBundledLexicon } from '../lexicon/bundled-lexicon.ts';
import { spot } from '../lexicon/spot.ts';
import { htmlArticleText } from '../lexicon/read-document.ts';
import type { HighlightKind, Painter } from '../paint/painter.ts';
import { PageReader, type ReaderSettings } from './page-reader.ts';

const PAGE = 'tests/fixtures/pages/baladi-isis-south-syria/source.html';
const html = readFileSync(PAGE, 'utf8');
const all: ReaderSettings = { actors: true, places: true, wholePage: false };

/** Records what would be painted. */
class RecordingPainter implements Painter {
  painted = new Map<HighlightKind, AbstractRange[]>();
  cleared = false;
  paint(kind: HighlightKind, ranges: readonly AbstractRange[]) {
    this.painted.set(kind, [...ranges]);
  }
  clear() {
    this.cleared = true;
    this.painted.clear();
  }
}

/** Puts the fixture page in happy-dom's document (parsed, never written as markup into a live page). */
function load() {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const { name, value } of [...parsed.documentElement.attributes])
    document.documentElement.setAttribute(name, value);
  document.head.replaceWith(document.importNode(parsed.head, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
}

async function read(settings = all, options = {}) {
  const painter = new RecordingPainter();
  const reader = new PageReader(document, compiledBundledLexicon(), painter, settings, {
    yieldToPage: async () => undefined,
    ...options,
  });
  await reader.read();
  return { reader, painter };
}

beforeEach(load);

describe('PageReader on a seed page', () => {
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

  it('finds the mention under a caret position', async () => {
    const { reader } = await read();
    const m = reader.mentions.find((x) => x.entity.id === 'damascus')!;
    const node = m.range.startContainer;
    expect(reader.mentionAt(node, m.range.startOffset + 1)?.entity.id).toBe('damascus');
    expect(reader.mentionAt(node, m.range.startOffset + 1)).toBe(m);
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
    const watched = new PageReader(document, compiledBundledLexicon(), new RecordingPainter(), all, {
      yieldToPage: async () => undefined,
      onChange: () => changes++,
    });
    await watched.read();
    watched.observe(controller.signal, 10);
    const p = document.createElement('p');
    p.textContent = 'وفي تطور لاحق، وصلت تعزيزات إلى مدينة القامشلي.';
    document.querySelector('article p')!.parentElement!.append(p);
    const aside = document.createElement('p');
    aside.textContent = 'خبر جانبي عن مدينة منبج';
    document.querySelector('aside')!.append(aside);
    await new Promise((r) => setTimeout(r, 100));
    const ids = watched.entities().map((e) => e.id);
    expect(ids).toContain('qamishli');
    expect(ids).not.toContain('manbij');
    expect(changes).toBe(1);
    controller.abort();
    reader.destroy();
  });

  it('clears everything it painted when destroyed', async () => {
    const { reader, painter } = await read();
    reader.destroy();
    expect(painter.cleared).toBe(true);
    expect(reader.mentions).toEqual([]);
  });
});
