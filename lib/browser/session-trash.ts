import { browser } from 'wxt/browser';
import { memoryTrash, type Trash } from '../background/trash.ts';
import type { AnnotationRow } from '../model/annotation.ts';

/** How many deleted annotations wait for an undo: enough for any reader's run of deletions. */
const KEPT = 50;
const KEY = 'rasid-trash';

/**
 * Deleted annotations kept for undo in `storage.session`: in memory, never on disk, gone when the
 * browser closes, and still there when an MV3 service worker restarts between the delete and the undo.
 */
export function sessionTrash(): Trash {
  const area = (browser.storage as { session?: typeof browser.storage.local }).session;
  if (!area) return memoryTrash();
  const read = async () => ((await area.get(KEY))[KEY] as AnnotationRow[] | undefined) ?? [];
  return {
    async put(row) {
      const rows = (await read()).filter((r) => r.id !== row.id);
      await area.set({ [KEY]: [...rows, row].slice(-KEPT) }).catch(() => undefined);
    },
    async take(id) {
      const rows = await read();
      const row = rows.find((r) => r.id === id);
      if (row) await area.set({ [KEY]: rows.filter((r) => r.id !== id) }).catch(() => undefined);
      return row;
    },
  };
}
