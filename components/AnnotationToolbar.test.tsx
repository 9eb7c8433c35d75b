// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { flush } from '../tests/support/flush.ts';
import { createTranslator } from '../lib/i18n/i18n.ts';
import { AnnotationToolbar, DeletedNotice, type AnnotationValues } from './AnnotationToolbar.tsx';

const RUSSIA = { id: 'russia', ar: 'روسيا', en: 'Russia' };

function show(mode: 'new' | 'edit', saved: AnnotationValues[], extra: Record<string, unknown> = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <AnnotationToolbar
      i18n={createTranslator('ar')}
      mode={mode}
      onSave={(v) => saved.push(v)}
      onClose={() => undefined}
      searchEntities={async (query: string) => (/رو?سي/u.test(query) ? [RUSSIA] : [])}
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
        searchEntities={async () => []}
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

  it('shows the link a colour would save, and saves none once the reader removes it', async () => {
    const saved: AnnotationValues[] = [];
    const root = show('new', saved, {
      linked: RUSSIA,
      initial: { color: 'yellow', note: '', tags: [], entity: 'russia' },
    });
    expect(root.querySelector('[data-testid=link]')?.textContent).toContain('مربوط بـروسيا — Russia');
    (root.querySelector('button[data-color=blue]') as HTMLButtonElement).click();
    (root.querySelector('button.unlink') as HTMLButtonElement).click();
    await flush();
    expect(root.querySelector('[data-testid=link]')).toBeNull();
    (root.querySelector('button[data-color=pink]') as HTMLButtonElement).click();
    expect(saved.map((v) => v.entity)).toEqual(['russia', undefined]);
  });

  it('finds entities as the reader types, existing ones before “new actor / new place”', async () => {
    const saved: AnnotationValues[] = [];
    const root = show('edit', saved);
    const input = root.querySelector('input[name=entity]') as HTMLInputElement;
    input.value = 'روسيا';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    expect([...root.querySelectorAll('.choices button')].map((b) => b.textContent)).toEqual([
      'روسيا — Russia',
      'فاعل جديد: «روسيا»',
      'مكان جديد: «روسيا»',
    ]);
    (root.querySelector('[data-testid=entity-choice]') as HTMLButtonElement).click();
    await flush();
    expect(root.querySelector('.choices')).toBeNull();
    (root.querySelector('button.save') as HTMLButtonElement).click();
    expect(saved.map((v) => v.entity)).toEqual(['russia']);
  });

  it('marks the choices busy while they answer an earlier keystroke, not the field’s text', async () => {
    const answers: Array<() => void> = [];
    const root = show('edit', [], {
      searchEntities: (query: string) =>
        new Promise((resolve) =>
          answers.push(() => resolve(query.length > 3 ? [RUSSIA] : [{ ...RUSSIA, id: 'r' }])),
        ),
    });
    const input = root.querySelector('input[name=entity]') as HTMLInputElement;
    const type = async (text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await flush();
    };
    const list = () => root.querySelector('.choices')!;
    await type('روس');
    expect(list().getAttribute('aria-busy')).toBe('true');
    answers.shift()!();
    await flush();
    expect(list().getAttribute('aria-busy')).toBe('false');
    await type('روسيا');
    expect(list().getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector<HTMLButtonElement>('[data-testid=entity-choice]')?.dataset['entity']).toBe('r');
    answers.shift()!();
    await flush();
    expect(list().getAttribute('aria-busy')).toBe('false');
    expect(root.querySelector<HTMLButtonElement>('[data-testid=entity-choice]')?.dataset['entity']).toBe(
      'russia',
    );
  });

  it('makes an unknown name an actor or a place of the reader’s own only when chosen', async () => {
    const saved: AnnotationValues[] = [];
    const root = show('edit', saved);
    const input = root.querySelector('input[name=entity]') as HTMLInputElement;
    input.value = 'لواء الباقر';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    (root.querySelector('button.save') as HTMLButtonElement).click();
    (root.querySelector('[data-testid=new-place]') as HTMLButtonElement).click();
    await flush();
    expect(root.querySelector('[data-testid=link]')?.textContent).toContain(
      'سيصير «لواء الباقر» مكانًا من عندك',
    );
    (root.querySelector('button.save') as HTMLButtonElement).click();
    expect(saved[0]).toMatchObject({ entity: undefined, newEntity: undefined });
    expect(saved[1]).toMatchObject({ entity: undefined, newEntity: { name: 'لواء الباقر', type: 'place' } });
  });

  it('offers to add the selection as a spelling only with a linked entity and when the session allows it', async () => {
    const added: string[] = [];
    const root = show('edit', [], { linked: RUSSIA, onAddSpelling: (id: string) => added.push(id) });
    (root.querySelector('button.add-spelling') as HTMLButtonElement).click();
    expect(added).toEqual(['russia']);
    const without = show('edit', [], { linked: RUSSIA });
    expect(without.querySelector('button.add-spelling')).toBeNull();
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

describe('AnnotationToolbar’s share switch (issue #17)', () => {
  const share = (root: HTMLElement) => root.querySelector<HTMLInputElement>('input[data-testid=share]');

  it('is not shown out of a team', () => {
    expect(share(show('new', []))).toBeNull();
  });

  it('starts at the team’s default, and a selection’s choice goes with its first save', async () => {
    const saved: AnnotationValues[] = [];
    const root = show('new', saved, { team: { shareByDefault: true } });
    const box = share(root)!;
    expect(box.checked).toBe(true);
    // Labelled, in the reader's language: its label is the catalog's, Arabic first.
    expect(box.closest('label')?.textContent).toBe('شارك مع فريقي');
    (root.querySelector('button[data-color=green]') as HTMLButtonElement).click();
    // Left alone, nothing is said: the team's default applies.
    expect(saved[0]).not.toHaveProperty('shared');
    box.click();
    await flush();
    expect(box.checked).toBe(false);
    (root.querySelector('button[data-color=blue]') as HTMLButtonElement).click();
    expect(saved[1]).toMatchObject({ color: 'blue', shared: false });
  });

  it('shows an annotation’s own choice over the default, and shares or unshares it at once', async () => {
    const toggled: boolean[] = [];
    const root = show('edit', [], {
      team: { shareByDefault: true },
      initial: { color: 'pink', note: 'قديم', tags: [], shared: false },
      onShare: (s: boolean) => toggled.push(s),
    });
    const box = share(root)!;
    expect(box.checked).toBe(false);
    box.click();
    await flush();
    box.click();
    await flush();
    expect(toggled).toEqual([true, false]);
  });

  it('is not offered on a teammate’s annotation', () => {
    const root = show('edit', [], { team: { shareByDefault: true }, teammates: true });
    expect(share(root)).toBeNull();
  });
});
