// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { flush } from '../tests/support/flush.ts';
import { createTranslator } from '../lib/i18n/i18n.ts';
import { AnnotationToolbar, DeletedNotice, type AnnotationValues } from './AnnotationToolbar.tsx';

function show(mode: 'new' | 'edit', saved: AnnotationValues[], extra: Record<string, unknown> = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <AnnotationToolbar
      i18n={createTranslator('ar')}
      mode={mode}
      onSave={(v) => saved.push(v)}
      onClose={() => undefined}
      {...extra}
    />,
    root,
  );
  return root;
}
afterEach(() => document.body.replaceChildren());

describe('AnnotationToolbar', () => {
  it('saves at once when a colour is chosen for a selection', () => {
    const saved: AnnotationValues[] = [];
    const root = show('new', saved);
    (root.querySelector('button[data-color=blue]') as HTMLButtonElement).click();
    expect(saved).toEqual([{ color: 'blue', note: '', tags: [] }]);
  });

  it('opens a note and tags form; tags split on Latin and Arabic commas', async () => {
    const saved: AnnotationValues[] = [];
    const root = show('new', saved);
    (root.querySelector('button.add-note') as HTMLButtonElement).click();
    await flush();
    const note = root.querySelector('textarea')!;
    note.value = '  ملاحظة مهمة ';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    const tags = root.querySelector('input[name=tags]') as HTMLInputElement;
    tags.value = 'روسيا، أمريكا, روسيا';
    tags.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    (root.querySelector('button.save') as HTMLButtonElement).click();
    expect(saved).toEqual([{ color: 'yellow', note: 'ملاحظة مهمة', tags: ['روسيا', 'أمريكا'] }]);
  });

  it('edits an annotation with its values, and offers to delete it', () => {
    let deleted = false;
    const root = show('edit', [], {
      initial: { color: 'pink', note: 'قديم', tags: ['أ'] },
      onDelete: () => (deleted = true),
    });
    expect(root.querySelector('textarea')?.value).toBe('قديم');
    expect(root.querySelector('button[data-color=pink]')?.getAttribute('aria-pressed')).toBe('true');
    (root.querySelector('button.delete') as HTMLButtonElement).click();
    expect(deleted).toBe(true);
  });

  it('shows the reader’s own names for the colours, the catalog’s where unnamed', () => {
    const root = document.createElement('div');
    document.body.append(root);
    render(
      <AnnotationToolbar
        i18n={createTranslator('en')}
        mode="new"
        colorNames={{ yellow: 'Claim', blue: '  ' }}
        onSave={() => undefined}
        onClose={() => undefined}
      />,
      root,
    );
    const names = [...root.querySelectorAll('button[data-color]')].map((b) => b.textContent);
    expect(names).toEqual(['Claim', 'Evidence', 'Question', 'To check']);
    expect(root.querySelector('button[data-color=yellow]')?.getAttribute('aria-label')).toBe(
      'Highlight as “Claim” (yellow)',
    );
  });

  it('is right-to-left in Arabic, labels its colours, and writes notes in their own direction', () => {
    const root = show('edit', []);
    expect(root.querySelector('[role=dialog]')?.getAttribute('dir')).toBe('rtl');
    // Named for what it means (issue 15), with its colour said too.
    expect(root.querySelector('button[data-color=green]')?.getAttribute('aria-label')).toBe(
      'تظليل «دليل» (الأخضر)',
    );
    expect(root.querySelector('button[data-color=green]')?.textContent).toBe('دليل');
    expect(root.querySelector('textarea')?.getAttribute('dir')).toBe('auto');
  });

  it('links the annotation to an entity chosen by its names, and shows a suggested one', async () => {
    const entities = [
      { id: 'russia', ar: 'روسيا', en: 'Russia' },
      { id: 'sdf', ar: 'قوات سوريا الديمقراطية', en: 'Syrian Democratic Forces' },
    ];
    const saved: AnnotationValues[] = [];
    const root = show('edit', saved, {
      entities,
      initial: { color: 'yellow', note: '', tags: [], entity: 'russia' },
    });
    const input = root.querySelector('input[name=entity]') as HTMLInputElement;
    expect(input.value).toBe('روسيا — Russia');
    expect([...root.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'))).toEqual([
      'روسيا — Russia',
      'قوات سوريا الديمقراطية — Syrian Democratic Forces',
    ]);
    input.value = 'قوات سوريا الديمقراطية — Syrian Democratic Forces';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    (root.querySelector('button.save') as HTMLButtonElement).click();
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    (root.querySelector('button.save') as HTMLButtonElement).click();
    expect(saved.map((v) => v.entity)).toEqual(['sdf', undefined]);
  });

  it('offers to make an unknown name an actor or a place of the reader’s own', async () => {
    const saved: AnnotationValues[] = [];
    const root = show('edit', saved, { entities: [{ id: 'russia', ar: 'روسيا', en: 'Russia' }] });
    expect(root.querySelector('fieldset.new-entity')).toBeNull();
    const input = root.querySelector('input[name=entity]') as HTMLInputElement;
    input.value = 'لواء الباقر';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    expect(root.querySelector('fieldset.new-entity legend')?.textContent).toBe(
      'ليس في قائمة راصد: اجعله فاعلًا أو مكانًا من عندك',
    );
    (root.querySelector('input[value=place]') as HTMLInputElement).click();
    await flush();
    (root.querySelector('button.save') as HTMLButtonElement).click();
    expect(saved[0]).toMatchObject({ entity: undefined, newEntity: { name: 'لواء الباقر', type: 'place' } });
  });

  it('says why it shows a version the reader did not write', () => {
    const root = show('edit', [], { notice: 'عُدِّل في مكان آخر' });
    expect(root.querySelector('[role=status]')?.textContent).toBe('عُدِّل في مكان آخر');
    expect(root.querySelector('[role=alert]')).toBeNull();
  });

  it('says why a save failed', () => {
    const root = show('new', [], { error: 'QuotaExceededError' });
    expect(root.querySelector('[role=alert]')?.textContent).toBe(
      'تعذّر الحفظ (QuotaExceededError)؛ ستُعاد المحاولة…',
    );
  });
});

describe('DeletedNotice', () => {
  it('says the annotation was deleted and offers to undo', () => {
    let undone = false;
    const root = document.createElement('div');
    document.body.append(root);
    render(
      <DeletedNotice
        i18n={createTranslator('en')}
        onUndo={() => (undone = true)}
        onClose={() => undefined}
      />,
      root,
    );
    expect(root.querySelector('[role=status]')?.textContent).toBe('Annotation deleted.Undo');
    (root.querySelector('button.undo') as HTMLButtonElement).click();
    expect(undone).toBe(true);
  });
});
