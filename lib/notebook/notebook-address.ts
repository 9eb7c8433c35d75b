import { ANNOTATION_COLORS, type AnnotationColor } from '../model/annotation.ts';
import type { NotebookOrder, NotebookQuery } from '../model/notebook.ts';

/**
 * The notebook's search, filters and order in its address (`#q=…&tag=…`), so that Back, Forward,
 * reload and bookmarks bring the same view back (issue 14). Dates are written as days (UTC): `from`
 * is the day's first millisecond, `to` its last. A value that does not parse (an edited or foreign
 * address) is left out rather than guessed.
 */

const DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** Epoch ms of the start of a `YYYY-MM-DD` day (UTC), or undefined. */
export function parseDay(value: string | null | undefined): number | undefined {
  const m = value ? ISO_DAY.exec(value) : null;
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // 2025-02-31 would roll over into March: not a day.
  return new Date(ms).toISOString().slice(0, 10) === value ? ms : undefined;
}

/** The `YYYY-MM-DD` (UTC) of an epoch ms. */
export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const isColor = (value: string | null): value is AnnotationColor =>
  (ANNOTATION_COLORS as readonly (string | null)[]).includes(value);

/** The query an address's hash says (`#…`, with or without the `#`). */
export function queryFromHash(hash: string): NotebookQuery {
  const params = new URLSearchParams(hash.replace(/^#/u, ''));
  const text = (key: string) => params.get(key)?.trim() || undefined;
  const color = params.get('color');
  const from = parseDay(params.get('from'));
  const toDay = parseDay(params.get('to'));
  const order = params.get('order');
  const query: NotebookQuery = {
    q: params.get('q') || undefined,
    tag: text('tag'),
    color: isColor(color) ? color : undefined,
    entity: text('entity'),
    site: text('site'),
    from,
    to: toDay === undefined ? undefined : toDay + DAY - 1,
    orphans: params.get('orphans') === '1' || undefined,
    dates: params.get('dates') === 'read' ? 'read' : undefined,
    order: order === 'page' ? ('page' satisfies NotebookOrder) : undefined,
  };
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as NotebookQuery;
}

/** The hash (without `#`) that says a query; empty for the default view. Keys in a fixed order. */
export function hashFromQuery(query: NotebookQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.tag) params.set('tag', query.tag);
  if (query.color) params.set('color', query.color);
  if (query.entity) params.set('entity', query.entity);
  if (query.site) params.set('site', query.site);
  if (query.from !== undefined) params.set('from', dayOf(query.from));
  if (query.to !== undefined) params.set('to', dayOf(query.to));
  if (query.orphans) params.set('orphans', '1');
  if (query.dates === 'read') params.set('dates', 'read');
  if (query.order === 'page') params.set('order', 'page');
  // URLSearchParams writes spaces as `+`; `%20` reads the same and is what a reader expects to see.
  return params.toString().replace(/\+/gu, '%20');
}
