import type { RasidDB } from '../db/schema.ts';
import { forgetTeam } from '../db/team-store.ts';
import type { AnnotationRow } from '../model/annotation.ts';
import type { MentionReport } from '../model/mention.ts';
import type { PageRow } from '../model/page.ts';
import type { JoinProblem, TeamConfig, TeamState, TeamStatus } from '../model/team.ts';
import { startTeamSync, type TeamSync } from './team-sync.ts';
import type { PouchDatabase } from './pouch.ts';

/**
 * The reader's team (issue #17), as the background keeps it: the configuration (in the extension's
 * storage, never in a page's reach), the replication while the reader is a member, and what the
 * handlers tell it (an annotation saved or deleted, a page read). Nothing is shared before joining.
 */
export interface TeamService {
  state(): Promise<TeamState>;
  /** The reader's user name in the team, or null out of one. */
  member(): Promise<string | null>;
  /** Checks the address and credentials with the server; joins (and shares what the default says) if they are right. */
  join(config: TeamConfig): Promise<TeamState>;
  /** Stops replicating and forgets what came from the team; the reader's own annotations stay. */
  leave(): Promise<TeamState>;
  resolve(id: string, rev: string): Promise<TeamState>;
  annotationSaved(row: AnnotationRow, previous: AnnotationRow | undefined): void;
  annotationDeleted(row: AnnotationRow): void;
  /** A page was recorded; `share` is the site's switch. */
  pageRead(page: PageRow, mentions: MentionReport[], share: boolean): void;
  /** Starts replicating from the stored configuration (a background that starts afresh). */
  resume(): Promise<void>;
  /** Resolves once what was sent to the mirror and received from it is written (tests). */
  settled(): Promise<void>;
  /** Stops replicating (the background going away; tests). */
  close(): void;
}

export interface TeamServiceDeps {
  db: RasidDB;
  load(): Promise<TeamConfig | null>;
  save(config: TeamConfig | null): Promise<void>;
  check(config: TeamConfig): Promise<JoinProblem | null>;
  openMirror(): PouchDatabase;
  openRemote(config: TeamConfig): PouchDatabase;
  version: string;
  now(): number;
  /** The team changed what pages show: annotations (repaint), sightings, conflicts or the status. */
  changed(what: 'annotations' | 'sightings' | 'team'): void;
  maxRetryMs?: number;
}

export function createTeamService(deps: TeamServiceDeps): TeamService {
  const { db } = deps;
  let config: TeamConfig | null = null;
  let sync: TeamSync | null = null;
  let status: TeamStatus = { state: 'off' };
  let loaded: Promise<void> | null = null;
  let toldAt = 0;

  const start = (c: TeamConfig) => {
    sync?.stop();
    config = c;
    sync = startTeamSync({
      db,
      local: deps.openMirror(),
      remote: deps.openRemote(c),
      me: { by: c.user, name: c.name },
      version: deps.version,
      now: deps.now,
      ...(deps.maxRetryMs === undefined ? {} : { maxRetryMs: deps.maxRetryMs }),
      status: (s) => {
        const before = status.state;
        status = s;
        // The options page shows the first sync's progress: told when the state changes, and at most
        // twice a second while documents arrive.
        const at = deps.now();
        if (before !== s.state || at - toldAt >= 500) {
          toldAt = at;
          deps.changed('team');
        }
      },
      changed: (what) => deps.changed(what === 'conflicts' ? 'team' : what),
    });
  };
  const ready = () =>
    (loaded ??= (async () => {
      const stored = await deps.load();
      if (stored && !sync) start(stored);
    })());

  const state = async (): Promise<TeamState> => {
    await ready();
    const conflicts = config ? await db.teamConflicts.toArray() : [];
    if (!config) return { config: null, status, conflicts };
    const { url, user, name, shareAnnotations, shareSightings } = config;
    // Never the password: it stays in the background.
    return { config: { url, user, name, shareAnnotations, shareSightings }, status, conflicts };
  };

  const shares = (row: AnnotationRow) =>
    config !== null && (row.team !== undefined || (row.shared ?? config.shareAnnotations));
  const logged = (work: Promise<unknown> | undefined) =>
    void work?.catch((e: unknown) => console.error('Rasid team:', e));

  return {
    state,
    member: async () => {
      await ready();
      return config?.user ?? null;
    },
    async join(next) {
      await ready();
      const problem = await deps.check(next);
      if (problem) {
        // The reader sees why; a team they were in keeps running.
        if (!config) status = { state: 'problem', problem };
        return { ...(await state()), status: { state: 'problem', problem } };
      }
      await deps.save(next);
      start(next);
      // The reader's annotations that the default (or their own switch) shares go to the team.
      const own = await db.annotations.filter((a) => a.team === undefined).toArray();
      for (const row of own) if (shares(row)) await sync!.shareAnnotation(row);
      deps.changed('team');
      return state();
    },
    async leave() {
      await ready();
      sync?.stop();
      sync = null;
      config = null;
      status = { state: 'off' };
      await deps.save(null);
      await deps.openMirror().destroy();
      await forgetTeam(db);
      deps.changed('annotations');
      deps.changed('team');
      return state();
    },
    async resolve(id, rev) {
      await ready();
      if (!sync) throw new Error('not in a team');
      await sync.resolve(id, rev);
      await sync.settled();
      return state();
    },
    annotationSaved(row, previous) {
      if (!config || !sync) return;
      if (shares(row)) logged(sync.shareAnnotation(row));
      else if (previous && shares(previous)) logged(sync.unshareAnnotation(previous));
    },
    annotationDeleted(row) {
      if (sync && shares(row)) logged(sync.unshareAnnotation(row));
    },
    pageRead(page, mentions, share) {
      if (!config?.shareSightings || !share || !sync || !mentions.length) return;
      logged(sync.shareSighting(page.url, page.title, page.firstVisit, page.lastVisit, mentions));
    },
    resume: async () => void (await ready()),
    settled: async () => sync?.settled(),
    close() {
      sync?.stop();
      sync = null;
    },
  };
}
