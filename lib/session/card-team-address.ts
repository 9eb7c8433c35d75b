import type { CardProps } from './views.ts';

/** The team's line in a name's card: an extension page, declared in `web_accessible_resources`. */
export const CARD_TEAM_PATH = '/card-team.html';

/**
 * The address of the team's line in a name's card (issue #17, `entrypoints/card-team`): the extension
 * page, with the entity and the page in its fragment (facts the page has already; what the team read
 * the frame asks the background for). Undefined out of a team.
 */
export function teamFrameOf(page: string, props: Pick<CardProps, 'entity' | 'team'>): string | undefined {
  if (!props.team) return undefined;
  const { url, canonical } = props.team;
  const query = new URLSearchParams({ entity: props.entity.id, url, ...(canonical ? { canonical } : {}) });
  return `${page}#${query.toString()}`;
}

/** What the frame's address asks about; null for an address that names no entity and page. */
export function teamLineOf(hash: string): { entity: string; url: string; canonical: string | null } | null {
  const query = new URLSearchParams(hash.replace(/^#/u, ''));
  const entity = query.get('entity');
  const url = query.get('url');
  if (!entity || !url) return null;
  return { entity, url, canonical: query.get('canonical') };
}
