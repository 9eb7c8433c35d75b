// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  articleNodes,
  READABILITY_LIMITS,
  readable,
  readableTester,
  textNodesUnder,
} from './article-nodes.ts';

const text = (nodes: readonly Text[]) => nodes.map((n) => n.data).join('');

const PARAGRAPH =
  'قالت مصادر محلية إن قوات سوريا الديمقراطية شنت حملة اعتقالات في ريف دير الزور الشرقي، طالت شبانا متهمين بالتعاون مع تنظيم داعش. ';

function page(): HTMLElement {
  document.body.innerHTML = `<nav><a href="/">الرئيسية</a></nav><main id="main"></main><footer>جميع الحقوق محفوظة</footer>`;
  return document.getElementById('main')!;
}

/** `levels` `<div>`s, each inside the last, the innermost holding `inner`; built without recursion. */
function nest(
  parent: Element,
  levels: number,
  inner: string,
  attributes: Record<string, string> = {},
): Element {
  let el = parent;
  for (let i = 0; i < levels; i++) {
    const div = document.createElement('div');
    for (const [name, value] of Object.entries(attributes)) div.setAttribute(name, value);
    el.append(div);
    el = div;
  }
  el.append(inner);
  return el;
}

/** An element with `text` in it. */
function el(tag: string, text = ''): HTMLElement {
  const e = document.createElement(tag);
  e.textContent = text;
  return e;
}

afterEach(() => document.body.replaceChildren());

// Building thousands of nested elements is slow in happy-dom (not in a browser): room on a busy machine.
const DEEP = { timeout: 30_000 };

describe('a page too deep or too large for Readability', () => {
  it('5,000 nested hidden <div>s: read by the fallback, text and all, without Readability', DEEP, () => {
    const main = page();
    main.append(el('p', PARAGRAPH.repeat(4)));
    nest(main, 5_000, 'في أعماق الصفحة: روسيا', { hidden: '' });
    expect(5_000).toBeGreaterThan(READABILITY_LIMITS.depth);

    const { nodes, summary, source } = articleNodes(document);
    expect(source).toBe('fallback');
    // Readability did not run: it alone gives a summary.
    expect(summary).toBeNull();
    expect(text(nodes)).toBe(`${PARAGRAPH.repeat(4)}في أعماق الصفحة: روسيا`);
  });

  it('2,000 visible levels: the same, in document order', DEEP, () => {
    const main = page();
    nest(main, 2_000, 'دير الزور');
    main.append(el('p', PARAGRAPH));
    const { nodes, source } = articleNodes(document);
    expect(source).toBe('fallback');
    expect(text(nodes)).toBe(`دير الزور${PARAGRAPH}`);
  });

  it('more elements than the limit: the fallback too, whatever the depth', () => {
    const main = page();
    const article = main.appendChild(el('article'));
    article.append(el('h1', 'عنوان'), ...Array.from({ length: 30 }, () => el('p', PARAGRAPH)));
    expect(articleNodes(document).source).toBe('readability');
    const { source, summary } = articleNodes(document, { limits: { depth: 150, elements: 20 } });
    expect(source).toBe('fallback');
    expect(summary).toBeNull();
  });

  it('the whole page, when asked, is read however deep', DEEP, () => {
    nest(page(), 3_000, 'حلب');
    const { nodes, source } = articleNodes(document, { wholePage: true });
    expect(source).toBe('page');
    expect(text(nodes)).toBe('الرئيسيةحلبجميع الحقوق محفوظة');
  });
});

describe('textNodesUnder', () => {
  it('reads what a tree walker with `readable` reads: no scripts, forms, editors or skipped parts', () => {
    document.body.innerHTML = `<div id="root"><p>أ<b>ب</b></p><script>x</script><div contenteditable="true">ج</div>
      <aside>د</aside><p><span data-rasid-ui>ه</span>و</p><textarea>ز</textarea></div>`;
    const root = document.getElementById('root')!;
    expect(text(textNodesUnder(root)).replace(/\s+/gu, '')).toBe('أبدو');
    expect(text(textNodesUnder(root, 'aside')).replace(/\s+/gu, '')).toBe('أبو');
  });

  it('reads nothing under an element that is itself never read', () => {
    document.body.innerHTML = `<div contenteditable="true"><p id="inside">نص</p></div>`;
    expect(textNodesUnder(document.getElementById('inside')!)).toEqual([]);
  });
});

describe('readableTester', () => {
  it('answers as `readable` for every text node, in any order, each element matched once', () => {
    document.body.innerHTML = `<div id="root"><p>أ<b>ب</b></p><script>x</script><div contenteditable="true"><p>ج<i>ح</i></p></div>
      <aside>د</aside><p><span data-rasid-ui><b>ه</b></span>و</p><textarea>ز</textarea><form><p><b>ط</b></p></form></div>`;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const expected = nodes.map(readable);
    expect(expected).toContain(true);
    expect(expected).toContain(false);
    // Reversed, then forwards: answers already known are reused, not recomputed wrongly.
    const isReadable = readableTester();
    expect([...nodes].reverse().map(isReadable).reverse()).toEqual(expected);
    expect(nodes.map(isReadable)).toEqual(expected);
    expect(nodes.map(readableTester())).toEqual(expected);
  });
});
