/**
 * `npm run bench:sync` — a team's first sync at scale (issue #17): a CouchDB-compatible server
 * (pouchdb-server on 127.0.0.1) seeded with 50,000 annotations and 200,000 sightings, then one member
 * joins and the time until everything is in their Rasid database is measured, through the extension's
 * own code path — the team service, its PouchDB mirror and replication, the checks of every document,
 * the writes to Dexie — in Node (PouchDB's memory adapter, fake-indexeddb), with the heap and RSS peak.
 * Smaller runs: BENCH_ANNOTATIONS=500 BENCH_SIGHTINGS=2000 npm run bench:sync.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import Dexie from 'dexie';
import PouchDB from '../tests/support/pouch-in-node.ts';
import { ADMIN, MEMBERS, startCouchServer } from '../tests/support/couch-server.ts';
import { RasidDB } from '../lib/db/schema.ts';
import { createTeamService } from '../lib/background/team-service.ts';
import { checkJoin } from '../lib/team/join-check.ts';
import { annotationDoc, sightingDoc } from '../lib/team/team-doc.ts';
import { bundledLexicon } from '../lib/lexicon/bundled-lexicon.ts';
import type { TeamConfig, TeamStatus } from '../lib/model/team.ts';

Dexie.dependencies.indexedDB = indexedDB;
Dexie.dependencies.IDBKeyRange = IDBKeyRange;

const ANNOTATIONS = Number(process.env['BENCH_ANNOTATIONS'] ?? 50_000);
const SIGHTINGS = Number(process.env['BENCH_SIGHTINGS'] ?? 200_000);
const CHUNK = 2000;
const ids = bundledLexicon.entities.map((e) => e.id);
const omar = { by: 'omar', name: 'Omar' };
const auth = `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}`;

const server = await startCouchServer();
try {
  const seedStart = performance.now();
  async function bulk(docs: object[]) {
    const response = await fetch(`${server.database}/_bulk_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: auth },
      body: JSON.stringify({ docs }),
    });
    if (!response.ok) throw new Error(`seeding: ${response.status}`);
  }
  for (let from = 0; from < ANNOTATIONS; from += CHUNK) {
    const docs = [];
    for (let i = from; i < Math.min(ANNOTATIONS, from + CHUNK); i++) {
      const page = `https://site${i % 40}.example/article/${Math.floor(i / 5)}`;
      docs.push(
        annotationDoc(
          {
            id: crypto.randomUUID(),
            page,
            target: {
              source: page,
              selector: {
                quote: { exact: `مقطع رقم ${i} من المقال` },
                position: { start: i % 500, end: (i % 500) + 20 },
              },
            },
            body: { note: `ملاحظة ${i}`, tags: ['دير الزور'], color: 'yellow', entity: ids[i % ids.length]! },
            created: 1_700_000_000_000 + i,
            modified: 1_700_000_000_000 + i,
          },
          omar,
          'bench',
        ),
      );
    }
    await bulk(docs);
  }
  for (let from = 0; from < SIGHTINGS; from += CHUNK) {
    const docs = [];
    for (let i = from; i < Math.min(SIGHTINGS, from + CHUNK); i++) {
      const mentions = Array.from({ length: 10 }, (_, k) => ({
        entity: ids[(i * 7 + k * 13) % ids.length]!,
        count: 1 + (k % 3),
        sentence: `جملة ${k}`,
      }));
      docs.push(
        sightingDoc(
          omar,
          `https://site${i % 40}.example/page/${i}`,
          `عنوان ${i}`,
          1_700_000_000_000 + i,
          1_700_000_000_000 + i,
          mentions,
        ),
      );
    }
    await bulk(docs);
  }
  const seedMs = performance.now() - seedStart;

  const db = new RasidDB(`bench-sync-${crypto.randomUUID()}`);
  const rana = MEMBERS[0];
  const config: TeamConfig = {
    url: server.database,
    user: rana.user,
    password: rana.password,
    name: rana.name,
    shareAnnotations: true,
    shareSightings: true,
  };
  let status: TeamStatus = { state: 'off' };
  let stored: TeamConfig | null = null;
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const team = createTeamService({
    db,
    load: async () => stored,
    save: async (c) => void (stored = c),
    check: (c) => checkJoin(c),
    openMirror: () => new PouchDB(`bench-mirror-${crypto.randomUUID()}`, { adapter: 'memory' }),
    openRemote: (c) =>
      new PouchDB(server.database, { skip_setup: true, auth: { username: c.user, password: c.password } }),
    version: 'bench',
    now: Date.now,
    changed: () => undefined,
  });
  const start = performance.now();
  // What the options page shows, as the first sync goes.
  const progress = setInterval(() => {
    sample();
    void team.state().then((s) => (status = s.status));
    if (status.state !== 'off')
      console.log(
        `  ${((performance.now() - start) / 1000).toFixed(1)} s: ${status.state}, ${'received' in status ? status.received : 0} of ${status.state === 'syncing' ? (status.total ?? '?') : '?'} documents`,
      );
  }, 2000);
  await team.join(config);
  let lag = 0;
  for (;;) {
    sample();
    // The event loop's delay while syncing: what a page sharing its thread would feel.
    const t = performance.now();
    await new Promise((r) => setTimeout(r, 50));
    lag = Math.max(lag, performance.now() - t - 50);
    const [a, s] = await Promise.all([db.annotations.count(), db.teamSightings.count()]);
    if (a >= ANNOTATIONS && s >= SIGHTINGS) break;
  }
  const syncMs = performance.now() - start;
  clearInterval(progress);
  team.close();
  console.log(
    JSON.stringify(
      {
        annotations: ANNOTATIONS,
        sightings: SIGHTINGS,
        seedSeconds: +(seedMs / 1000).toFixed(1),
        firstSyncSeconds: +(syncMs / 1000).toFixed(1),
        docsPerSecond: Math.round((ANNOTATIONS + SIGHTINGS) / (syncMs / 1000)),
        peakRssMiB: Math.round(peakRss / 2 ** 20),
        peakHeapMiB: Math.round(peakHeap / 2 ** 20),
        worstEventLoopDelayMs: Math.round(lag),
      },
      null,
      2,
    ),
  );
  db.close();
} finally {
  await server.close();
}
