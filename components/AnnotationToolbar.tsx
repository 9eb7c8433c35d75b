import { useState } from 'preact/hooks';
import { ANNOTATION_COLORS, type AnnotationColor } from '../lib/model/annotation.ts';
import type { LinkableEntity } from '../lib/reader-lexicon/linkable-entities.ts';
import type { DeletedProps, ToolbarProps } from '../lib/session/views.ts';

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

/** The toolbar for a selection or an annotation: colours, note, tags. Notes are plain text, shown as written. */
export function AnnotationToolbar({
  i18n: { t, dir, lang },
  mode,
  initial,
  error,
  notice,
  entities = [],
  onSave,
  onDelete,
  onAddSpelling,
  onClose,
}: ToolbarProps) {
  const label = (e: LinkableEntity) => (e.en ? `${e.ar} — ${e.en}` : e.ar);
  const [expanded, setExpanded] = useState(mode === 'edit');
  const [color, setColor] = useState<AnnotationColor>(initial?.color ?? 'yellow');
  const [note, setNote] = useState(initial?.note ?? '');
  const [tags, setTags] = useState((initial?.tags ?? []).join('، '));
  const [link, setLink] = useState(() => {
    const linked = entities.find((e) => e.id === initial?.entity);
    return linked ? label(linked) : '';
  });
  const [newType, setNewType] = useState<'actor' | 'place'>('actor');
  const entity = entities.find((e) => label(e) === link.trim())?.id;
  const newEntity = link.trim() && !entity ? { name: link.trim(), type: newType } : undefined;
  const save = (c = color) =>
    onSave({ color: c, note: note.trim(), tags: parseTags(tags), entity, newEntity });
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
            aria-label={t('highlightIn', { color: t(c) })}
            aria-pressed={c === color}
            onClick={() => (expanded ? setColor(c) : save(c))}
          />
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
          {!!entities.length && (
            <label>
              {t('linkEntity')}
              <input
                name="entity"
                data-testid="entity"
                dir="auto"
                list="rasid-entities"
                value={link}
                onInput={(e) => setLink(e.currentTarget.value)}
              />
              <datalist id="rasid-entities">
                {entities.map((e) => (
                  <option key={e.id} value={label(e)} />
                ))}
              </datalist>
            </label>
          )}
          {newEntity && (
            <fieldset class="new-entity">
              <legend>{t('newEntity')}</legend>
              {(['actor', 'place'] as const).map((type) => (
                <label key={type} class="inline">
                  <input
                    type="radio"
                    name="new-type"
                    value={type}
                    data-testid={`new-${type}`}
                    checked={newType === type}
                    onChange={() => setNewType(type)}
                  />
                  {t(type)}
                </label>
              ))}
            </fieldset>
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
            {onAddSpelling && entity && (
              <button
                type="button"
                class="add-spelling"
                data-testid="add-spelling"
                onClick={() => onAddSpelling(entity)}
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

export const TOOLBAR_CSS = `
:host { all: initial; }
.toolbar { position: fixed; z-index: 2147483647; box-sizing: border-box; min-width: 12rem; max-width: 22rem;
  font: 14px/1.5 'DejaVu Sans', 'Noto Naskh Arabic', system-ui, sans-serif; color: #1b1b1b; background: #fff;
  border: 1px solid #c8c8c8; border-radius: 8px; box-shadow: 0 6px 24px rgb(0 0 0 / 0.18); padding: 0.4rem 0.5rem; }
.toolbar:focus { outline: 2px solid #0f5c63; outline-offset: 2px; }
.row { display: flex; align-items: center; gap: 0.35rem; flex-wrap: wrap; }
button { font: inherit; font-size: 0.85rem; padding: 0.2rem 0.6rem; border-radius: 4px; border: 1px solid #999;
  background: #f4f4f4; color: inherit; cursor: pointer; }
button:focus-visible, textarea:focus-visible, input:focus-visible { outline: 2px solid #0f5c63; outline-offset: 1px; }
.swatch { width: 1.4rem; height: 1.4rem; padding: 0; border-radius: 50%; border: 2px solid #fff; box-shadow: 0 0 0 1px #888; }
.swatch[aria-pressed='true'] { box-shadow: 0 0 0 2px #0f5c63; }
.swatch--yellow { background: rgb(255 235 59); } .swatch--green { background: rgb(118 255 3); }
.swatch--blue { background: rgb(64 196 255); } .swatch--pink { background: rgb(255 128 171); }
.close { margin-inline-start: auto; border: 0; background: none; font-size: 1.2rem; line-height: 1; padding: 0 0.25rem; }
form { display: grid; gap: 0.4rem; margin-top: 0.4rem; }
label { display: grid; gap: 0.15rem; font-size: 0.85rem; color: #444; }
fieldset { border: 1px solid #ccc; border-radius: 4px; margin: 0; padding: 0.2rem 0.4rem; font-size: 0.85rem; }
label.inline { display: inline-flex; align-items: center; gap: 0.25rem; margin-inline-end: 0.6rem; }
textarea, input { font: inherit; color: inherit; background: #fff; border: 1px solid #aaa; border-radius: 4px; padding: 0.25rem; }
[role='alert'] { color: #b00020; margin: 0.3rem 0 0; font-size: 0.85rem; }
.notice { color: #8a4b00; margin: 0.3rem 0 0; font-size: 0.85rem; }
@media (prefers-color-scheme: dark) {
  .toolbar { color: #eee; background: #222; border-color: #555; }
  button, textarea, input { background: #333; border-color: #777; color: #eee; }
  label { color: #ccc; }
}
`;
