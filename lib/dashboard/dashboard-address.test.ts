import { describe, expect, it } from 'vitest';
import {
  filtersOfView,
  hashFromView,
  rankingOf,
  viewFromHash,
  type DashboardView,
} from './dashboard-address.ts';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('the dashboard’s address', () => {
  it.each<[string, DashboardView]>([
    ['', {}],
    ['entity=sdf', { entity: 'sdf' }],
    ['q=%D8%A7%D9%85%D8%B1%D9%8A%D9%83%D8%A7', { query: 'امريكا' }],
    ['type=place&subtype=city', { type: 'place', subtype: 'city' }],
    ['site=enabbaladi.net', { site: 'enabbaladi.net' }],
    ['from=2025-01-01&to=2025-01-31', { from: day('2025-01-01'), to: day('2025-02-01') - 1 }],
    ['dates=read', { dates: 'read' }],
    ['sort=name', { sort: 'name' }],
    ['sort=name&dir=desc', { sort: 'name', dir: 'desc' }],
    ['sort=last', { sort: 'last' }],
    ['dir=asc', { dir: 'asc' }],
    ['entity=reader-1&site=syria.tv&sort=sites', { entity: 'reader-1', site: 'syria.tv', sort: 'sites' }],
  ])('#%s ⇄ %j', (hash, view) => {
    expect(viewFromHash(`#${hash}`)).toEqual(view);
    expect(hashFromView(view)).toBe(hash);
  });

  it('round-trips every field together, in a fixed order', () => {
    const view: DashboardView = {
      entity: 'sdf',
      query: 'Assad أسد',
      type: 'actor',
      subtype: 'militia',
      site: 'syria.tv',
      from: day('2024-02-29'),
      to: day('2024-03-01') - 1,
      dates: 'read',
      sort: 'type',
      dir: 'desc',
    };
    expect(viewFromHash(hashFromView(view))).toEqual(view);
    expect(hashFromView(view)).toBe(
      'entity=sdf&q=Assad%20%D8%A3%D8%B3%D8%AF&type=actor&subtype=militia&site=syria.tv&from=2024-02-29&to=2024-02-29&dates=read&sort=type&dir=desc',
    );
  });

  it('leaves out what does not parse, and defaults, rather than guessing', () => {
    expect(
      viewFromHash(
        '#type=person&sort=mentions&dir=up&from=2025-02-31&to=yesterday&dates=published&entity=%20&q=',
      ),
    ).toEqual({});
    // Pages, largest first, is the ranking's own order: said by no address.
    expect(viewFromHash('#sort=pages&dir=desc')).toEqual({});
    expect(hashFromView({ sort: 'pages', dir: 'desc', dates: 'published' })).toBe('');
  });

  it('keeps the ranking’s filters beside an open entity, and gives them back without it', () => {
    const view = viewFromHash('#entity=sdf&site=syria.tv&dates=read&sort=name');
    expect(filtersOfView(view)).toEqual({ site: 'syria.tv', dates: 'read' });
    expect(hashFromView(rankingOf(view))).toBe('site=syria.tv&dates=read&sort=name');
  });
});
