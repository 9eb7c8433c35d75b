// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../lib/i18n/i18n.ts';
import { AnnotationToolbar } from './AnnotationToolbar.tsx';
import { PageSummary } from './PageSummary.tsx';
import { DEFAULT_SETTINGS } from '../lib/model/settings.ts';

const en = createTranslator('en');
const written = Date.UTC(2026, 10, 3, 12);
const edited = Date.UTC(2026, 10, 20, 12);

function mount(node: preact.ComponentChild) {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}
afterEach(() => document.body.replaceChildren());

const dates = (root: HTMLElement) => root.querySelector('[data-testid=dates]')?.textContent ?? null;

describe('a note’s dates (issue 15)', () => {
  it('shows when an annotation being edited was written and last edited, in the toolbar', () => {
    const root = mount(
      <AnnotationToolbar
        i18n={en}
        mode="edit"
        dates={{ created: written, modified: edited }}
        searchEntities={async () => []}
        onSave={() => undefined}
        onClose={() => undefined}
      />,
    );
    expect(dates(root)).toBe(`Written ${en.formatDate(written)} · edited ${en.formatDate(edited)}`);
  });

  it('says only when it was written when it was not edited since (a colour, then the note, is one writing)', () => {
    const root = mount(
      <AnnotationToolbar
        i18n={createTranslator('ar')}
        mode="edit"
        dates={{ created: written, modified: written + 30_000 }}
        searchEntities={async () => []}
        onSave={() => undefined}
        onClose={() => undefined}
      />,
    );
    expect(dates(root)).toBe(`كُتب ${createTranslator('ar').formatDate(written)}`);
  });

  it('shows no dates for a new selection', () => {
    const root = mount(
      <AnnotationToolbar
        i18n={en}
        mode="new"
        searchEntities={async () => []}
        onSave={() => undefined}
        onClose={() => undefined}
      />,
    );
    expect(dates(root)).toBeNull();
  });

  it('shows them for each annotation of the panel’s list', () => {
    const url = 'http://127.0.0.1/a';
    const root = mount(
      <PageSummary
        i18n={en}
        state={{
          kind: 'page',
          page: null,
          settings: { ...DEFAULT_SETTINGS, siteEnabled: true },
          reader: {
            url,
            canonical: null,
            enabled: true,
            article: null,
            timings: null,
            entities: [],
            annotations: [
              {
                orphan: false,
                row: {
                  id: 'a1',
                  page: url,
                  target: {
                    source: url,
                    selector: { quote: { exact: 'قسد' }, position: { start: 0, end: 3 } },
                  },
                  body: { note: 'ملاحظة', tags: [], color: 'green' },
                  created: written,
                  modified: edited,
                },
              },
            ],
          },
        }}
      />,
    );
    expect(root.querySelector('[data-annotation=a1] [data-testid=dates]')?.textContent).toBe(
      `Written ${en.formatDate(written)} · edited ${en.formatDate(edited)}`,
    );
  });
});
