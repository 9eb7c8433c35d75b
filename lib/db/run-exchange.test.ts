import { beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationRow } from '../model/annotation.ts';
import { freshDb } from '../../tests/support/fresh-db.ts';
import { bundledLexicon } from '../lexicon/bundled-lexicon.ts';
import { ENGLISH_MARKDOWN_LABELS } from '../exchange/markdown.ts';
import { createExchange } from './run-exchange.ts';
import { importInChunks } from '../exchange/import-in-chunks.ts';
import type { ExportFormat, ExportScope, FileToSave } from '../model/exchange.ts';

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

/** An exchange on a fresh database, with the files it builds kept for the test. */
function profile() {
  const db = freshDb('exchange');
  const saved: FileToSave[] = [];
  const exchange = createExchange({
    db,
    version: '0.1.0',
    now: () => Date.UTC(2026, 10, 23),
    lexicon: async () => bundledLexicon.entities,
  });
  const steps: [number, number][] = [];
  return {
    db,
    saved,
    steps,
    async exportAnnotations(scope: ExportScope, format: ExportFormat, mentions: boolean) {
      const file = await exchange.exportFile(scope, format, mentions, ENGLISH_MARKDOWN_LABELS);
      saved.push(file);
      return file.name;
    },
    /** As a page imports: the file checked whole, then written chunk by chunk. */
    importAnnotations: (text: string, chunkItems?: number) =>
      importInChunks(text, {
        now: Date.UTC(2026, 10, 23),
        chunkItems,
        write: (items, entities) => exchange.importChunk(items, entities),
        progress: (done, total) => void steps.push([done, total]),
      }),
  };
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
    const name = await source.exportAnnotations({}, 'jsonld', false);
    expect(name).toBe('rasid-all-2026-11-23.jsonld');
    const first = source.saved[0]!.text;
    const target = profile();
    // One annotation a chunk: the report and the database are the same as in one go.
    const result = await target.importAnnotations(first, 1);
    expect(result.ok && result.value.counts).toMatchObject({ imported: 2, rejected: 0 });
    expect(target.steps).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
    // The reader's own entity the annotation links to is recreated with its name.
    expect(await target.db.entities.get('reader-1')).toMatchObject({ name: 'لواء الباقر', type: 'actor' });
    await target.exportAnnotations({}, 'jsonld', false);
    expect(target.saved[0]!.text).toBe(first);
  });

  it('reports duplicates, keeps a newer local edit, and updates an older one', async () => {
    await source.exportAnnotations({}, 'jsonld', false);
    const file = source.saved[0]!.text;
    const again = await source.importAnnotations(file);
    expect(again.ok && again.value.counts).toMatchObject({ duplicate: 2, imported: 0 });
    await source.db.annotations.update('a1', { 'body.note': 'edited later', modified: Date.UTC(2026, 9, 9) });
    await source.db.annotations.update('a2', {
      'body.note': 'edited earlier',
      modified: Date.UTC(2026, 8, 9),
    });
    const third = await source.importAnnotations(file);
    expect(third.ok && third.value.items.map((i) => [i.id, i.outcome])).toEqual([
      ['a1', 'kept-local'],
      ['a2', 'updated'],
    ]);
    expect((await source.db.annotations.get('a1'))?.body.note).toBe('edited later');
    expect((await source.db.annotations.get('a2'))?.body.note).toBe('=HYPERLINK("x")');
  });

  it('leaves the database as it was when a file is refused', async () => {
    await source.exportAnnotations({}, 'jsonld', false);
    const before = await source.db.annotations.toArray();
    for (const bad of [source.saved[0]!.text.slice(0, 300), '{"hello":1}', '[1,2]']) {
      const result = await source.importAnnotations(bad);
      expect(result.ok).toBe(false);
    }
    expect(await source.db.annotations.toArray()).toEqual(before);
  });

  it('exports one page, as CSV and Markdown too', async () => {
    await source.exportAnnotations({ page: 'https://enabbaladi.net/a' }, 'csv', false);
    await source.exportAnnotations({ page: 'https://enabbaladi.net/a' }, 'markdown', false);
    const [csv, markdown] = source.saved;
    expect(csv).toMatchObject({
      name: 'rasid-enabbaladi.net-2026-11-23.csv',
      type: 'text/csv;charset=utf-8',
    });
    expect(csv!.text.startsWith('\uFEFF')).toBe(true);
    expect(csv!.text).toContain("'=HYPERLINK");
    expect(markdown!.text).toContain('ملاحظة');
  });
});

describe('imports that must not win (issue #12)', () => {
  it('never lets a future date beat later local edits, on any re-import', async () => {
    await source.exportAnnotations({}, 'jsonld', false);
    const future = source.saved[0]!.text.replaceAll('2026-10-02T00:00:00.000Z', '2099-01-01T00:00:00.000Z');
    expect(future).toContain('2099-01-01');
    const target = profile();
    const first = await target.importAnnotations(future);
    expect(first.ok && first.value.counts.imported).toBe(2);
    // Imported as now, not 2099.
    expect((await target.db.annotations.get('a1'))?.modified).toBe(Date.UTC(2026, 10, 23));
    await target.db.annotations.update('a1', {
      'body.note': 'edited here',
      modified: Date.UTC(2026, 10, 23) + 1,
    });
    for (let i = 0; i < 2; i++) {
      const again = await target.importAnnotations(future);
      expect(again.ok && again.value.items.find((x) => x.id === 'a1')?.outcome).toBe('kept-local');
    }
    expect((await target.db.annotations.get('a1'))?.body.note).toBe('edited here');
  });

  it('does not let an id that belongs to another page replace that page’s annotation', async () => {
    await source.exportAnnotations({}, 'jsonld', false);
    const file = source.saved[0]!.text;
    const target = profile();
    const other = { ...(await source.db.annotations.get('a1'))!, page: 'https://other.example/x' };
    await target.db.annotations.add(other);
    const result = await target.importAnnotations(file);
    expect(result.ok && result.value.items.find((x) => x.id === 'a1')?.outcome).toBe('conflict');
    expect(await target.db.annotations.get('a1')).toEqual(other);
  });
});
