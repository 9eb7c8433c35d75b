import { useRef, useState } from 'preact/hooks';
import { DESIGN_CSS } from '../lib/design/tokens.ts';
import { SWATCH_CSS } from '../lib/design/highlight-styles.ts';
import { ANNOTATION_COLORS, type AnnotationColor } from '../lib/model/annotation.ts';
import type { LinkableEntity } from '../lib/reader-lexicon/linkable-entities.ts';
import type { DeletedProps, ToolbarProps } from '../lib/session/views.ts';
import { NoteDates } from './NoteDates.tsx';

export type { AnnotationValues } from '../lib/annotate/annotation-draft.ts';
export type { LinkableEntity } from '../lib/reader-lexicon/linkable-entities.ts';

/** Tags as the reader types them: separated by commas, Arabic `،` too (the notebook edits them the same way). */
export const parseTags = (s: string): string[] => [
  ...new Set(
    s
      .split(/[,،]/u)
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];

const NOTHING_FOUND = { query: '', entities: [] } as const;

/** The toolbar for a selection or an annotation: colours, note, tags. Notes are plain text, shown as written. */
export function AnnotationToolbar({
  i18n,
  mode,
  initial,
  dates,
  error,
  notice,
  linked: initiallyLinked,
  searchEntities,
  onSave,
  onDelete,
  onAddSpelling,
  onClose,
  colorNames = {},
  team,
  teammates = false,
  onShare,
}: ToolbarProps) {
  const { t, dir, lang } = i18n;
  // Colours are named for what they mean to the reader ("evidence", "question"), renamed in the panel.
  const colorName = (c: AnnotationColor) => colorNames[c]?.trim() || t(`colorName-${c}`);
  const label = (e: LinkableEntity) => (e.en ? `${e.ar} — ${e.en}` : e.ar);
  const [expanded, setExpanded] = useState(mode === 'edit');
  const [color, setColor] = useState<AnnotationColor>(initial?.color ?? 'yellow');
  const [note, setNote] = useState(initial?.note ?? '');
  const [tags, setTags] = useState((initial?.tags ?? []).join('، '));
  // The link is always shown (and can be removed) before anything saves it: issue 15 §3.
  const [linked, setLinked] = useState<LinkableEntity | null>(initiallyLinked ?? null);
  const [newEntity, setNewEntity] = useState<{ name: string; type: 'actor' | 'place' } | null>(null);
  const [query, setQuery] = useState('');
  // The choices, and the query they answer: while the answer to the latest keystroke is on its way, the
  // list still shows the one before, marked busy (`aria-busy`), so neither a screen reader nor a test
  // takes it for the answer.
  const [found, setFound] = useState<{ query: string; entities: readonly LinkableEntity[] }>(NOTHING_FOUND);
  const latest = useRef('');
  // The share switch (issue #17): the annotation's own choice, else the team's default. A selection's
  // switch goes with its first save; a stored annotation's is saved at once (`onShare`).
  const [shared, setShared] = useState<boolean | undefined>(initial?.shared);
  const sharing = shared ?? team?.shareByDefault ?? false;
  const search = (text: string) => {
    setQuery(text);
    latest.current = text;
    if (!text.trim()) return setFound(NOTHING_FOUND);
    void searchEntities(text).then((entities) => {
      if (latest.current === text) setFound({ query: text, entities });
    });
  };
  const choose = (entity: LinkableEntity | null, made: typeof newEntity = null) => {
    setLinked(entity);
    setNewEntity(made);
    setQuery('');
    latest.current = '';
    setFound(NOTHING_FOUND);
  };
  const save = (c = color) =>
    onSave({
      color: c,
      note: note.trim(),
      tags: parseTags(tags),
      entity: linked?.id,
      newEntity: newEntity ?? undefined,
      // Only what the reader chose: left alone, the team's default applies.
      ...(team && shared !== undefined ? { shared } : {}),
    });
  const name = query.replace(/\s+/gu, ' ').trim();
  return (
    <section
      class="toolbar"
      role="dialog"
      aria-label={t('annotate')}
      dir={dir}
      lang={lang}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save();
      }}
    >
      <div class="row">
        {ANNOTATION_COLORS.map((c) => (
          <button
            type="button"
            class={`swatch swatch--${c}`}
            data-color={c}
            data-testid={`color-${c}`}
            aria-label={t('highlightAs', { name: colorName(c), color: t(c) })}
            aria-pressed={c === color}
            onClick={() => (expanded ? setColor(c) : save(c))}
          >
            {colorName(c)}
          </button>
        ))}
        {!expanded && (
          <button type="button" class="add-note" data-testid="add-note" onClick={() => setExpanded(true)}>
            {t('addNote')}
          </button>
        )}
        <button type="button" class="close" data-testid="close" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </div>
      {(linked || newEntity) && (
        <p class="row link" data-testid="link">
          <span>
            {linked
              ? t('linkShown', { name: label(linked) })
              : t(newEntity!.type === 'actor' ? 'willMakeActor' : 'willMakePlace', { name: newEntity!.name })}
          </span>
          <button
            type="button"
            class="unlink"
            data-testid="unlink"
            aria-label={t('unlink')}
            onClick={() => choose(null)}
          >
            ×
          </button>
        </p>
      )}
      {team && !teammates && (
        <label class="row share" data-testid="share-row">
          <input
            type="checkbox"
            name="shared"
            data-testid="share"
            checked={sharing}
            onChange={(e) => {
              const next = e.currentTarget.checked;
              setShared(next);
              onShare?.(next);
            }}
          />
          {t('shareWithTeam')}
        </label>
      )}
      {dates && <NoteDates i18n={i18n} dates={dates} />}
      {expanded && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <label>
            {t('note')}
            <textarea
              name="note"
              data-testid="note"
              dir="auto"
              rows={3}
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
          </label>
          <label>
            {t('tags')}
            <input
              name="tags"
              data-testid="tags"
              dir="auto"
              value={tags}
              onInput={(e) => setTags(e.currentTarget.value)}
            />
          </label>
          <label>
            {t('linkEntity')}
            <input
              name="entity"
              data-testid="entity"
              dir="auto"
              autocomplete="off"
              placeholder={t('linkSearch')}
              value={query}
              onInput={(e) => search(e.currentTarget.value)}
            />
          </label>
          {name && (
            <ul
              class="choices"
              data-testid="choices"
              aria-label={t('linkChoices')}
              aria-busy={found.query !== query}
            >
              {found.entities.map((e) => (
                <li key={e.id}>
                  <button
                    type="button"
                    data-testid="entity-choice"
                    data-entity={e.id}
                    onClick={() => choose(e)}
                  >
                    {label(e)}
                  </button>
                </li>
              ))}
              {(['actor', 'place'] as const).map((type) => (
                <li key={type}>
                  <button
                    type="button"
                    class="new"
                    data-testid={`new-${type}`}
                    onClick={() => choose(null, { name, type })}
                  >
                    {t(type === 'actor' ? 'newActorNamed' : 'newPlaceNamed', { name })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div class="row">
            <button type="submit" class="save" data-testid="save">
              {t('save')}
            </button>
            {onDelete && (
              <button type="button" class="delete" data-testid="delete" onClick={onDelete}>
                {t('delete')}
              </button>
            )}
            {onAddSpelling && linked && (
              <button
                type="button"
                class="add-spelling"
                data-testid="add-spelling"
                onClick={() => onAddSpelling(linked.id)}
              >
                {t('addSpelling')}
              </button>
            )}
          </div>
        </form>
      )}
      {notice && (
        <p role="status" class="notice">
          {notice}
        </p>
      )}
      {error && <p role="alert">{t('saveFailed', { message: error })}</p>}
    </section>
  );
}

/** After a deletion from the page: undo it (the panel offers the same). */
export function DeletedNotice({ i18n: { t, dir, lang }, onUndo, onClose }: DeletedProps) {
  return (
    <section class="toolbar" dir={dir} lang={lang} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <p role="status" class="row">
        {t('deleted')}
        <button type="button" class="undo" data-testid="undo" onClick={onUndo}>
          {t('undo')}
        </button>
      </p>
    </section>
  );
}

/** The toolbar's styles: the shared scale and palette (`DESIGN_CSS`), the colours' swatches as the page paints them. */
export const TOOLBAR_CSS = `
:host { all: initial; }
${DESIGN_CSS}
${SWATCH_CSS}
.toolbar { position: fixed; z-index: 2147483647; box-sizing: border-box; min-width: 12rem; max-width: 24rem;
  font-family: var(--rasid-font-latin); font-size: var(--rasid-size-ui); line-height: var(--rasid-line-ui);
  color: var(--rasid-text); background: var(--rasid-bg);
  border: 1px solid var(--rasid-line); border-radius: 8px; box-shadow: 0 6px 24px rgb(0 0 0 / 0.18); padding: 0.4rem 0.5rem; }
.toolbar:lang(ar) { font-family: var(--rasid-font-ar); }
.toolbar:focus { outline: 2px solid var(--rasid-focus); outline-offset: 2px; }
.row { display: flex; align-items: center; gap: 0.35rem; flex-wrap: wrap; }
button { font: inherit; font-size: var(--rasid-size-small); padding: 0.2rem 0.6rem; border-radius: var(--rasid-radius);
  border: 1px solid var(--rasid-line); background: var(--rasid-surface); color: inherit; cursor: pointer; }
button:focus-visible, textarea:focus-visible, input:focus-visible { outline: 2px solid var(--rasid-focus); outline-offset: 1px; }
.swatch { display: inline-flex; align-items: center; gap: 0.3rem; padding: 0.15rem 0.5rem 0.15rem 0.3rem;
  border-radius: 999px; background: var(--swatch); color: var(--swatch-fg); border: 1px solid var(--rasid-line); }
.swatch::before { content: ''; inline-size: 0.7rem; block-size: 0.7rem; border-radius: 50%;
  background: var(--swatch-fg); opacity: 0.35; }
.swatch[aria-pressed='true'] { box-shadow: 0 0 0 2px var(--rasid-focus); }
.swatch[aria-pressed='true']::before { opacity: 1; }
.close { margin-inline-start: auto; border: 0; background: none; font-size: 20px; line-height: 1; padding: 0 0.25rem; }
form { display: grid; gap: 0.4rem; margin-top: 0.4rem; }
label { display: grid; gap: 0.15rem; font-size: var(--rasid-size-small); color: var(--rasid-muted); }
fieldset { border: 1px solid var(--rasid-line); border-radius: 4px; margin: 0; padding: 0.2rem 0.4rem; font-size: var(--rasid-size-small); }
label.inline { display: inline-flex; align-items: center; gap: 0.25rem; margin-inline-end: 0.6rem; }
label.share { display: flex; gap: 0.35rem; margin: 0.3rem 0 0; color: var(--rasid-text); cursor: pointer; }
label.share input { margin: 0; accent-color: var(--rasid-focus); }
.link { margin: 0.3rem 0 0; font-size: var(--rasid-size-small); flex-wrap: nowrap; }
.link span { overflow-wrap: anywhere; }
.link span:lang(ar) { font-family: var(--rasid-font-ar); font-size: var(--rasid-size-ui); }
.unlink { border: 0; background: none; font-size: 18px; line-height: 1; padding: 0 0.25rem; }
.choices { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.15rem; max-height: 12rem; overflow-y: auto; }
.choices button { width: 100%; text-align: start; background: none; border-color: transparent; }
.choices button:hover { background: var(--rasid-surface); }
.choices .new { color: var(--rasid-focus); }
textarea, input { font: inherit; font-size: var(--rasid-size-ui); color: var(--rasid-text); background: var(--rasid-bg);
  border: 1px solid var(--rasid-line); border-radius: 4px; padding: 0.25rem; }
textarea:lang(ar), textarea[dir='auto'] { font-family: var(--rasid-font-ar); line-height: var(--rasid-line-ar); }
[role='alert'] { color: var(--rasid-danger); margin: 0.3rem 0 0; font-size: var(--rasid-size-small); }
.dates { margin: 0.3rem 0 0; font-size: var(--rasid-size-small); color: var(--rasid-muted); }
.notice { color: var(--rasid-badge-new-fg); margin: 0.3rem 0 0; font-size: var(--rasid-size-small); }
`;
