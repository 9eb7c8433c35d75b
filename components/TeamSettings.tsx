import { useState } from 'preact/hooks';
import type { Translator } from '../lib/i18n/i18n.ts';
import type { MessageKey } from '../lib/i18n/catalog.ts';
import type { JoinProblem, TeamConfig, TeamConflict, TeamState, TeamStatus } from '../lib/model/team.ts';

export interface TeamActions {
  join(config: TeamConfig): Promise<TeamState>;
  leave(): Promise<TeamState>;
  resolve(id: string, rev: string): Promise<TeamState>;
}

interface Props {
  i18n: Translator;
  state: TeamState;
  actions: TeamActions;
}

const problemKey = (problem: JoinProblem) => `teamProblem-${problem}` as MessageKey;

function statusText({ t }: Translator, status: TeamStatus): string {
  if (status.state === 'problem') return t(problemKey(status.problem));
  if (status.state === 'off') return t('teamStatus-off');
  if (status.state === 'offline') return t('teamStatus-offline');
  // A first sync says how far it is: N of the team database's M documents (issue #17).
  if (status.state === 'syncing' && status.total)
    return t('teamStatus-progress', {
      n: Math.min(status.received, status.total),
      total: status.total,
    });
  return t(`teamStatus-${status.state}`, { n: status.received });
}

/**
 * The options page's team section (issue #17): join a team's CouchDB database (address, user,
 * password, the name teammates see, what to share), see how replication stands, leave; and resolve
 * conflicts between members (keep mine / keep theirs). Every string from the team is shown as text.
 */
export function TeamSettings({ i18n, state, actions }: Props) {
  const { t } = i18n;
  const [problem, setProblem] = useState<JoinProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState<TeamConfig>({
    url: '',
    user: '',
    password: '',
    name: '',
    shareAnnotations: true,
    shareSightings: true,
    shareNames: true,
  });
  const field = (
    key: 'url' | 'user' | 'password' | 'name',
    label: MessageKey,
    type: 'text' | 'url' | 'password' = 'text',
  ) => (
    <label>
      {t(label)}
      <input
        // Preact's types pair each input type with its own attributes; these three share them all.
        type={type as 'text'}
        name={`team-${key}`}
        dir={key === 'name' ? 'auto' : 'ltr'}
        autocomplete={key === 'password' ? 'current-password' : 'off'}
        required
        value={form[key]}
        onInput={(e) => {
          const value = (e.currentTarget as HTMLInputElement).value;
          // From the latest form: a browser's autofill sets every field in one turn.
          setForm((f) => ({ ...f, [key]: value }));
        }}
      />
    </label>
  );
  const check = (key: 'shareAnnotations' | 'shareSightings' | 'shareNames', label: MessageKey) => (
    <label class="check">
      <input
        type="checkbox"
        name={`team-${key}`}
        checked={form[key] !== false}
        onChange={(e) => {
          const checked = (e.currentTarget as HTMLInputElement).checked;
          setForm((f) => ({ ...f, [key]: checked }));
        }}
      />
      {t(label)}
    </label>
  );

  async function join(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      const next = await actions.join(form);
      setProblem(next.status.state === 'problem' ? next.status.problem : null);
      // The password is kept by the background only; the form forgets it once it is taken.
      if (next.status.state !== 'problem') setForm((f) => ({ ...f, password: '' }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="team" aria-labelledby="team-title" data-testid="team">
      <h2 id="team-title">{t('teamTitle')}</h2>
      <p>{t('teamIntro')}</p>
      {state.config ? (
        <>
          <p data-testid="team-member">
            {t('teamMember', { url: state.config.url, name: state.config.name })}
          </p>
          <p
            role="status"
            data-testid="team-status"
            data-state={state.status.state}
            data-received={'received' in state.status ? state.status.received : undefined}
            data-total={state.status.state === 'syncing' ? state.status.total : undefined}
          >
            {statusText(i18n, state.status)}
          </p>
          <button type="button" data-testid="team-leave" onClick={() => void actions.leave()}>
            {t('teamLeave')}
          </button>
          {state.conflicts.length ? (
            <Conflicts i18n={i18n} conflicts={state.conflicts} actions={actions} />
          ) : null}
        </>
      ) : (
        <form class="team-join" onSubmit={(e) => void join(e)}>
          {field('url', 'teamUrl', 'url')}
          {field('user', 'teamUser')}
          {field('password', 'teamPassword', 'password')}
          {field('name', 'teamName')}
          {check('shareAnnotations', 'teamShareAnnotations')}
          {check('shareSightings', 'teamShareSightings')}
          {check('shareNames', 'teamShareNames')}
          <button type="submit" data-testid="team-join" disabled={busy}>
            {t('teamJoin')}
          </button>
          <p role="status" data-testid="team-status" data-problem={problem ?? ''}>
            {busy ? t('teamJoining') : problem ? t(problemKey(problem)) : ''}
          </p>
        </form>
      )}
    </section>
  );
}

function Conflicts({
  i18n,
  conflicts,
  actions,
}: {
  i18n: Translator;
  conflicts: TeamConflict[];
  actions: TeamActions;
}) {
  const { t } = i18n;
  return (
    <section aria-labelledby="conflicts-title" data-testid="team-conflicts">
      <h3 id="conflicts-title">{t('teamConflictsTitle')}</h3>
      <p>{t('teamConflictsIntro')}</p>
      <ul>
        {conflicts.map((c) => (
          <li key={c.id} data-testid="team-conflict" data-id={c.id}>
            <blockquote dir="auto">{c.quote}</blockquote>
            <ul>
              {c.versions.map((v) => (
                <li key={v.rev} dir="auto" data-mine={String(v.mine)}>
                  {t('teamVersion', { name: v.name, note: v.body.note })}{' '}
                  <button
                    type="button"
                    data-testid={v.mine ? 'keep-mine' : 'keep-theirs'}
                    onClick={() => void actions.resolve(c.id, v.rev)}
                  >
                    {v.mine ? t('teamKeepMine') : t('teamKeepTheirs', { name: v.name })}
                  </button>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
