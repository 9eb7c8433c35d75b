// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationRow } from '../model/annotation.ts';
import { textNodesUnder } from '../dom/article-nodes.ts';
import type { Caret } from '../dom/caret.ts';
import { PageHighlights } from '../paint/page-highlights.ts';
import { rangeOfText, textOf } from '../../tests/support/dom.ts';
import { RecordingPainter } from '../../tests/support/recording-painter.ts';
import { ANNOTATION_KINDS, AnnotationLayer, type PlacedAnnotation } from './annotation-layer.ts';

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

const select = rangeOfText;

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
let highlights: PageHighlights<{ annotations: PlacedAnnotation }>;
/** The annotations' layer on the page model, painted by `painter`. */
let layerOf: () => ReturnType<typeof highlights.layer<'annotations'>>;
/** Where the caret is under any point (happy-dom has no layout). */
let caret: Caret | null = null;
beforeEach(() => {
  painter = new RecordingPainter();
  highlights = new PageHighlights(document, painter, {
    caretAt: () => caret,
    rectsOf: () => [{ left: 0, right: 1, top: 0, bottom: 1 } as DOMRect],
  });
  layerOf = () => highlights.layer('annotations', ANNOTATION_KINDS);
});

describe('AnnotationLayer', () => {
  it('makes selectors over the article text, with the quote exactly as written and its context', () => {
    const article = page([P1, P2]);
    const layer = new AnnotationLayer(document, layerOf(), () => textNodesUnder(article));
    const s = layer.selectorsFor(select(article, 'ريان ديلون'))!;
    expect(s.quote.exact).toBe('ريان ديلون');
    expect(s.quote.prefix.endsWith('العقيد ')).toBe(true);
    expect(s.quote.suffix.startsWith(' إن')).toBe(true);
    expect(`${P1}\n${P2}`.slice(s.position.start, s.position.end)).toBe('ريان ديلون');
  });

  it('anchors a stored annotation back and paints it in its colour', async () => {
    const article = page([P1, P2]);
    const layer = new AnnotationLayer(document, layerOf(), () => textNodesUnder(article));
    await layer.load([row(layer.selectorsFor(select(article, 'جنوب سوريا'))!, 'green')]);
    const [range] = painter.painted.get('note-green')!;
    expect(textOf(range!)).toBe('جنوب سوريا');
    expect(painter.painted.get('note-yellow')).toEqual([]);
  });

  it('lands on the right words after a paragraph is inserted before and a word respelled, and orphans a removed sentence', async () => {
    let article = page([P1, P2]);
    let layer = new AnnotationLayer(document, layerOf(), () => textNodesUnder(article));
    const kept = row(layer.selectorsFor(select(article, 'وقال المتحدث باسم التحالف العقيد ريان ديلون'))!);
    const lost = row(layer.selectorsFor(select(article, 'اتهم التحالف الدولي روسيا'))!);

    article = page([
      'خبر عاجل من جنيف.',
      P1.replace('اتهم التحالف الدولي روسيا بنقل', 'واتهمت مصادر محلية الجيش بنقل'),
      P2.replace('ريان', 'رايان'),
    ]);
    layer = new AnnotationLayer(document, layerOf(), () => textNodesUnder(article));
    await layer.load([kept, lost]);
    const [placedKept, placedLost] = layer.placed;
    expect(placedKept!.anchor?.method).toBe('fuzzy');
    expect(textOf(placedKept!.range!)).toBe('وقال المتحدث باسم التحالف العقيد رايان ديلون');
    expect(placedLost!.range).toBeNull();
  });

  it('puts its annotations on the page model, which finds the one under a caret', async () => {
    const article = page([P1, P2]);
    const layer = new AnnotationLayer(document, layerOf(), () => textNodesUnder(article));
    const r = select(article, 'جنوب سوريا');
    await layer.load([row(layer.selectorsFor(r)!)]);
    caret = { node: r.startContainer, offset: r.startOffset + 2 };
    expect(highlights.itemAt(0, 0)?.item.row.body.note).toBe('ملاحظة');
    caret = { node: r.startContainer, offset: 0 };
    expect(highlights.itemAt(0, 0)).toBeUndefined();
  });

  it('refuses a selection with no text', () => {
    const article = page([P1]);
    const layer = new AnnotationLayer(document, layerOf(), () => textNodesUnder(article));
    const r = document.createRange();
    r.setStart(article, 0);
    r.setEnd(article, 0);
    expect(layer.selectorsFor(r)).toBeNull();
  });
});
