// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../tests/support/fresh-db.ts';
import { testHandlers } from '../../tests/support/test-handlers.ts';
import { handleMessage } from '../background/handle-message.ts';
import { articleNodes } from '../dom/article-nodes.ts';
import type { MessageType, Reply, Request } from '../messages/protocol.ts';
import { remoteExtractor } from './reading.ts';

const PAGE = readFileSync('tests/fixtures/pages/baladi-isis-south-syria/source.html', 'utf8');
const PAGE_URL = 'http://127.0.0.1/page';

/** A page in this window's DOM (the content script's), from `html`. */
const pageOf = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

/**
 * The extension's background (its handlers, on a fresh database), as the content script in tab 7
 * reaches it: each message checked (`handleMessage`) and copied, as the browser copies it.
 */
function background() {
  const handlers = testHandlers(freshDb(), { tabUrl: async () => PAGE_URL });
  const asked: MessageType[] = [];
  const send = async <K extends MessageType>(type: K, payload: Request<K>): Promise<Reply<K>> => {
    asked.push(type);
    const message = JSON.parse(JSON.stringify({ type, payload })) as unknown;
    return (await handleMessage(handlers, message, { kind: 'content', tabId: 7, url: PAGE_URL })) as Reply<K>;
  };
  return { send, asked };
}

describe('remoteExtractor', () => {
  it('finds a long page’s article in the background: the nodes Readability finds on the page', async () => {
    const { send, asked } = background();
    const doc = pageOf(PAGE);
    const got = await remoteExtractor(send, () => PAGE_URL, 100)(doc, { wholePage: false });
    expect(asked).toHaveLength(1);
    expect(got.where).toBe('background');
    const here = articleNodes(pageOf(PAGE));
    expect(here.source).toBe('readability');
    expect(got.article.source).toBe('readability');
    expect(got.article.nodes.map((n) => n.data)).toEqual(here.nodes.map((n) => n.data));
  });

  it('walks a large page in several tasks, and sends it in parts the background puts together', async () => {
    const { send, asked } = background();
    const paragraphs = Array.from({ length: 6_000 }, (_, i) => `<p>فقرة رقم ${i} <b>من</b> النص</p>`).join(
      '',
    );
    const doc = pageOf(`<html><body><article>${paragraphs}</article></body></html>`);
    const got = await remoteExtractor(send, () => PAGE_URL, 100, 20_000)(doc, { wholePage: false });
    expect(got.where).toBe('background');
    expect(got.article.nodes).toHaveLength(18_000);
    expect(asked.filter((type) => type === 'article/part').length).toBeGreaterThan(3);
    expect(asked.at(-1)).toBe('article/extract');
    // The walk's slices, each part sent, the map back.
    expect(got.tasks.length).toBeGreaterThan(asked.length + 2);
  }, 60_000);

  it('reads a page deeper than Readability goes on the page, sending nothing', async () => {
    const { send, asked } = background();
    const text = 'نص طويل بما يكفي ليرسل إلى الخلفية. '.repeat(20);
    const doc = pageOf(
      `<html><body>${'<div>'.repeat(200)}<p>${text}</p>${'</div>'.repeat(200)}</body></html>`,
    );
    const got = await remoteExtractor(send, () => PAGE_URL, 100)(doc, { wholePage: false });
    expect(asked).toHaveLength(0);
    expect(got.where).toBe('page');
    expect(got.article.source).toBe('fallback');
  });
});
