// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { caretAt, caretInRange, pointInRects } from './caret.ts';

const text = () => {
  const p = document.createElement('p');
  p.textContent = 'قصفت قوات النظام ريف دمشق';
  document.body.replaceChildren(p);
  return p.firstChild as Text;
};

describe('caretAt', () => {
  it('asks caretPositionFromPoint first', () => {
    const node = text();
    const doc = Object.assign(Object.create(document) as Document, {
      caretPositionFromPoint: (x: number) => ({ offsetNode: node, offset: x }),
      caretRangeFromPoint: () => {
        throw new Error('not this one');
      },
    });
    expect(caretAt(doc, 3, 9)).toEqual({ node, offset: 3 });
  });

  it('falls back to caretRangeFromPoint, then to nothing', () => {
    const node = text();
    const range = document.createRange();
    range.setStart(node, 5);
    const older = Object.assign(Object.create(document) as Document, {
      caretPositionFromPoint: undefined,
      caretRangeFromPoint: () => range,
    });
    expect(caretAt(older, 0, 0)).toEqual({ node, offset: 5 });
    const none = Object.assign(Object.create(document) as Document, {
      caretPositionFromPoint: undefined,
      caretRangeFromPoint: undefined,
    });
    expect(caretAt(none, 0, 0)).toBeNull();
  });
});

describe('caretInRange', () => {
  it('counts both ends of a range in one text node, and nothing outside it', () => {
    const node = text();
    const range = document.createRange();
    range.setStart(node, 5);
    range.setEnd(node, 9);
    for (const [offset, inside] of [
      [4, false],
      [5, true],
      [7, true],
      [9, true],
      [10, false],
    ] as const)
      expect(caretInRange({ node, offset }, range, [node]), `offset ${offset}`).toBe(inside);
  });

  it('counts a whole text node between the ends of a range over several', () => {
    const p = document.createElement('p');
    p.append('ريف ', Object.assign(document.createElement('b'), { textContent: 'دمشق' }), ' الغربي');
    document.body.replaceChildren(p);
    const [first, bold, last] = [p.firstChild!, p.childNodes[1]!.firstChild!, p.lastChild!];
    const range = document.createRange();
    range.setStart(first, 2);
    range.setEnd(last, 3);
    expect(caretInRange({ node: bold, offset: 4 }, range, [first, bold, last])).toBe(true);
    expect(caretInRange({ node: first, offset: 1 }, range, [first, bold, last])).toBe(false);
    expect(caretInRange({ node: p, offset: 1 }, range, [first, bold, last])).toBe(false);
  });
});

describe('pointInRects', () => {
  it('is true only inside one of the boxes, edges included', () => {
    const boxes = [new DOMRect(10, 10, 20, 10), new DOMRect(0, 30, 5, 10)];
    expect(pointInRects(boxes, 10, 10)).toBe(true);
    expect(pointInRects(boxes, 30, 20)).toBe(true);
    expect(pointInRects(boxes, 2, 35)).toBe(true);
    expect(pointInRects(boxes, 31, 15)).toBe(false);
    expect(pointInRects([], 0, 0)).toBe(false);
  });
});
