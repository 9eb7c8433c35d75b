import { Readability } from '@mozilla/readability';

/**
 * The floor of `npm run bench:page`'s start-up part (issue #16): the least any extension that reads
 * a page's article must do — clone the page, run Readability, walk the article's text. Built into a
 * one-file content script (`startup.ts`), it leaves its start and end on the page's clock in an
 * attribute the benchmark reads.
 */
const start = performance.now();
const clone = document.cloneNode(true) as Document;
const article = new Readability<Node>(clone, { serializer: (el) => el, charThreshold: 1 }).parse();
let chars = 0;
if (article?.content) {
  const walker = clone.createTreeWalker(article.content, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += (node as Text).data.length;
}
document.documentElement.setAttribute(
  'data-bench-floor',
  JSON.stringify({ start, end: performance.now(), chars }),
);
