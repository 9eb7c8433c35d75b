/**
 * Hypothesis's own export formats (issue 15), turned into the W3C Web Annotations that
 * `parseWebAnnotation` reads, so that one reader checks every file. Hypothesis writes its annotations
 * as its API returns them (https://h.readthedocs.io/en/latest/api-reference/v1/#tag/annotations):
 * `{ "total": n, "rows": [...] }` from a search, `{ "annotations": [...] }` from the client's export,
 * or a plain list. Each has `uri`, `text` (the note, Markdown), `tags`, `created`, `updated` and
 * `target: [{ source, selector: [...] }]` whose selectors are already W3C's (RangeSelector,
 * TextPositionSelector, TextQuoteSelector).
 */

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One annotation as Hypothesis's API writes it: no W3C `type`, an address, a list of targets. */
export const isHypothesisAnnotation = (value: unknown): value is Json =>
  isRecord(value) &&
  value['type'] === undefined &&
  typeof value['uri'] === 'string' &&
  Array.isArray(value['target']);

/**
 * The file's annotations as W3C annotations when it is one of Hypothesis's formats, else null. Items of
 * the list that are not Hypothesis annotations are passed on as they are, to be rejected one by one.
 */
export function hypothesisAnnotations(root: unknown): unknown[] | null {
  const list = Array.isArray(root)
    ? root
    : isRecord(root) && Array.isArray(root['rows'])
      ? root['rows']
      : isRecord(root) && Array.isArray(root['annotations'])
        ? root['annotations']
        : null;
  if (!list?.some(isHypothesisAnnotation)) return null;
  return list.map((item) => (isHypothesisAnnotation(item) ? fromHypothesis(item) : item));
}

/** Hypothesis's annotation page, the id its own W3C export gives: the same annotation, the same row. */
export const HYPOTHESIS_ANNOTATION_URL = 'https://hypothes.is/a/';

function fromHypothesis(h: Json): Json {
  const id = h['id'];
  const tags = h['tags'];
  const annotation: Json = {
    type: 'Annotation',
    // A value that is no id is passed on, to be rejected as a bad `id`; none gives a hash of the content.
    id: typeof id === 'string' && id ? `${HYPOTHESIS_ANNOTATION_URL}${encodeURIComponent(id)}` : id,
    created: h['created'],
    modified: h['updated'],
    body: (Array.isArray(tags) ? tags : tags === undefined || tags === null ? [] : [tags]).map((value) => ({
      type: 'TextualBody',
      purpose: 'tagging',
      value,
    })),
    target: (h['target'] as unknown[]).map((t) =>
      isRecord(t) ? { source: t['source'] ?? h['uri'], selector: t['selector'] } : t,
    ),
  };
  const text = h['text'];
  // An empty note is no note; anything but a string is passed on, to be rejected as a bad `bodyValue`.
  if (text !== undefined && text !== null && text !== '') annotation['bodyValue'] = text;
  return annotation;
}
