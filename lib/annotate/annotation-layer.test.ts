// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationRow } from '../db/annotation.ts';
import { textNodesUnder } from '../dom/article-nodes.ts';
import type { HighlightKind, Painter } from '../paint/painter.ts';
import { AnnotationLayer } from './annotation-layer.ts';

class RecordingPainter implements Painter {
  painted = new Map<HighlightKind, AbstractRange[]>();
  paint(kind: HighlightKind, ranges: readonly AbstractRange[]) {
    this.painted.set(kind, [...ranges]);
  }
  clear() {
    this.painted.clear();
  }
}

function page(paragraphs: string[]) {
  document.body.replaceChildren();
  const article = document.createElement('article');
  for (const text of paragraphs) {
    const p = document.createElement('p');
    p.textContent = text;
    article.append(p);
  }
  document.body.append(article);
  return article;
}

const P1 = 'اتهم التحالف الدولي روسيا بنقل مقاتلين إلى جنوب سوريا.';
const P2 = 'وقال المتحدث باسم التحالف العقيد ريان ديلون إن العناصر وصلوا.';

function select(article: Element, text: string): Range {
  for (const node of textNodesUnder(article)) {
    const at = node.data.indexOf(text);
    if (at < 0) continue;
    const r = document.createRange();
    r.setStart(node, at);
    r.setEnd(node, at + text.length);
    return r;
  }
  throw new Error(text);
}

function row(
  selectors: NonNullable<ReturnType<AnnotationLayer['selectorsFor']>>,
  color: AnnotationRow['body']['color'] = 'yellow',
): AnnotationRow {
  return {
    id: crypto.randomUUID(),
    page: 'https://x/a',
    target: { source: 'https://x/a', selector: selectors },
    body: { note: 'ملاحظة', tags: [], color },
    created: 1,
    modified: 1,
  };
}

let painter: RecordingPainter;
beforeEach(() => {
  painter = new RecordingPainter();
});

describe('AnnotationLayer', () => {
  it('makes selectors over the article text, with the quote exactly as written and its context', () => {
    const article = page([P1, P2]);
    const layer = new AnnotationLayer(document, painter, () => textNodesUnder(article));
    const s = layer.selectorsFor(select(article, 'ريان ديلون'))!;
    expect(s.quote.exact).toBe('ريان ديلون');
    expect(s.quote.prefix.endsWith('العقيد ')).toBe(true);
    expect(s.quote.suffix.startsWith(' إن')).toBe(true);
    expect(`${P1}\n${P2}`.slice(s.position.start, s.position.end)).toBe('ريان ديلون');
  });

  it('anchors a stored annotation back and paints it in its colour', () => {
    const article = page([P1, P2]);
    const layer = new AnnotationLayer(document, painter, () => textNodesUnder(article));
    layer.load([row(layer.selectorsFor(select(article, 'جنوب سوريا'))!, 'green')]);
    const [range] = painter.painted.get('note-green')!;
    const live = document.createRange();
    live.setStart(range!.startContainer, range!.startOffset);
    live.setEnd(range!.endContainer, range!.endOffset);
    expect(live.toString()).toBe('جنوب سوريا');
    expect(painter.painted.get('note-yellow')).toEqual([]);
  });

  it('lands on the right words after a paragraph is inserted before and a word respelled, and orphans a removed sentence', () => {
    let article = page([P1, P2]);
    let layer = new AnnotationLayer(document, painter, () => textNodesUnder(article));
    const kept = row(layer.selectorsFor(select(article, 'وقال المتحدث باسم التحالف العقيد ريان ديلون'))!);
    const lost = row(layer.selectorsFor(select(article, 'اتهم التحالف الدولي روسيا'))!);

    article = page([
      'خبر عاجل من جنيف.',
      P1.replace('اتهم التحالف الدولي روسيا بنقل', 'واتهمت مصادر محلية الجيش بنقل'),
      P2.replace('ريان', 'رايان'),
    ]);
    layer = new AnnotationLayer(document, painter, () => textNodesUnder(article));
    layer.load([kept, lost]);
    const [placedKept, placedLost] = layer.placed;
    expect(placedKept!.anchor?.method).toBe('fuzzy');
    const live = document.createRange();
    live.setStart(placedKept!.range!.startContainer, placedKept!.range!.startOffset);
    live.setEnd(placedKept!.range!.endContainer, placedKept!.range!.endOffset);
    expect(live.toString()).toBe('وقال المتحدث باسم التحالف العقيد رايان ديلون');
    expect(placedLost!.range).toBeNull();
  });

  it('finds the annotation under a caret position', () => {
    const article = page([P1, P2]);
    const layer = new AnnotationLayer(document, painter, () => textNodesUnder(article));
    const r = select(article, 'جنوب سوريا');
    layer.load([row(layer.selectorsFor(r)!)]);
    expect(layer.at(r.startContainer, r.startOffset + 2)?.row.body.note).toBe('ملاحظة');
    expect(layer.at(r.startContainer, 0)).toBeUndefined();
  });

  it('refuses a selection with no text', () => {
    const article = page([P1]);
    const layer = new AnnotationLayer(document, painter, () => textNodesUnder(article));
    const r = document.createRange();
    r.setStart(article, 0);
    r.setEnd(article, 0);
    expect(layer.selectorsFor(r)).toBeNull();
  });
});
