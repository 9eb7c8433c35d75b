import type { AnnotationDraft, AnnotationRow } from '../model/annotation.ts';
import type { AnnotationColor } from '../model/annotation.ts';

/** What the reader chose in the annotation toolbar. */
export interface AnnotationValues {
  color: AnnotationColor;
  note: string;
  tags: string[];
  /** The lexicon entity the annotation is about, if the reader linked one. */
  entity?: string | undefined;
  /** A name the lexicon does not know, to become an entity of the reader's own. */
  newEntity?: { name: string; type: 'actor' | 'place' } | undefined;
  /**
   * The toolbar's share switch (issue #17), shown only to a member of a team: absent when the reader
   * left it at the team's default.
   */
  shared?: boolean | undefined;
}

/** The body stored for the values: a new entity must have been made (and linked) before. */
export const bodyOf = ({ note, tags, color, entity }: AnnotationValues): AnnotationRow['body'] => ({
  note,
  tags,
  color,
  ...(entity ? { entity } : {}),
});

/** A draft for a new annotation of a selection: the background gives it its id, page and dates. */
export const newDraft = (
  selector: AnnotationDraft['selector'],
  values: AnnotationValues,
): AnnotationDraft => ({
  selector,
  body: bodyOf(values),
  ...(values.shared === undefined ? {} : { shared: values.shared }),
});

/**
 * A draft for an edit of a stored annotation: its selectors kept, the new body, and the version it
 * started from (`base`), so that a save over a newer version elsewhere is refused, not lost (issue #12).
 */
export const editDraft = (row: AnnotationRow, values: AnnotationValues): AnnotationDraft => ({
  id: row.id,
  selector: row.target.selector,
  body: bodyOf(values),
  base: row.modified,
  ...(values.shared === undefined ? {} : { shared: values.shared }),
});

/**
 * A draft that only shares an annotation with the reader's team, or stops sharing it (the toolbar's
 * switch, issue #17): the stored body as it is, whatever the reader is typing meanwhile.
 */
export const shareDraft = (row: AnnotationRow, shared: boolean): AnnotationDraft => ({
  id: row.id,
  selector: row.target.selector,
  body: row.body,
  base: row.modified,
  shared,
});
