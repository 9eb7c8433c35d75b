import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { RasidDB } from '../../lib/db/schema.ts';

/**
 * Fresh databases for unit tests, on fake-indexeddb: each one has a name of its own (tests in a file
 * never share rows) and is deleted after the test that made it. Importing this module is enough to
 * put Dexie on fake-indexeddb and register the clean-up.
 */

// Dexie looks for IndexedDB when it is first imported, which may be before this module runs (a test
// file's imports load in order): hand it fake-indexeddb directly rather than through the globals.
Dexie.dependencies.indexedDB = indexedDB;
Dexie.dependencies.IDBKeyRange = IDBKeyRange;

const made: string[] = [];
const opened: RasidDB[] = [];

afterEach(async () => {
  // Close before deleting: an open connection would hold the deletion up.
  for (const db of opened.splice(0)) db.close();
  for (const name of made.splice(0)) await Dexie.delete(name);
});

/** A unique database name, deleted after the current test (for tests that seed an old schema by hand). */
export function freshDbName(prefix = 'test'): string {
  const name = `${prefix}-${crypto.randomUUID()}`;
  made.push(name);
  return name;
}

/** An empty Rasid database at the newest version, deleted after the current test. */
export function freshDb(prefix?: string): RasidDB {
  const db = new RasidDB(freshDbName(prefix));
  opened.push(db);
  return db;
}
