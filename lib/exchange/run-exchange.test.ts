import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationRow } from '../db/annotation.ts';
import { RasidDB } from '../db/schema.ts';
import { bundledLexicon } from '../lexicon/bundled-lexicon.ts';
import { ENGLISH_MARKDOWN_LABELS } from './markdown.ts';
import { createExchange, type FileToSave } from './run-exchange.ts';

const row = (id: string, note: string, entity?: string): AnnotationRow => ({
  id,
  page: 'https://enabbaladi.net/a',
  target: {
    source: 'https://enabbaladi.net/a?utm_source=x',
    selector: { quote: { exact: 'قسد', prefix: 'قوات ', suffix: ' في' }, position: { start: 10, end: 13 } },
  },
  body: { note, tags: ['شرق الفرات'], color: 'blue', ...(entity ? { entity } : {}) },
  created: Date.UTC(2026, 9, 1),
  modified: Date.UTC(2026, 9, 2),
});

let dbs: RasidDB[] = [];
afterEach(async () => {
  for (const db of dbs) await db.delete();
  dbs = [];
});

/** An exchange on a fresh database, with the files it saves kept for the test. */
function profile() {
  const db = new RasidDB(`exchange-${Math.random()}`);
  dbs.push(db);
  const saved: FileToSave[] = [];
  let changed = 0;
  const exchange = createExchange({
    db,
    version: '0.1.0',
    now: () => Date.UTC(2026, 10, 23),
    lexicon: async () => bundledLexicon.entities,
    save: async (file) => void saved.push(file),
    annotationsChanged: () => void changed++,
    markdownLabels: ENGLISH_MARKDOWN_LABELS,
  });
  return { db, saved, exchange, changes: () => changed };
}

let source: ReturnType<typeof profile>;
beforeEach(async () => {
  source = profile();
  const reader = { id: 'reader-1', type: 'actor' as const, name: 'لواء الباقر', created: 1, modified: 1 };
  await source.db.entities.add(reader);
  await source.db.annotations.bulkAdd([row('a1', 'ملاحظة', 'sdf'), row('a2', '=HYPERLINK("x")', 'reader-1')]);
});

describe('export and import through the database', () => {
  it('round-trips into an empty profile: the second export equals the first', async () => {
    const name = await source.exchange.exportAnnotations({}, 'jsonld', false);
    expect(name).toBe('rasid-annotations-2026-11-23.jsonld');
    const first = source.saved[0]!.text;
    const target = profile();
    const result = await target.exchange.importAnnotations(first);
    expect(result.ok && result.report.counts).toMatchObject({ imported: 2, rejected: 0 });
    expect(target.changes()).toBe(1);
    // The reader's own entity the annotation links to is recreated with its name.
    expect(await target.db.entities.get('reader-1')).toMatchObject({ name: 'لواء الباقر', type: 'actor' });
    await target.exchange.exportAnnotations({}, 'jsonld', false);
    expect(target.saved[0]!.text).toBe(first);
  });

  it('reports duplicates, keeps a newer local edit, and updates an older one', async () => {
    await source.exchange.exportAnnotations({}, 'jsonld', false);
    const file = source.saved[0]!.text;
    const again = await source.exchange.importAnnotations(file);
    expect(again.ok && again.report.counts).toMatchObject({ duplicate: 2, imported: 0 });
    await source.db.annotations.update('a1', { 'body.note': 'edited later', modified: Date.UTC(2026, 9, 9) });
    await source.db.annotations.update('a2', {
      'body.note': 'edited earlier',
      modified: Date.UTC(2026, 8, 9),
    });
    const third = await source.exchange.importAnnotations(file);
    expect(third.ok && third.report.items.map((i) => [i.id, i.outcome])).toEqual([
      ['a1', 'kept-local'],
      ['a2', 'updated'],
    ]);
    expect((await source.db.annotations.get('a1'))?.body.note).toBe('edited later');
    expect((await source.db.annotations.get('a2'))?.body.note).toBe('=HYPERLINK("x")');
  });

  it('leaves the database as it was when a file is refused', async () => {
    await source.exchange.exportAnnotations({}, 'jsonld', false);
    const before = await source.db.annotations.toArray();
    for (const bad of [source.saved[0]!.text.slice(0, 300), '{"hello":1}', '[1,2]']) {
      const result = await source.exchange.importAnnotations(bad);
      expect(result.ok).toBe(false);
    }
    expect(await source.db.annotations.toArray()).toEqual(before);
    expect(source.changes()).toBe(0);
  });

  it('exports one page, as CSV and Markdown too', async () => {
    await source.exchange.exportAnnotations({ page: 'https://enabbaladi.net/a' }, 'csv', false);
    await source.exchange.exportAnnotations({ page: 'https://enabbaladi.net/a' }, 'markdown', false);
    const [csv, markdown] = source.saved;
    expect(csv).toMatchObject({ name: 'rasid-page-2026-11-23.csv', type: 'text/csv;charset=utf-8' });
    expect(csv!.text.startsWith('\uFEFF')).toBe(true);
    expect(csv!.text).toContain("'=HYPERLINK");
    expect(markdown!.text).toContain('ملاحظة');
  });
});
