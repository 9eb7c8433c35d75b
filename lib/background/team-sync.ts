import type { RasidDB } from '../db/schema.ts';
import { storeSightings, storeTeamNames } from '../db/team-store.ts';
import type { AnnotationRow } from '../model/annotation.ts';
import type { TeamNameRow } from '../model/reader-entity.ts';
import type { ConflictVersion, TeamConflict, TeamMark, TeamSightingRow, TeamStatus } from '../model/team.ts';
import type { MentionReport } from '../model/mention.ts';
import { leavesOf, type ChangeEvent, type PouchDatabase, type PouchDoc, type SyncChange } from './pouch.ts';
import {
  ANNOTATION_PREFIX,
  annotationDoc,
  annotationDocId,
  readAnnotationDoc,
  readSightingDoc,
  SIGHTING_PREFIX,
  sightingDoc,
} from '../team/team-doc.ts';
import { NAME_PREFIX, readTeamNameDoc, teamNameDoc, type SharedName } from '../team/team-names.ts';

/**
 * A team's replication (issue #17): a local PouchDB mirrors what the reader shares and what the team
 * shares, and replicates both ways, live, with the team's CouchDB (PouchDB's replication protocol; none
 * of ours). Dexie stays the source of truth for the reader's own work: shared annotations are copied
 * into the mirror when saved, and what the mirror receives is checked (as an import is) and written to
 * Dexie marked as the team's. Offline, the mirror keeps every change and replication sends it when the
 * server is back (`retry`).
 *
 * A teammate's annotation is never overwritten: the reader's edit of it is saved as a sibling revision
 * (`new_edits: false`), a conflict by construction, which both members see and resolve (keep mine /
 * keep theirs) by removing the losing revisions — as two members' simultaneous edits are.
 */

type Doc = PouchDoc;

export interface TeamSyncDeps {
  db: RasidDB;
  /** The local mirror (IndexedDB in the browser, in memory in tests). */
  local: PouchDatabase;
  /** The team's database (PouchDB's http adapter, with the reader's credentials). */
  remote: PouchDatabase;
  me: TeamMark;
  version: string;
  now(): number;
  status(status: TeamStatus): void;
  /** Annotations, the team's sightings or names changed (pages repaint or re-highlight, the panel re-reads). */
  changed(what: 'annotations' | 'sightings' | 'conflicts' | 'names'): void;
  /** The longest wait between two attempts to reach the server. */
  maxRetryMs?: number;
}

export interface TeamSync {
  /** Copies an annotation the reader saved to the team (theirs as the creator; a teammate's as a sibling). */
  shareAnnotation(row: AnnotationRow): Promise<void>;
  /** Takes an annotation the reader deleted (or stopped sharing) out of the team: a deletion replicates. */
  unshareAnnotation(row: AnnotationRow): Promise<void>;
  /** Shares what a page named (one document per member and page). */
  shareSighting(
    page: string,
    title: string,
    firstSeen: number,
    lastSeen: number,
    mentions: MentionReport[],
  ): Promise<void>;
  /** Shares a name the reader added, or a spelling they said is not a name (the team's names). */
  shareName(name: SharedName): Promise<void>;
  /** Takes a name the reader shared out of the team (they deleted it, or took "not a name" back). */
  unshareName(id: string): Promise<void>;
  /** Resolves a conflict by keeping one version (`rev`); the others are removed. */
  resolve(id: string, rev: string): Promise<void>;
  /** Resolves when every change received so far has been written to Dexie (tests). */
  settled(): Promise<void>;
  /**
   * False once replication has ended by itself (the server refused it for good, or the browser stopped
   * it): a wake-up of the background then starts it again (`TeamService.wake`).
   */
  running(): boolean;
  stop(): void;
}

const SEQ_DOC = '_local/rasid-applied';

export function startTeamSync(deps: TeamSyncDeps): TeamSync {
  const { db, local, remote, me, now } = deps;
  let received = 0;
  /** The team database's documents when the sync started (`info().doc_count`): the first sync's "of M". */
  let total: number | undefined;
  let stopped = false;
  let ended = false;
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch((e: unknown) => console.error('Rasid team sync:', e));
    return next;
  };

  const report = (state: 'syncing' | 'live' | 'offline') => {
    if (stopped) return;
    if (state === 'syncing') deps.status({ state, received, ...(total === undefined ? {} : { total }) });
    else deps.status({ state, received });
  };
  void remote.info().then(
    (info) => {
      const count = (info as { doc_count?: unknown }).doc_count;
      if (typeof count === 'number' && Number.isInteger(count) && count >= 0) total = count;
    },
    () => undefined,
  );
  const maxRetry = deps.maxRetryMs ?? 30_000;
  const sync = local.sync(remote, {
    live: true,
    retry: true,
    // Larger batches than PouchDB's 100: a first sync of a big team database takes fewer round trips.
    batch_size: 500,
    // PouchDB's default waits up to 10 minutes; a desk wants its changes within seconds of reconnecting.
    back_off_function: (delay) => (delay === 0 ? 500 : Math.min(maxRetry, delay * 2)),
  });
  sync.on('change', (info: SyncChange) => {
    // `docs_written` counts from the start of this replication (it is not the batch's).
    if (info.direction === 'pull') received = Math.max(received, info.change.docs_written);
    report('syncing');
  });
  sync.on('active', () => report('syncing'));
  // A two-way sync pauses without saying why (an error is given to one-way replications only): the
  // server's answer says whether it is waiting for changes or cannot reach the server.
  sync.on('paused', () => {
    remote.info().then(
      () => report('live'),
      () => report('offline'),
    );
  });
  sync.on('error', () => {
    ended = true;
    report('offline');
  });
  // `complete` comes when the sync is cancelled — by `stop`, or by the browser ending it.
  sync.on('complete', () => void (ended = true));
  deps.status({ state: 'syncing', received });

  // Everything the mirror holds, in order, from where the last background left off: what the reader
  // shared comes back too, and is written again only if it differs.
  let feed: ReturnType<PouchDatabase['changes']> | undefined;
  void (async () => {
    const since = await local.get(SEQ_DOC).then(
      (d) => (typeof d['seq'] === 'number' || typeof d['seq'] === 'string' ? d['seq'] : 0),
      () => 0,
    );
    if (stopped) return;
    feed = local.changes({ live: true, since, include_docs: true, conflicts: true, batch_size: 200 });
    // Changes are taken in batches: a first sync brings hundreds of thousands of documents, and one
    // transaction (and one saved position) per document would take many times longer.
    let pending: ChangeEvent[] = [];
    feed.on('change', (change: ChangeEvent) => {
      pending.push(change);
      if (pending.length > 1) return;
      void serially(async () => {
        const batch = pending;
        pending = [];
        await applyBatch(batch.map((c) => c.doc ?? { _id: c.id, _deleted: c.deleted ?? false }));
        await saveSeq(batch.at(-1)!.seq);
      });
    });
    feed.on('error', (e: unknown) => console.error('Rasid team feed:', e));
  })();

  async function saveSeq(seq: number | string) {
    const previous = await local.get(SEQ_DOC).catch(() => null);
    await local.put({ _id: SEQ_DOC, ...(previous ? { _rev: previous._rev } : {}), seq });
  }

  async function applyBatch(docs: Doc[]): Promise<void> {
    const put: TeamSightingRow[] = [];
    const removed: string[] = [];
    const names: TeamNameRow[] = [];
    const namesRemoved: string[] = [];
    const plain: Doc[] = [];
    for (const doc of docs) {
      if (doc._id.startsWith(ANNOTATION_PREFIX)) {
        // Most of a first sync: written together below. Deletions and conflicts one by one.
        if (!doc._deleted && !doc._conflicts?.length) plain.push(doc);
        else await applyAnnotation(doc);
      } else if (doc._id.startsWith(SIGHTING_PREFIX)) {
        const id = doc._id.slice(SIGHTING_PREFIX.length);
        const colon = id.indexOf(':');
        if (doc._deleted) removed.push(`${id.slice(0, colon)}\u0000${id.slice(colon + 1)}`);
        else {
          const row = readSightingDoc(doc);
          if (row) put.push(row);
          else console.warn('Rasid team sync: a sighting that is not valid was left out', doc._id);
        }
      } else if (doc._id.startsWith(NAME_PREFIX)) {
        if (doc._deleted) namesRemoved.push(doc._id.slice(NAME_PREFIX.length));
        else {
          const row = readTeamNameDoc(doc, now());
          if (row) names.push(row);
          else console.warn('Rasid team sync: a name that is not valid was left out', doc._id);
        }
      }
    }
    if (plain.length) await applyAnnotations(plain);
    if (put.length || removed.length) {
      await storeSightings(db, put, removed);
      deps.changed('sightings');
    }
    if (names.length || namesRemoved.length) {
      await storeTeamNames(db, names, namesRemoved);
      deps.changed('names');
    }
  }

  /**
   * Annotations without a conflict, in one transaction: a first sync brings tens of thousands, and a
   * transaction (and a repaint of every tab) for each would keep the background busy for minutes.
   */
  async function applyAnnotations(docs: Doc[]) {
    const rows = docs.flatMap((doc) => {
      const read = rowOf(doc);
      return read ? [read.row] : [];
    });
    const written = await db.transaction('rw', db.annotations, db.teamConflicts, async () => {
      const previous = await db.annotations.bulkGet(rows.map((r) => r.id));
      const changedRows = rows.filter(
        (row, i) => !previous[i] || JSON.stringify(strip(previous[i])) !== JSON.stringify(strip(row)),
      );
      await db.annotations.bulkPut(changedRows);
      await db.teamConflicts.bulkDelete(rows.map((r) => r.id));
      return changedRows.length;
    });
    if (written) deps.changed('annotations');
    deps.changed('conflicts');
  }

  /** The row Dexie keeps for a team document's version. */
  const rowOf = (doc: Doc): { row: AnnotationRow; creator: TeamMark; modifiedBy: TeamMark } | null => {
    const read = readAnnotationDoc(doc, now());
    if (!read.ok) {
      console.warn(`Rasid team sync: ${doc._id} left out (${read.error})`);
      return null;
    }
    const { row, creator, modifiedBy } = read.value;
    return {
      row: { ...row, shared: true, ...(creator.by === me.by ? {} : { team: creator }) },
      creator,
      modifiedBy,
    };
  };

  async function applyAnnotation(doc: Doc) {
    const id = doc._id.slice(ANNOTATION_PREFIX.length);
    if (doc._deleted) {
      // Only the creator takes an annotation out of the team; the reader's own stays theirs (they may
      // have stopped sharing it), a teammate's goes.
      await db.transaction('rw', db.annotations, db.teamConflicts, async () => {
        if ((await db.annotations.get(id))?.team) await db.annotations.delete(id);
        await db.teamConflicts.delete(id);
      });
      return deps.changed('annotations');
    }
    const winner = rowOf(doc);
    if (!winner) return;
    const conflicts = doc._conflicts ?? [];
    const versions: ConflictVersion[] = [];
    if (conflicts.length) {
      for (const leaf of await leavesOf(local, doc._id, [doc._rev!, ...conflicts])) {
        const version = rowOf(leaf);
        if (version)
          versions.push({
            rev: leaf._rev!,
            by: version.modifiedBy.by,
            name: version.modifiedBy.name,
            body: version.row.body,
            modified: version.row.modified,
            mine: version.modifiedBy.by === me.by,
          });
      }
    }
    // In a conflict the reader keeps seeing their own version until they choose.
    const own = versions.find((v) => v.mine);
    const row: AnnotationRow = own ? { ...winner.row, body: own.body, modified: own.modified } : winner.row;
    await db.transaction('rw', db.annotations, db.teamConflicts, async () => {
      const previous = await db.annotations.get(id);
      if (!previous || JSON.stringify(strip(previous)) !== JSON.stringify(strip(row)))
        await db.annotations.put(row);
      if (versions.length > 1) {
        const conflict: TeamConflict = {
          id,
          quote: row.target.selector.quote.exact,
          page: row.page,
          versions,
        };
        await db.teamConflicts.put(conflict);
      } else await db.teamConflicts.delete(id);
    });
    deps.changed('annotations');
    if (versions.length > 1 || conflicts.length === 0) deps.changed('conflicts');
  }

  async function current(id: string): Promise<Doc | null> {
    return local.get(id, { conflicts: true, revs: true }).catch(() => null);
  }

  return {
    shareAnnotation: (row) =>
      serially(async () => {
        const doc = annotationDoc(row, me, deps.version);
        const existing = await current(doc._id);
        if (!row.team || !existing) {
          // The reader's own (or one the mirror lost): a new revision over the winning one.
          await local.put({ ...doc, ...(existing ? { _rev: existing._rev } : {}) });
          return;
        }
        // A teammate's: the reader's version goes beside theirs. The reader's own sibling, if there is
        // one already, is edited in place.
        const leaves = await leavesOf(local, doc._id, [existing._rev!, ...(existing._conflicts ?? [])]);
        const mine = leaves.find((l) => (l['modifiedBy'] as TeamMark | undefined)?.by === me.by);
        const creator = existing['creator'] as TeamMark;
        if (mine) return void (await local.put({ ...doc, creator, _rev: mine._rev! }));
        const revisions = existing._revisions!;
        const hash = crypto.randomUUID().replace(/-/gu, '');
        await local.bulkDocs(
          [
            {
              ...doc,
              creator,
              _rev: `${revisions.start}-${hash}`,
              _revisions: { start: revisions.start, ids: [hash, ...revisions.ids.slice(1)] },
            },
          ],
          { new_edits: false },
        );
      }),
    unshareAnnotation: (row) =>
      serially(async () => {
        // A teammate's annotation deleted here is gone from this browser only: it is theirs.
        if (row.team) return;
        const existing = await current(annotationDocId(row.id));
        if (existing) await local.remove(existing._id, existing._rev!);
      }),
    shareSighting: (page, title, firstSeen, lastSeen, mentions) =>
      serially(async () => {
        const doc = sightingDoc(me, page, title, firstSeen, lastSeen, mentions);
        const existing = await local.get(doc._id).catch(() => null);
        await local.put({ ...doc, ...(existing ? { _rev: existing._rev } : {}) });
      }),
    shareName: (name) =>
      serially(async () => {
        const doc = teamNameDoc(name, me, now());
        const existing = await local.get(doc._id).catch(() => null);
        await local.put({ ...doc, ...(existing ? { _rev: existing._rev } : {}) });
      }),
    unshareName: (id) =>
      serially(async () => {
        const existing = await local.get(NAME_PREFIX + id).catch(() => null);
        // Only the member who shared a name takes it out (a teammate's stays theirs).
        if (existing && (existing['by'] as TeamMark | undefined)?.by === me.by)
          await local.remove(existing._id, existing._rev!);
      }),
    resolve: (id, rev) =>
      serially(async () => {
        const docId = annotationDocId(id);
        const existing = await current(docId);
        if (!existing) return;
        const leaves = [existing._rev!, ...(existing._conflicts ?? [])];
        if (!leaves.includes(rev)) throw new Error('that version is no longer in conflict');
        const kept = await local.get(docId, { rev });
        // The losers go (a deletion of a leaf replicates like any other revision)…
        await local.bulkDocs(
          leaves.filter((r) => r !== existing._rev).map((r) => ({ _id: docId, _rev: r, _deleted: true })),
        );
        // …and the kept version becomes the winner's next revision, saved by the reader who chose.
        const content: PouchDoc = { ...kept, _id: docId, _rev: existing._rev!, modifiedBy: me };
        delete content._conflicts;
        await local.put(content);
        // Chosen: the list says so at once; the feed brings the kept version into Dexie.
        await db.teamConflicts.delete(id);
      }),
    settled: async () => {
      for (let i = 0; i < 3; i++) await queue.catch(() => undefined);
    },
    running: () => !stopped && !ended,
    stop() {
      stopped = true;
      sync.cancel();
      feed?.cancel();
    },
  };
}

/** An annotation without what the team adds, to tell a real change from an echo. */
const strip = (row: AnnotationRow) => ({ ...row, shared: undefined });
