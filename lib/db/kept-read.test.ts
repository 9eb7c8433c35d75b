import { describe, expect, it } from 'vitest';
import { freshDb } from '../../tests/support/fresh-db.ts';
import { keptRead } from './kept-read.ts';
import { dismissName } from './name-candidates.ts';
import { setSettings } from './settings.ts';

describe('keptRead', () => {
  it('answers a read again without the database until a write to one of its tables commits', async () => {
    const db = freshDb();
    // Opened first: its upgrades write, as they do once in a background's life.
    await db.open();
    let reads = 0;
    const dismissed = keptRead(db, ['dismissedNames'], async (variant: boolean) => {
      reads++;
      return [variant, await db.dismissedNames.toCollection().primaryKeys()] as const;
    });
    expect(await dismissed(false)).toEqual([false, []]);
    expect(await dismissed(false)).toEqual([false, []]);
    expect(reads).toBe(1);
    // Another variant is read anew (and kept in place of the first).
    expect(await dismissed(true)).toEqual([true, []]);
    expect(reads).toBe(2);

    // A write elsewhere keeps it; a write to its table, however made, forgets it.
    await setSettings(db, 'example.com', { places: false });
    await dismissed(true);
    expect(reads).toBe(2);
    await dismissName(db, 'ابو عمر', 'أبو عمر', 0);
    expect(await dismissed(true)).toEqual([true, ['ابو عمر']]);
    expect(reads).toBe(3);
    await db.dismissedNames.clear();
    expect(await dismissed(true)).toEqual([true, []]);
    expect(reads).toBe(4);
  });

  it('never keeps a read that a write overtook, nor one that failed', async () => {
    const db = freshDb();
    await db.open();
    let fail = true;
    let reads = 0;
    const names = keptRead(db, ['dismissedNames'], async () => {
      reads++;
      if (fail) throw new Error('the disk is gone');
      return db.dismissedNames.toCollection().primaryKeys();
    });
    await expect(names(0)).rejects.toThrow(/disk/);
    fail = false;
    expect(await names(0)).toEqual([]);
    expect(reads).toBe(2);

    // A read begun before a write, answered after it: the next call reads again.
    const before = names(1);
    await dismissName(db, 'ابو عمر', 'أبو عمر', 0);
    await before;
    expect(await names(1)).toEqual(['ابو عمر']);
  });
});
