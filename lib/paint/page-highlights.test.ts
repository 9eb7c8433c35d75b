// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { rangeOfText } from '../../tests/support/dom.ts';
import { RecordingPainter } from '../../tests/support/recording-painter.ts';
import type { Caret } from '../dom/caret.ts';
import { PageHighlights } from './page-highlights.ts';

type Items = { notes: string; names: string };

let painter: RecordingPainter;
let caret: Caret | null;
let inside: boolean;
let p: HTMLParagraphElement;
const model = () =>
  new PageHighlights<Items>(document, painter, {
    caretAt: () => caret,
    rectsOf: () => (inside ? [new DOMRect(0, 0, 100, 20)] : [new DOMRect(200, 0, 10, 20)]),
  });

beforeEach(() => {
  painter = new RecordingPainter();
  caret = null;
  inside = true;
  p = document.createElement('p');
  p.append('قصفت قوات ', Object.assign(document.createElement('b'), { textContent: 'النظام' }), ' ريف دمشق');
  document.body.replaceChildren(p);
});

describe('PageHighlights: one model, one painter, one hit-test', () => {
  it('paints each layer’s kinds through the one painter, and only those', () => {
    const highlights = model();
    const notes = highlights.layer('notes', ['note-yellow', 'note-green']);
    const names = highlights.layer('names', ['actor', 'place']);
    names.set([{ range: rangeOfText(p, 'دمشق'), kind: 'place', item: 'damascus' }]);
    notes.set([{ range: rangeOfText(p, 'ريف'), kind: 'note-green', item: 'n1' }]);
    expect([painter.count('place'), painter.count('actor')]).toEqual([1, 0]);
    expect([painter.count('note-green'), painter.count('note-yellow')]).toEqual([1, 0]);
    notes.clear();
    expect([painter.count('note-green'), painter.count('place')]).toEqual([0, 1]);
  });

  it('adds highlights to a layer, painting only them, and hits them too', () => {
    const highlights = model();
    const names = highlights.layer('names', ['actor', 'place']);
    const regime = rangeOfText(p, 'النظام');
    names.set([{ range: rangeOfText(p, 'دمشق'), kind: 'place', item: 'damascus' }]);
    const calls: string[] = [];
    const paint = painter.paint.bind(painter);
    painter.paint = (kind, ranges) => (calls.push(kind), paint(kind, ranges));
    names.add([{ range: regime, kind: 'actor', item: 'regime' }]);
    expect(calls).toEqual([]);
    expect([painter.count('place'), painter.count('actor')]).toEqual([1, 1]);
    caret = { node: regime.startContainer, offset: 1 };
    expect(highlights.itemAt(0, 0)?.item).toBe('regime');
  });

  it('paints a layer again whole for a painter that cannot add', () => {
    const whole = new RecordingPainter();
    const highlights = new PageHighlights<Items>(document, {
      paint: whole.paint.bind(whole),
      clear: () => undefined,
    });
    const names = highlights.layer('names', ['actor', 'place']);
    names.set([{ range: rangeOfText(p, 'دمشق'), kind: 'place', item: 'damascus' }]);
    names.add([{ range: rangeOfText(p, 'ريف'), kind: 'place', item: 'rif' }]);
    expect(whole.count('place')).toBe(2);
  });

  it('hits the item under the caret, the first layer registered first', () => {
    const highlights = model();
    const notes = highlights.layer('notes', ['note-yellow']);
    const names = highlights.layer('names', ['place']);
    const rif = rangeOfText(p, 'ريف دمشق');
    names.set([{ range: rangeOfText(p, 'دمشق'), kind: 'place', item: 'damascus' }]);
    notes.set([{ range: rif, kind: 'note-yellow', item: 'n1' }]);
    caret = { node: rif.startContainer, offset: rif.endOffset - 1 };
    expect(highlights.hitsAt(0, 0).map((h) => [h.layer, h.item])).toEqual([
      ['notes', 'n1'],
      ['names', 'damascus'],
    ]);
    expect(highlights.itemAt(0, 0)?.item).toBe('n1');
    caret = { node: rif.startContainer, offset: 0 };
    expect(highlights.itemAt(0, 0)).toBeUndefined();
  });

  it('hits a name split across elements in any of its text nodes', () => {
    const highlights = model();
    const names = highlights.layer('names', ['actor']);
    const range = document.createRange();
    range.setStart(p.firstChild!, 5);
    range.setEnd(p.lastChild!, 4);
    names.set([{ range, kind: 'actor', item: 'regime' }]);
    caret = { node: p.childNodes[1]!.firstChild!, offset: 2 };
    expect(highlights.itemAt(0, 0)?.item).toBe('regime');
  });

  it('hits nothing when the point is beside the text the caret fell back to', () => {
    const highlights = model();
    const names = highlights.layer('names', ['place']);
    const damascus = rangeOfText(p, 'دمشق');
    names.set([{ range: damascus, kind: 'place', item: 'damascus' }]);
    caret = { node: damascus.startContainer, offset: damascus.endOffset };
    inside = false;
    expect(highlights.itemAt(50, 10)).toBeUndefined();
  });

  it('flashes one range at a time and clears everything, styles included, when destroyed', () => {
    const highlights = model();
    const names = highlights.layer('names', ['place']);
    names.set([{ range: rangeOfText(p, 'دمشق'), kind: 'place', item: 'damascus' }]);
    names.flash(rangeOfText(p, 'دمشق'));
    expect(painter.count('flash')).toBe(1);
    highlights.destroy();
    expect(painter.cleared).toBe(true);
    caret = { node: p.lastChild!, offset: 6 };
    expect(highlights.itemAt(0, 0)).toBeUndefined();
  });
});
