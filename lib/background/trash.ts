import type { AnnotationRow } from '../model/annotation.ts';

/** Where deleted annotations wait for an undo. */
export interface Trash {
  put(row: AnnotationRow): Promise<void>;
  /** Takes the row out; undefined when it is not there. */
  take(id: string): Promise<AnnotationRow | undefined>;
}

/** A trash in memory: the tests', and the fallback where `storage.session` is missing. */
export function memoryTrash(): Trash {
  const rows = new Map<string, AnnotationRow>();
  return {
    put: async (row) => void rows.set(row.id, row),
    take: async (id) => {
      const row = rows.get(id);
      rows.delete(id);
      return row;
    },
  };
}
