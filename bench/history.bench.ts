/**
 * `npm run bench:history` — the reader's history at scale (issue #6): the built extension in real
 * Chromium, its database seeded with 10,000 pages and 500,000 mentions (50 entities per page, drawn
 * from the bundled lexicon with a skew, so a few entities are everywhere, as in real news), then each
 * view's query timed through the same messages the views send. Medians of 5 runs.
 * Build first (the script does): it loads .output/chrome-mv3.
 */
import { bundledLexicon } from '../lib/lexicon/bundled-lexicon.ts';
import { launchChromium } from '../e2e/support/launch-chromium.ts';
import { timesOf, VERSION_4_STORES } from './extension-db.ts';
import { median } from './page/stats.ts';

const PAGES = Number(process.env.BENCH_PAGES ?? 10_000);
const PER_PAGE = 50;
const SITES = 40;
const ids = bundledLexicon.entities.map((e) => e.id);

const browser = await launchChromium();

// The rows go in with raw IndexedDB, into a database shaped as Rasid's version 4 (Dexie numbers it
// 40), before the background first opens it: its upgrade to version 5 then sums the mentions into the
// entities' aggregates, as it would in a reader's profile, and is timed too. The manifest is an
// extension-origin document that opens no database of its own.
const page = await browser.newPage(`${browser.extensionOrigin}/manifest.json`);
const seedStart = performance.now();
await page.evaluate(
  ({ pages, perPage, sites, entities, stores }) =>
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
        let seed = 11;
        const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
        const tx = db.transaction(['pages', 'mentions'], 'readwrite');
        const pageStore = tx.objectStore('pages');
        const mentionStore = tx.objectStore('mentions');
        const day = 86_400_000;
        for (let p = 0; p < pages; p++) {
          const site = `site${p % sites}.example`;
          const url = `https://${site}/article/${p}`;
          const at = Date.UTC(2025, 0, 1) + Math.floor(rand() * 600) * day;
          pageStore.put({
            url,
            address: url,
            site,
            title: `مقال ${p}`,
            byline: null,
            siteName: null,
            publishedTime: null,
            lang: 'ar',
            wordCount: 800,
            firstVisit: at,
            lastVisit: at,
            visits: 1,
          });
          const chosen = new Set<string>();
          while (chosen.size < perPage) chosen.add(entities[Math.floor(rand() ** 2 * entities.length)]!);
          for (const entity of chosen)
            mentionStore.put({
              page: url,
              entity,
              site,
              count: 1 + Math.floor(rand() * 5),
              sentence: 'جملة أولى عن الكيان في هذا المقال.',
              firstSeen: at,
              lastSeen: at,
            });
        }
        tx.oncomplete = () => (db.close(), resolve());
        tx.onerror = () => reject(tx.error);
      };
    }),
  { pages: PAGES, perPage: PER_PAGE, sites: SITES, entities: ids, stores: VERSION_4_STORES },
);
const seedMs = performance.now() - seedStart;

async function timed(label: string, message: unknown, runs = 5): Promise<void> {
  const times = await timesOf(page, message, runs);
  console.log(`   ${label.padEnd(58)} ${median(times).toFixed(1).padStart(9)} ms`);
}

await page.goto(`${browser.extensionOrigin}/sidepanel.html`);
const [upgradeMs] = await timesOf(page, { type: 'history/count', payload: { site: null } }, 1);

console.log(
  `Seeded ${PAGES.toLocaleString('en')} pages and ${(PAGES * PER_PAGE).toLocaleString('en')} mentions on ${SITES} sites in ${(seedMs / 1000).toFixed(1)} s;\n` +
    `the upgrade to version 5 summed them into the entities’ aggregates in ${(upgradeMs! / 1000).toFixed(1)} s.\n`,
);
console.log('   view / query (median of 5)');
const onPage = ids.slice(0, 30);
await timed('panel: history of 30 entities on a page (entity/history)', {
  type: 'entity/history',
  payload: { url: 'https://site3.example/article/3', canonical: null, entities: onPage },
});
await timed('dashboard: ranking, no filter', { type: 'dashboard/ranking', payload: {} });
await timed('dashboard: ranking, one site', {
  type: 'dashboard/ranking',
  payload: { site: 'site7.example' },
});
await timed('dashboard: ranking, places, with a search', {
  type: 'dashboard/ranking',
  payload: { type: 'place', query: 'دير' },
});
await timed('dashboard: one entity (the most named)', {
  type: 'dashboard/entity',
  payload: { entity: ids[0] },
});
await timed('dashboard: one entity (a rare one)', {
  type: 'dashboard/entity',
  payload: { entity: ids[ids.length - 1] },
});
await timed('page read again: 50 entities recorded (page/report)', {
  type: 'page/report',
  payload: {
    url: 'https://site3.example/article/3',
    canonical: null,
    article: {
      title: 'مقال',
      byline: null,
      siteName: null,
      publishedTime: null,
      lang: 'ar',
      dir: 'rtl',
      excerpt: null,
      wordCount: 800,
    },
    entities: PER_PAGE,
    visit: true,
    mentions: ids.slice(0, PER_PAGE).map((entity) => ({ entity, count: 2, sentence: 'جملة.' })),
  },
});
await timed('dashboard: ranking, one month', {
  type: 'dashboard/ranking',
  payload: { from: Date.UTC(2025, 5, 1), to: Date.UTC(2025, 5, 30, 23, 59, 59) },
});
await timed('forget: count a site’s pages (history/count)', {
  type: 'history/count',
  payload: { site: 'site7.example' },
});
await browser.close();
console.log('\nReproduce: npm run bench:history');
