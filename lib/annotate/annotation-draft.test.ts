import { describe, expect, it } from 'vitest';
import type { AnnotationRow } from '../model/annotation.ts';
import { bodyOf, editDraft, newDraft, shareDraft } from './annotation-draft.ts';

const selector = {
  quote: { exact: 'جنوب سوريا', prefix: 'إلى ', suffix: '.' },
  position: { start: 40, end: 50 },
};
const row: AnnotationRow = {
  id: 'a-1',
  page: 'example.org/news/1',
  target: { source: 'https://example.org/news/1', selector },
  body: { note: 'قديم', tags: [], color: 'yellow' },
  created: 100,
  modified: 200,
};

describe('annotation drafts', () => {
  it('a new one is the selectors and the chosen body: no id, page or dates, which the background owns', () => {
    const draft = newDraft(selector, { color: 'green', note: 'ملاحظة', tags: ['روسيا'], entity: 'russia' });
    expect(draft).toEqual({
      selector,
      body: { note: 'ملاحظة', tags: ['روسيا'], color: 'green', entity: 'russia' },
    });
  });

  it('an edit keeps the id and selectors and names the version it started from', () => {
    const draft = editDraft(row, { color: 'blue', note: 'جديد', tags: [] });
    expect(draft).toEqual({
      id: 'a-1',
      selector,
      body: { note: 'جديد', tags: [], color: 'blue' },
      base: 200,
    });
  });

  it('a body has no entity link when none was chosen, and never the name of an entity still to make', () => {
    const body = bodyOf({ color: 'pink', note: '', tags: [], newEntity: { name: 'شيخ', type: 'actor' } });
    expect(body).toEqual({ note: '', tags: [], color: 'pink' });
    expect('entity' in body).toBe(false);
  });

  it('carries the toolbar’s share switch only when the reader chose (issue #17)', () => {
    expect(newDraft(selector, { color: 'green', note: '', tags: [], shared: false })).toMatchObject({
      shared: false,
    });
    expect(editDraft(row, { color: 'blue', note: '', tags: [], shared: true })).toMatchObject({
      shared: true,
    });
    expect(editDraft(row, { color: 'blue', note: '', tags: [] })).not.toHaveProperty('shared');
  });

  it('a share draft changes only the sharing: the stored body, from the stored version', () => {
    expect(shareDraft({ ...row, shared: true }, false)).toEqual({
      id: 'a-1',
      selector,
      body: row.body,
      base: 200,
      shared: false,
    });
  });
});
