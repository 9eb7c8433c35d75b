import { describe, expect, it } from 'vitest';
import { teamFrameOf, teamLineOf } from './card-team-address.ts';

const PAGE = 'chrome-extension://abc/card-team.html';
const entity = {
  id: 'sdf',
  type: 'actor' as const,
  subtype: 'armed-group',
  ar: 'قسد',
  en: 'SDF',
  index: 1,
  count: 2,
};

describe('the address of the card’s team line (issue #17)', () => {
  it('names the entity and the page, and reads back the same', () => {
    const address = teamFrameOf(PAGE, {
      entity,
      team: { url: 'https://a.example/news?id=1&x=ي', canonical: 'https://a.example/news/1' },
    })!;
    expect(address.startsWith(`${PAGE}#`)).toBe(true);
    expect(teamLineOf(new URL(address).hash)).toEqual({
      entity: 'sdf',
      url: 'https://a.example/news?id=1&x=ي',
      canonical: 'https://a.example/news/1',
    });
  });

  it('has no frame out of a team', () => {
    expect(teamFrameOf(PAGE, { entity })).toBeUndefined();
  });

  it('reads no question from an address without an entity or a page', () => {
    expect(teamLineOf('')).toBeNull();
    expect(teamLineOf('#entity=sdf')).toBeNull();
    expect(teamLineOf('#url=https%3A%2F%2Fa.example%2F')).toBeNull();
    expect(teamLineOf('#entity=sdf&url=https%3A%2F%2Fa.example%2F')).toEqual({
      entity: 'sdf',
      url: 'https://a.example/',
      canonical: null,
    });
  });
});
