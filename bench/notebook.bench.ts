/**
 * `npm run bench:notebook` — the notebook at scale (issue 14): the built extension in real Chromium,
 * its database seeded with 50,000 annotations over 10,000 pages (quotes cut from the seed articles,
 * notes, tags from a list of 300, a quarter linked to an entity, a few orphans), then:
 * - the background's answer to the notebook's first question, cold (it builds its folded index) and
 *   warm, for a search and for filters, through the same message the notebook sends (medians of 5);
 * - the notebook page itself: from navigation to its first screen of results drawn, for a search and
 *   a filter in its address, and the page's JavaScript heap once drawn.
 * Build first (the script does): it loads .output/chrome-mv3.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { bundledLexicon } from '../lib/lexicon/bundled-lexicon.ts';
import { launchChromium } from '../e2e/support/launch-chromium.ts';
import { ROOT } from '../e2e/support/paths.ts';
import { timesOf as timesOfMessage, VERSION_4_STORES } from './extension-db.ts';
import { median } from './page/stats.ts';

const PAGES = Number(process.env.BENCH_PAGES ?? 10_000);
const PER_PAGE = 5;
const SITES = 40;
const SEEDS = `${ROOT}tests/fixtures/seeds`;
const words = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(`${SEEDS}/${f}`, 'utf8').split(/\s+/u))
  .filter(Boolean);
const entities = bundledLexicon.entities.slice(0, 400).map((e) => e.id);

const browser = await launchChromium();

// Seeded with raw IndexedDB into a database shaped as Rasid's version 4 (Dexie numbers it 40) before
// the background first opens it, as bench:history does; the background then upgrades it to the newest.
const page = await browser.newPage(`${browser.extensionOrigin}/manifest.json`);
const seedStart = performance.now();
await page.evaluate(
  ({ pages, perPage, sites, words, entities, stores }) =>
    new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('rasid', 40);
      open.onerror = () => reject(open.error);
      open.onupgradeneeded = () => {
        for (const [name, { keyPath, indexes }] of Object.entries(stores)) {
          const s = open.result.createObjectStore(name, { keyPath });
          for (const [index, path] of Object.entries(indexes)) s.createIndex(index, path);
        }
      };
      open.onsuccess = () => {
        const db = open.result;
        let seed = 7;
        const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
        const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
        const phrase = (n: number) => {
          const at = Math.floor(rand() * (words.length - n));
          return words.slice(at, at + n).join(' ');
        };
        const tags = Array.from({ length: 300 }, (_, i) => `وسم ${i}`);
        const colors = ['yellow', 'green', 'blue', 'pink'];
        const tx = db.transaction(['pages', 'annotations'], 'readwrite');
        const pageStore = tx.objectStore('pages');
        const annotationStore = tx.objectStore('annotations');
        const day = 86_400_000;
        for (let p = 0; p < pages; p++) {
          const site = `site${p % sites}.example`;
          const url = `https://${site}/article/${p}`;
          const at = Date.UTC(2025, 0, 1) + Math.floor(rand() * 600) * day;
          pageStore.put({
            url,
            address: url,
            site,
            title: phrase(8),
            byline: null,
            siteName: null,
            publishedTime: null,
            lang: 'ar',
            wordCount: 800,
            firstVisit: at,
            lastVisit: at,
            visits: 1,
          });
          for (let a = 0; a < perPage; a++) {
            const exact = phrase(6 + Math.floor(rand() * 30));
            const created = at + a * 60_000;
            annotationStore.put({
              id: `bench-${p}-${a}`,
              page: url,
              target: {
                source: url,
                selector: {
                  quote: { exact, prefix: phrase(8), suffix: phrase(8) },
                  position: { start: a * 400, end: a * 400 + exact.length },
                },
              },
              body: {
                note: rand() < 0.6 ? phrase(5 + Math.floor(rand() * 40)) : '',
                tags: rand() < 0.7 ? [pick(tags), ...(rand() < 0.3 ? [pick(tags)] : [])] : [],
                color: pick(colors),
                ...(rand() < 0.25 ? { entity: pick(entities) } : {}),
              },
              created,
              modified: created,
            });
          }
        }
        tx.oncomplete = () => (db.close(), resolve());
        tx.onerror = () => reject(tx.error);
      };
    }),
  { pages: PAGES, perPage: PER_PAGE, sites: SITES, words, entities, stores: VERSION_4_STORES },
);
const seedMs = performance.now() - seedStart;

await page.goto(`${browser.extensionOrigin}/sidepanel.html`);

const timesOf = (message: unknown, runs: number) => timesOfMessage(page, message, runs);
const row = (label: string, ms: number) =>
  console.log(`   ${label.padEnd(62)} ${ms.toFixed(1).padStart(8)} ms`);

// The first question opens (and upgrades) the database; the second builds the notebook's index.
const [upgradeMs] = await timesOf({ type: 'history/count', payload: { site: null } }, 1);
// The bundled lexicon is decoded on its first use in a background's life (the dashboard and exports
// pay it too): timed apart, so that the index's own cost shows.
const [lexiconMs] = await timesOf({ type: 'dashboard/ranking', payload: { query: 'x' } }, 1);
const [coldMs] = await timesOf({ type: 'notebook/query', payload: { limit: 50 } }, 1);
console.log(
  `Load average while measuring: ${(await import('node:os')).loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores.`,
);
console.log(
  `Seeded ${PAGES.toLocaleString('en')} pages and ${(PAGES * PER_PAGE).toLocaleString('en')} annotations on ${SITES} sites in ${(seedMs / 1000).toFixed(1)} s ` +
    `(upgrade to the newest version: ${(upgradeMs! / 1000).toFixed(1)} s).\n`,
);
console.log('   the background’s answer: first screen (50) and the count');
row('cold: the bundled lexicon decoded (first use, any view)', lexiconMs!);
row('cold: the first question, folding every annotation', coldMs!);
// The folded texts are kept in the store: a background started afresh (an MV3 service worker stops when
// idle) reads them instead of folding again. Wait for them, restart the background, ask again.
await page.waitFor(
  (n) =>
    new Promise<boolean>((resolve) => {
      const open = indexedDB.open('rasid');
      open.onsuccess = () => {
        const count = open.result.transaction('foldedTexts').objectStore('foldedTexts').count();
        count.onsuccess = () => (open.result.close(), resolve(count.result >= n));
        count.onerror = () => (open.result.close(), resolve(false));
      };
      open.onerror = () => resolve(false);
    }),
  PAGES * PER_PAGE,
  300_000,
);
await browser.restartExtension(page);
await page.goto(`${browser.extensionOrigin}/sidepanel.html`);
await timesOf({ type: 'dashboard/ranking', payload: { query: 'x' } }, 1);
const [keptMs] = await timesOf({ type: 'notebook/query', payload: { limit: 50 } }, 1);
row('cold: a background started afresh, folded texts kept', keptMs!);
const query = (payload: object) => ({ type: 'notebook/query', payload: { limit: 50, ...payload } });
const cases: [string, object][] = [
  ['warm: no filter, newest first', {}],
  ['warm: search «الاسد» (hamza-less, over 50,000 annotations)', { q: 'الاسد' }],
  ['warm: search of two words «قوات النظام»', { q: 'قوات النظام' }],
  ['warm: filter one tag', { tag: 'وسم 7' }],
  ['warm: filter site + colour, grouped by page', { site: 'site3.example', color: 'green', order: 'page' }],
  ['warm: filter one entity + search', { entity: entities[0], q: 'سوريا' }],
  ['warm: date range (one month)', { from: Date.UTC(2025, 5, 1), to: Date.UTC(2025, 5, 30, 23, 59, 59) }],
];
for (const [label, payload] of cases) row(label, median(await timesOf(query(payload), 5)));

// The page: from navigation to its first screen drawn, with the query in its address.
console.log('\n   the notebook page: navigation → first screen drawn (median of 5)');
const notebook = await browser.newPage();
const screens: [string, string][] = [
  ['search «الاسد» in the address', 'q=%D8%A7%D9%84%D8%A7%D8%B3%D8%AF'],
  ['filter one tag in the address', `tag=${encodeURIComponent('وسم 7')}`],
];
let heap = 0;
for (const [label, hash] of screens) {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    await notebook.goto(`${browser.extensionOrigin}/manifest.json`);
    await notebook.goto(`${browser.extensionOrigin}/notebook.html#${hash}`);
    await notebook.front();
    await notebook.waitFor(
      () =>
        performance.getEntriesByName('rasid-notebook-first-screen').length > 0 &&
        document.querySelectorAll('[data-annotation]').length > 0,
      null,
      120_000,
    );
    // Marked by the page after the render that drew its first screen (from navigation start).
    times.push(
      await notebook.evaluate(
        () => performance.getEntriesByName('rasid-notebook-first-screen')[0]!.startTime,
      ),
    );
    heap = Math.max(
      heap,
      await notebook.evaluate(
        () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
      ),
    );
  }
  row(label, median(times));
}
console.log(
  `\n   the notebook page’s JavaScript heap, first screen drawn: ${(heap / 1_048_576).toFixed(1)} MB`,
);
await browser.close();
console.log('\nReproduce: npm run bench:notebook');
