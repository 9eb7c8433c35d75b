import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GECKO_ID } from '../lib/gecko-id.ts';
import type { AnnotationRow } from '../lib/model/annotation.ts';
import type { PageRow } from '../lib/model/page.ts';
import { pageKey } from '../lib/pages/page-key.ts';
import { openPanelFor, readStore, tabIdOf } from './support/extension.ts';
import { serveFolder, type FixtureServer } from './support/fixture-server.ts';
import { paintedCounts, pointOfMention } from './support/highlights.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { launchFirefox } from './support/launch-firefox.ts';
import { PAGES } from './support/paths.ts';
import { readerAt, selectWithMouse } from './support/reader-ui.ts';
import type { TestBrowser, TestPage } from './support/test-browser.ts';

/**
 * Issue #12, "Done when": a page on another site, whose script does everything a page can to learn
 * what Rasid knows of the reader or to drive Rasid, learns nothing private and changes nothing.
 */

const PHRASE_A = 'إتهمت روسيا والولايات المتحدة في الأشهر الأخيرة';
const NOTE_A = 'source Abu X met me on 3 May';
const TAG_A = 'confidential-a';
const PHRASE_B = 'قالت روسيا بأن التحالف الدولي';
const NOTE_B = 'second source, do not publish';
const TAG_B = 'confidential-b';
const TIMEOUT = 180_000;

const hostilePage = (spy: string) =>
  readFileSync(join(PAGES, 'baladi-isis-south-syria', 'source.html'), 'utf8').replace(
    /<head>/u,
    `<head><script src="/${spy}"></script>`,
  );

/** The rows a page must not be able to change, read from an extension page. */
async function snapshot(extensionPage: TestPage) {
  const [annotations, readerAliases, entities, settings, pages] = await Promise.all(
    ['annotations', 'readerAliases', 'entities', 'settings', 'pages'].map((store) =>
      readStore<unknown>(extensionPage, store),
    ),
  );
  return { annotations, readerAliases, entities, settings, pages: pages as PageRow[] };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const launch of [launchChromium, launchFirefox]) {
  describe(`${launch.name.replace('launch', '')}: a hostile page`, () => {
    let siteA: FixtureServer;
    let siteB: FixtureServer;
    let dir: string;
    let browser: TestBrowser;

    before(async () => {
      // Two local servers are two sites (the port is part of a site).
      siteA = await serveFolder(PAGES);
      dir = mkdtempSync(join(tmpdir(), 'rasid-hostile-'));
      mkdirSync(join(dir, 'hostile'));
      writeFileSync(join(dir, 'hostile', 'source.html'), hostilePage('spy.js'));
      cpSync(new URL('./support/hostile-spy.js', import.meta.url), join(dir, 'spy.js'));
      siteB = await serveFolder(dir);
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      await siteA?.close();
      await siteB?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it(
      'learns nothing private and changes nothing; on a private site it finds no annotation',
      { timeout: TIMEOUT },
      async () => {
        // Site A: the reader reads a page and annotates it with a private note.
        const pageA = await browser.newPage(`${siteA.origin}/kitabat-isis-regroup-syria/`);
        await pageA.waitFor(() => CSS.highlights.has('rasid-actor'), null);
        const panelA = await openPanelFor(browser, pageA.url());
        const readerA = readerAt(pageA, panelA, await tabIdOf(panelA, pageA.url()));
        await selectWithMouse(pageA, PHRASE_A);
        await readerA.click('add-note');
        await readerA.fill('note', NOTE_A);
        await readerA.fill('tags', TAG_A);
        await readerA.click('save');
        await pageA.waitFor(() => (CSS.highlights.get('rasid-note-yellow')?.size ?? 0) === 1, null);
        await Promise.all([pageA.close(), panelA.close()]);

        // Site B: the hostile page. It is told the names WXT's runtime would use (it could not know them).
        const id = new URL(browser.extensionOrigin).host;
        const ids = [id, GECKO_ID];
        const names = ids.flatMap((x) => [
          `${x}:reader:wxt:content-script-started`,
          `${x}:content:wxt:content-script-started`,
          `${x}:reader:wxt:locationchange`,
        ]);
        names.push('wxt:content-script-started', 'wxt:locationchange');
        const page = await browser.newPage(
          `${siteB.origin}/hostile/#names=${encodeURIComponent(JSON.stringify(names))}`,
        );
        await page.waitFor(() => CSS.highlights.has('rasid-actor'), null);
        const panel = await openPanelFor(browser, page.url());
        const reader = readerAt(page, panel, await tabIdOf(panel, page.url()));

        // The reader annotates here too, typing the note: the page's listeners hear none of it.
        await selectWithMouse(page, PHRASE_B);
        await reader.click('add-note');
        await reader.fill('note', NOTE_B);
        await reader.fill('tags', TAG_B);
        // Capture-phase listeners on the window and the document heard none of it: the toolbar is an
        // extension frame, whose keys never reach the page.
        const captured = await page.evaluate(
          () => (window as unknown as HostileWindow).__hostile.seen.captured,
        );
        assert.deepEqual(captured, [], 'capture-phase listeners heard nothing typed into the note');
        await reader.click('save');
        await page.waitFor(() => (CSS.highlights.get('rasid-note-yellow')?.size ?? 0) === 1, null);
        const before = await snapshot(panel);

        // The toolbar open on the annotation, its note in it: the page reads and drives it.
        const noted = await page.evaluate(() => {
          const [r] = CSS.highlights.get('rasid-note-yellow')!;
          r!.startContainer.parentElement!.scrollIntoView({
            block: 'center',
            behavior: 'instant' as ScrollBehavior,
          });
          const range = document.createRange();
          range.setStart(r!.startContainer, r!.startOffset);
          range.setEnd(r!.endContainer, r!.endOffset);
          const box = range.getClientRects()[0]!;
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        });
        await page.front();
        await page.click(noted.x, noted.y);
        const toolbar = await reader.waitForUi((ui) =>
          ui.controls.some((c) => c.testId === 'note' && c.value === NOTE_B),
        );
        const reads: string[] = await page.evaluate(() =>
          (window as unknown as HostileWindow).__hostile.read(),
        );
        await page.evaluate(() => (window as unknown as HostileWindow).__hostile.drive());
        await sleep(500);
        assert.deepEqual(
          await reader.ui(),
          toolbar,
          'the toolbar is as it was: nothing clicked, typed or closed',
        );
        await page.front();
        await page.press('Escape');
        await reader.waitForUi((ui) => ui.surface === null);

        // The card of a name: the page reads and drives it.
        const point = await pointOfMention(page, 'داعش');
        assert.ok(point, 'a highlighted داعش outside links');
        await page.click(point.x, point.y);
        const card = await reader.waitForUi((ui) => ui.surface === 'card');
        reads.push(...(await page.evaluate(() => (window as unknown as HostileWindow).__hostile.read())));
        await page.evaluate(() => (window as unknown as HostileWindow).__hostile.drive());
        await sleep(500);
        assert.deepEqual(await reader.ui(), card, 'the card is as it was');
        await page.front();
        await page.press('Escape');
        await reader.waitForUi((ui) => ui.surface === null);

        // Forged selection, mouseup, Alt+Shift+A, click and hover: nothing opens.
        const painted = await paintedCounts(page);
        await page.evaluate(
          ({ phrase, at }) => (window as unknown as HostileWindow).__hostile.forgeReader(phrase, at),
          { phrase: 'ورقة يعاد العمل على إنتاجها', at: point },
        );
        await sleep(1000);
        assert.equal((await reader.ui()).surface, null, 'forged input opens nothing');
        // Forged WXT events and messages, and location changes that change nothing.
        await page.evaluate(() => (window as unknown as HostileWindow).__hostile.forgeRuntime());
        await sleep(2500);
        assert.deepEqual(await paintedCounts(page), painted, 'forged events remove no highlight');
        assert.equal(await page.evaluate(() => CSS.highlights.get('rasid-note-yellow')?.size), 1);

        // Nothing in the database changed: not the notes, the reader's lexicon, the settings, the pages.
        const after = await snapshot(panel);
        assert.deepEqual(after.annotations, before.annotations);
        assert.deepEqual(after.readerAliases, before.readerAliases);
        assert.deepEqual(after.entities, before.entities);
        assert.deepEqual(after.settings, before.settings);
        const rowOf = (rows: PageRow[], url: string) => rows.find((r) => r.url === pageKey(url));
        const urlA = `${siteA.origin}/kitabat-isis-regroup-syria/`;
        assert.deepEqual(rowOf(after.pages, urlA), rowOf(before.pages, urlA));
        assert.equal(rowOf(after.pages, page.url())?.visits, rowOf(before.pages, page.url())?.visits);
        const notes = (after.annotations as AnnotationRow[]).map((a) => a.body.note).sort();
        assert.deepEqual(notes, [NOTE_A, NOTE_B].sort());

        // Nothing private, and no extension id, in anything the page read or received.
        const seen = await page.evaluate(() => (window as unknown as HostileWindow).__hostile.seen);
        assert.deepEqual(seen.messages, [], 'no message posted to the page');
        assert.deepEqual(seen.events, [], 'no WXT event dispatched on the page');
        // (The Escape that closed the toolbar is heard as it lets go: the toolbar is gone by then.)
        assert.deepEqual(
          seen.typed.filter((t) => t !== 'keyup:Escape'),
          [],
          'the page’s listeners heard nothing typed into Rasid',
        );
        // Capture-phase listeners hear the keys the reader presses on the page itself (Escape on the
        // card, and the Escape let go after the toolbar closed), never a character of a note or tag.
        const typedChars = new Set([...NOTE_B, ...TAG_B]);
        assert.deepEqual(
          seen.captured.filter((t) => !/^key(down|up):Escape$/u.test(t)),
          [],
          'capture-phase listeners heard nothing typed into Rasid',
        );
        assert.ok(!seen.captured.some((t) => typedChars.has(t.replace(/^[a-z]+:/u, ''))));
        // The toolbar's frame, when the page can reach it (`window[i]`: not in Chromium, whose frames in
        // shadow trees are not listed), cannot be read; the ports offered to it got nothing (the
        // messages above).
        assert.ok(
          seen.frames.every((f) => /^frame \d+: SecurityError$/u.test(f)),
          `the page could not read the frame: ${JSON.stringify(seen.frames)}`,
        );
        assert.ok(
          reads.some((r) => r.endsWith('shadowRoot=null')),
          'the page found the hosts, closed',
        );
        const everything = JSON.stringify([reads, seen]);
        for (const secret of [NOTE_A, NOTE_B, TAG_A, TAG_B, 'other page', 'Recurring', ...ids])
          assert.ok(!everything.includes(secret), `the page saw «${secret}»`);

        // CSS.highlights: names come from the page's own text and the public lexicon; on a site that is
        // not private, which passage the reader annotated (never the note) can be enumerated.
        type Registry = [string, string[]][];
        const registry: Registry = await page.evaluate(() =>
          (window as unknown as HostileWindow).__hostile.highlights(),
        );
        assert.ok(registry.every(([name]) => name.startsWith('rasid-')));
        assert.deepEqual(registry.find(([name]) => name === 'rasid-note-yellow')?.[1], [PHRASE_B]);
        // Private: the reader switches it on in the panel; the page enumerates no annotation, the panel lists it.
        await panel.waitFor(() => !!document.querySelector('input[name=private]'), null);
        await panel.evaluate(() =>
          (document.querySelector('input[name=private]') as HTMLInputElement).click(),
        );
        await page.waitFor(
          () => ![...CSS.highlights.keys()].some((name) => name.startsWith('rasid-note-')),
          null,
        );
        const hidden: Registry = await page.evaluate(() =>
          (window as unknown as HostileWindow).__hostile.highlights(),
        );
        assert.deepEqual(
          hidden.filter(([name]) => name.startsWith('rasid-note-')),
          [],
        );
        assert.ok(
          hidden.some(([name, ranges]) => name === 'rasid-actor' && ranges.length > 0),
          'names stay painted',
        );
        await panel.waitFor(
          (quote) => document.querySelector('[data-testid=quote]')?.textContent === quote,
          PHRASE_B,
        );
        // Still private after a reload.
        await page.goto(page.url());
        await page.waitFor(() => CSS.highlights.has('rasid-actor'), null);
        await sleep(1000);
        assert.equal(
          await page.evaluate(
            () => [...CSS.highlights.keys()].filter((n) => n.startsWith('rasid-note-')).length,
          ),
          0,
        );
        await Promise.all([page.close(), panel.close()]);
      },
    );

    it('logs no errors on pages and extension pages', () => {
      assert.deepEqual(browser.errors, []);
    });
  });
}

interface HostileWindow {
  __hostile: {
    seen: {
      messages: string[];
      events: string[];
      mutations: string[];
      typed: string[];
      captured: string[];
      frames: string[];
    };
    read(): string[];
    drive(): void;
    forgeReader(phrase: string, point: { x: number; y: number }): void;
    forgeRuntime(): void;
    highlights(): [string, string[]][];
  };
}
