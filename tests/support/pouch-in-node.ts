import memoryAdapter from 'pouchdb-adapter-memory';

/**
 * The browser's PouchDB (`pouchdb-browser`, the one the extension bundles) in Node, for tests and the
 * bench: it looks for `self` as a worker would, and keeps its local databases in memory here.
 */
(globalThis as { self?: unknown }).self ??= globalThis;
const { default: PouchDB } = await import('pouchdb-browser');
PouchDB.plugin(memoryAdapter);

export default PouchDB;
