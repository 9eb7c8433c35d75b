// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { flush } from '../tests/support/flush.ts';
import { createTranslator } from '../lib/i18n/i18n.ts';
import type { TeamConfig, TeamState } from '../lib/model/team.ts';
import { TeamSettings, type TeamActions } from './TeamSettings.tsx';
import { TeamBadge } from './HistoryBadge.tsx';

afterEach(() => document.body.replaceChildren());

const OUT: TeamState = { config: null, status: { state: 'off' }, conflicts: [] };
const IN: TeamState = {
  config: {
    url: 'https://couch.example.org/desk',
    user: 'rana',
    name: 'Rana',
    shareAnnotations: true,
    shareSightings: true,
  },
  status: { state: 'live', received: 3 },
  conflicts: [
    {
      id: 'a1',
      quote: 'قسد تعتقل شبانا',
      page: 'https://enabbaladi.net/a',
      versions: [
        {
          rev: '2-a',
          by: 'rana',
          name: 'Rana',
          body: { note: 'نسختي', tags: [], color: 'yellow' },
          modified: 1,
          mine: true,
        },
        {
          rev: '2-b',
          by: 'omar',
          name: 'عمر <b>',
          body: { note: '<img src=x>', tags: [], color: 'yellow' },
          modified: 2,
          mine: false,
        },
      ],
    },
  ],
};

function mount(state: TeamState, actions: Partial<TeamActions> = {}, lang: 'ar' | 'en' = 'en') {
  const root = document.createElement('div');
  document.body.append(root);
  const all: TeamActions = {
    join: async () => OUT,
    leave: async () => OUT,
    resolve: async () => OUT,
    ...actions,
  };
  render(<TeamSettings i18n={createTranslator(lang)} state={state} actions={all} />, root);
  return root;
}

const type = (root: HTMLElement, name: string, value: string) => {
  const input = root.querySelector(`input[name=team-${name}]`) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('TeamSettings, the options page’s team section', () => {
  it('joins with what was typed, and says why not in the reader’s language', async () => {
    let sent: TeamConfig | null = null;
    const root = mount(
      OUT,
      {
        join: async (config) => {
          sent = config;
          return { ...OUT, status: { state: 'problem', problem: 'not-member' } };
        },
      },
      'ar',
    );
    type(root, 'url', 'https://couch.example.org/desk');
    type(root, 'user', 'rana');
    type(root, 'password', 'secret');
    type(root, 'name', 'رنا');
    await flush();
    (root.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    await flush();
    expect(sent).toEqual({
      url: 'https://couch.example.org/desk',
      user: 'rana',
      password: 'secret',
      name: 'رنا',
      shareAnnotations: true,
      shareSightings: true,
      shareNames: true,
    });
    expect(root.querySelector('[data-testid=team-status]')?.textContent).toBe(
      createTranslator('ar').t('teamProblem-not-member'),
    );
    // The password field is the browser's own, never shown.
    expect((root.querySelector('input[name=team-password]') as HTMLInputElement).type).toBe('password');
  });

  it('shows the team, how replication stands, and each conflict with keep mine / keep theirs', async () => {
    const chosen: string[] = [];
    const root = mount(IN, { resolve: async (id, rev) => (chosen.push(`${id} ${rev}`), IN) });
    expect(root.querySelector('[data-testid=team-member]')?.textContent).toBe(
      'Member of https://couch.example.org/desk as Rana.',
    );
    expect(root.querySelector('[data-testid=team-status]')?.textContent).toBe(
      'Up to date (3 documents received).',
    );
    const conflict = root.querySelector('[data-testid=team-conflict]')!;
    // A teammate's words are text: their markup is not inserted.
    expect(conflict.querySelector('img, b')).toBeNull();
    expect(conflict.textContent).toContain('<img src=x>');
    expect(root.querySelector('[data-testid=keep-theirs]')?.textContent).toBe('Keep عمر <b>’s');
    (root.querySelector('[data-testid=keep-theirs]') as HTMLButtonElement).click();
    await flush();
    expect(chosen).toEqual(['a1 2-b']);
  });

  it('shows a first sync’s progress as N of M documents, in the reader’s language', () => {
    const syncing = (received: number): TeamState => ({
      ...IN,
      status: { state: 'syncing', received, total: 250_000 },
      conflicts: [],
    });
    const status = (root: HTMLElement) => root.querySelector('[data-testid=team-status]');
    expect(status(mount(syncing(1200)))?.textContent).toBe('Syncing… 1,200 of 250,000 documents.');
    expect(status(mount(syncing(1200)))?.getAttribute('data-total')).toBe('250000');
    expect(status(mount(syncing(1200), {}, 'ar'))?.textContent).toBe(
      createTranslator('ar').t('teamStatus-progress', { n: 1200, total: 250_000 }),
    );
    // Without a total (the server has not said yet), what was received.
    expect(status(mount({ ...IN, status: { state: 'syncing', received: 5 } }))?.textContent).toBe(
      'Syncing… 5 documents received.',
    );
  });
});

describe('TeamBadge', () => {
  it('says what the team saw, flags a site new to the team, and is absent when no teammate saw the name', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const i18n = createTranslator('en');
    const history = { entity: 'sdf', pages: 0, sites: 0, firstSeen: null, newOnSite: false };
    render(
      <>
        <TeamBadge
          i18n={i18n}
          history={{
            ...history,
            team: {
              entity: 'sdf',
              pages: 7,
              sites: 4,
              firstBy: 'Rana',
              firstSeen: Date.UTC(2025, 2, 3),
              newOnSite: true,
            },
          }}
        />
        <TeamBadge i18n={i18n} history={history} />
      </>,
      root,
    );
    const badges = root.querySelectorAll('[data-testid=team-seen]');
    expect(badges).toHaveLength(1);
    expect(badges[0]!.getAttribute('data-flag')).toBe('team new-on-site');
    expect(badges[0]!.getAttribute('title')).toBe(
      'Your team saw it on 7 pages of 4 sites, first Rana on Mar 3, 2025. New on this site for your team',
    );
  });
});
