import type { EntityType } from '../lexicon/schema.ts';
import {
  RANKING_SORTS,
  type DateBasis,
  type RankingFilters,
  type RankingSort,
  type SortDirection,
} from '../model/dashboard.ts';
import { dayOf, parseDay } from '../notebook/notebook-address.ts';

/**
 * What the dashboard shows, in its address (issue 14): the ranking with its filters and sort, or one
 * entity's detail (`#entity=sdf`, the ranking's filters kept beside it so that "back to the ranking"
 * restores them). Back, Forward, reload and bookmarks bring the same view back. Dates are days (UTC),
 * as in the notebook's address; what does not parse is left out rather than guessed.
 */
export interface DashboardView {
  /** The entity whose detail is open; the ranking without it. */
  entity?: string | undefined;
  query?: string | undefined;
  type?: EntityType | undefined;
  subtype?: string | undefined;
  site?: string | undefined;
  /** The first millisecond of the `from` day, the last of the `to` day (UTC). */
  from?: number | undefined;
  to?: number | undefined;
  /** Publication dates where known (the default, left out of the address), or reading dates. */
  dates?: DateBasis | undefined;
  /** The column the ranking is sorted by (pages, the default, is left out) and its direction. */
  sort?: RankingSort | undefined;
  dir?: SortDirection | undefined;
}

const DAY = 86_400_000;

/** A column's natural direction: names and kinds A→Z, counts and dates largest first. */
export const defaultDirection = (sort: RankingSort): SortDirection =>
  sort === 'name' || sort === 'type' ? 'asc' : 'desc';

const isSort = (value: string | null): value is RankingSort =>
  (RANKING_SORTS as readonly (string | null)[]).includes(value);

/** The view an address's hash says (`#…`, with or without the `#`). */
export function viewFromHash(hash: string): DashboardView {
  const params = new URLSearchParams(hash.replace(/^#/u, ''));
  const text = (key: string) => params.get(key)?.trim() || undefined;
  const type = params.get('type');
  const sort = params.get('sort');
  const dir = params.get('dir');
  const toDay = parseDay(params.get('to'));
  const view: DashboardView = {
    entity: text('entity'),
    query: params.get('q') || undefined,
    type: type === 'actor' || type === 'place' ? type : undefined,
    subtype: text('subtype'),
    site: text('site'),
    from: parseDay(params.get('from')),
    to: toDay === undefined ? undefined : toDay + DAY - 1,
    dates: params.get('dates') === 'read' ? 'read' : undefined,
    sort: isSort(sort) && sort !== 'pages' ? sort : undefined,
    dir: dir === 'asc' || dir === 'desc' ? dir : undefined,
  };
  // A direction is kept only where it is not the column's own.
  if (view.dir === defaultDirection(view.sort ?? 'pages')) view.dir = undefined;
  return Object.fromEntries(Object.entries(view).filter(([, v]) => v !== undefined)) as DashboardView;
}

/** The hash (without `#`) that says a view; empty for the default ranking. Keys in a fixed order. */
export function hashFromView(view: DashboardView): string {
  const params = new URLSearchParams();
  if (view.entity) params.set('entity', view.entity);
  if (view.query) params.set('q', view.query);
  if (view.type) params.set('type', view.type);
  if (view.subtype) params.set('subtype', view.subtype);
  if (view.site) params.set('site', view.site);
  if (view.from !== undefined) params.set('from', dayOf(view.from));
  if (view.to !== undefined) params.set('to', dayOf(view.to));
  if (view.dates === 'read') params.set('dates', 'read');
  if (view.sort && view.sort !== 'pages') params.set('sort', view.sort);
  if (view.dir && view.dir !== defaultDirection(view.sort ?? 'pages')) params.set('dir', view.dir);
  // URLSearchParams writes spaces as `+`; `%20` reads the same and is what a reader expects to see.
  return params.toString().replace(/\+/gu, '%20');
}

/** The ranking's question for a view: its filters, whatever entity is open. */
export function filtersOfView({
  query,
  type,
  subtype,
  site,
  from,
  to,
  dates,
}: DashboardView): RankingFilters {
  return Object.fromEntries(
    Object.entries({ query, type, subtype, site, from, to, dates }).filter(([, v]) => v !== undefined),
  ) as RankingFilters;
}

/** The ranking a view came from: the same filters and sort, no entity open. */
export function rankingOf(view: DashboardView): DashboardView {
  return Object.fromEntries(Object.entries(view).filter(([key]) => key !== 'entity')) as DashboardView;
}
