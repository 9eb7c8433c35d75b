/**
 * The part of PouchDB's API (https://pouchdb.com/api.html) that team sync uses, typed here: the
 * DefinitelyTyped package declares a global `Buffer` that breaks Node's own types.
 */
export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  _revisions?: { start: number; ids: string[] };
  [field: string]: unknown;
}

export interface PouchEmitter {
  on(event: string, listener: (arg: never) => void): this;
  cancel(): void;
}

export interface ChangeEvent {
  id: string;
  seq: number | string;
  deleted?: boolean;
  doc?: PouchDoc;
}

export interface SyncChange {
  direction: 'push' | 'pull';
  change: { docs_written: number };
}

export interface PouchDatabase {
  get(id: string, options?: { rev?: string; conflicts?: boolean; revs?: boolean }): Promise<PouchDoc>;
  put(doc: PouchDoc): Promise<{ ok: boolean; id: string; rev: string }>;
  remove(id: string, rev: string): Promise<unknown>;
  bulkDocs(docs: PouchDoc[], options?: { new_edits?: boolean }): Promise<unknown[]>;
  changes(options: {
    live: boolean;
    since: number | string;
    include_docs: boolean;
    conflicts: boolean;
    batch_size?: number;
  }): PouchEmitter;
  sync(
    remote: PouchDatabase,
    options: {
      live: boolean;
      retry: boolean;
      batch_size?: number;
      back_off_function?: (delay: number) => number;
    },
  ): PouchEmitter;
  destroy(): Promise<unknown>;
  info(): Promise<unknown>;
}

/** The leaves of a document's revision tree (`get(id, {open_revs})`). */
export async function leavesOf(db: PouchDatabase, id: string, revs: string[]): Promise<PouchDoc[]> {
  const get = db.get as unknown as (
    id: string,
    options: { open_revs: string[] },
  ) => Promise<{ ok?: PouchDoc }[]>;
  const leaves = await get.call(db, id, { open_revs: revs });
  return leaves.flatMap((l) => (l.ok && !l.ok._deleted ? [l.ok] : []));
}
