import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AnnotationDraft, AnnotationRow } from '../lib/model/annotation.ts';
import { readStore } from './support/extension.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { launchFirefox } from './support/launch-firefox.ts';
import type { TestBrowser, TestPage } from './support/test-browser.ts';

type SendApi = { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } };

/** Saves one annotation through the background, as the content script does; resolves when it is acknowledged. */
function save(page: TestPage, id: string): Promise<boolean> {
  return page.evaluate(async (annotationId) => {
    const api = (globalThis as unknown as { browser: SendApi }).browser;
    const draft: AnnotationDraft = {
      id: annotationId,
      selector: { quote: { exact: 'دير الزور', prefix: '', suffix: '' }, position: { start: 0, end: 9 } },
      body: { note: `ملاحظة ${annotationId}`, tags: [], color: 'yellow' },
    };
    const reply = await api.runtime.sendMessage({
      type: 'annotation/save',
      payload: { draft, url: 'https://example.com/a', canonical: null },
    });
    return reply.ok;
  }, id);
}

const storedIds = async (page: TestPage) =>
  (await readStore<AnnotationRow>(page, 'annotations')).map((a) => a.id);

for (const launch of [launchChromium, launchFirefox]) {
  describe(`${launch.name.replace('launch', '')}: the database survives an extension reload mid-write`, () => {
    let browser: TestBrowser;
    before(async () => {
      browser = await launch();
    });
    after(async () => browser?.close());

    it('keeps every acknowledged write, and takes new ones after the reload', async () => {
      const page = await browser.newPage(`${browser.extensionOrigin}/sidepanel.html`);
      const acknowledged: string[] = [];
      for (let i = 0; i < 15; i++) if (await save(page, `acked-${i}`)) acknowledged.push(`acked-${i}`);
      assert.equal(acknowledged.length, 15);
      // More writes in flight, unacknowledged, and the background goes away under them.
      await page.evaluate(() => {
        const api = (globalThis as unknown as { browser: SendApi }).browser;
        for (let i = 0; i < 20; i++)
          void api.runtime
            .sendMessage({
              type: 'annotation/save',
              payload: {
                url: 'https://example.com/a',
                canonical: null,
                draft: {
                  id: `in-flight-${i}`,
                  selector: {
                    quote: { exact: 'حلب', prefix: '', suffix: '' },
                    position: { start: 0, end: 3 },
                  },
                  body: { note: '', tags: [], color: 'blue' },
                },
              },
            })
            .catch(() => undefined);
      });
      await browser.restartExtension(page);
      // The extension comes back: its pages open again and the database is readable.
      const deadline = Date.now() + 20_000;
      let after: TestPage | null = null;
      while (!after && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 500));
        try {
          const candidate = await browser.newPage(`${browser.extensionOrigin}/sidepanel.html`);
          await candidate.waitFor(
            () => !!(globalThis as unknown as { browser?: unknown }).browser,
            null,
            3000,
          );
          after = candidate;
        } catch {
          // Not back yet.
        }
      }
      assert.ok(after, 'the extension came back after its reload');
      const stored = await storedIds(after);
      assert.deepEqual(
        acknowledged.filter((id) => !stored.includes(id)),
        [],
      );
      assert.equal(await save(after, 'after-reload'), true);
      assert.ok((await storedIds(after)).includes('after-reload'));
    });
  });
}
