import type { RasidDB } from '../db/schema.ts';
import { forgetTeam } from '../db/team-store.ts';
import type { AnnotationRow } from '../model/annotation.ts';
import type { MentionReport } from '../model/mention.ts';
import type { PageRow } from '../model/page.ts';
import type { JoinProblem, TeamConfig, TeamState, TeamStatus } from '../model/team.ts';
import { startTeamSync, type TeamSync } from './team-sync.ts';
import type { PouchDatabase } from './pouch.ts';
import type { SharedName } from '../team/team-names.ts';
import { wakePlan, type WakeReason } from '../team/wake-plan.ts';
import { coalesceChanges } from './coalesce-changes.ts';

/**
 * The reader's team (issue #17), as the background keeps it: the configuration (in the extension's
 * storage, never in a page's reach), the replication while the reader is a member, and what the
 * handlers tell it (an annotation saved or deleted, a page read). Nothing is shared before joining.
 */
export interface TeamService {
  state(): Promise<TeamState>;
  /** The reader's user name in the team, or null out of one. */
  member(): Promise<string | null>;
  /** Whether the reader's annotations go to the team unless they say otherwise; null out of a team. */
  sharesByDefault(): Promise<boolean | null>;
  /** Checks the address and credentials with the server; joins (and shares what the default says) if they are right. */
  join(config: TeamConfig): Promise<TeamState>;
  /** Stops replicating and forgets what came from the team; the reader's own annotations stay. */
  leave(): Promise<TeamState>;
  resolve(id: string, rev: string): Promise<TeamState>;
  annotationSaved(row: AnnotationRow, previous: AnnotationRow | undefined): void;
  annotationDeleted(row: AnnotationRow): void;
  /** A page was recorded; `share` is the site's switch. */
  pageRead(page: PageRow, mentions: MentionReport[], share: boolean): void;
  /** A name the reader added, or a spelling they said is not a name: shared when the reader shares names. */
  nameAdded(name: SharedName): void;
  /** A name the reader shared is gone (deleted, or "not a name" taken back): its document is deleted. */
  nameRemoved(id: string): void;
  /** Starts replicating from the stored configuration (a background that starts afresh). */
  resume(): Promise<void>;
  /**
   * The background woke up (a message, the browser's start, an install or update, the team's alarm):
   * replication starts again if it is not running — an MV3 service worker stopped when idle ends it —
   * and the periodic wake-up is set while the reader is in a team, cleared out of one.
   */
  wake(reason: WakeReason): Promise<void>;
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
  /** The team changed what pages show: annotations (repaint), sightings, names, conflicts or the status. */
  changed(what: 'annotations' | 'sightings' | 'team' | 'lexicon'): void;
  /**
   * Sets (`true`) or clears the periodic wake-up that restarts replication while the reader is in a
   * team (`alarms` in the extension); absent in tests that do not need it.
   */
  schedule?(inTeam: boolean): Promise<void>;
  maxRetryMs?: number;
}

export function createTeamService(deps: TeamServiceDeps): TeamService {
  const { db } = deps;
  let config: TeamConfig | null = null;
  let sync: TeamSync | null = null;
  let status: TeamStatus = { state: 'off' };
  let loaded: Promise<void> | null = null;
  let toldAt = 0;

  // What replication writes is told to pages at most twice a second (a first sync writes in hundreds
  // of batches: one repaint of every tab per batch would keep them busy).
  const tell = coalesceChanges(deps.changed, 500);

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
      changed: (what) => tell(what === 'conflicts' ? 'team' : what === 'names' ? 'lexicon' : what),
    });
  };
  const schedule = (inTeam: boolean) =>
    deps.schedule?.(inTeam).catch((e: unknown) => console.error('Rasid team alarm:', e));
  const ready = () =>
    (loaded ??= (async () => {
      const stored = await deps.load();
      if (stored && !sync) start(stored);
    })());

  const state = async (): Promise<TeamState> => {
    await ready();
    const conflicts = config ? await db.teamConflicts.toArray() : [];
    if (!config) return { config: null, status, conflicts };
    const { url, user, name, shareAnnotations, shareSightings, shareNames } = config;
    // Never the password: it stays in the background.
    return {
      config: { url, user, name, shareAnnotations, shareSightings, shareNames: shareNames !== false },
      status,
      conflicts,
    };
  };

  const sharesNames = () => config !== null && config.shareNames !== false;
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
    sharesByDefault: async () => {
      await ready();
      return config ? config.shareAnnotations : null;
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
      await schedule(true);
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
      await schedule(false);
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
    nameAdded(name) {
      if (sync && sharesNames()) logged(sync.shareName(name));
    },
    nameRemoved(id) {
      // Taken out even when the reader no longer shares names: what they shared is theirs to withdraw.
      if (sync) logged(sync.unshareName(id));
    },
    resume: async () => void (await ready()),
    async wake(reason) {
      await ready();
      const plan = wakePlan(reason, { inTeam: config !== null, running: sync?.running() ?? false });
      if (plan.restart && config) start(config);
      if (plan.alarm !== 'keep') await schedule(plan.alarm === 'set');
    },
    settled: async () => sync?.settled(),
    close() {
      sync?.stop();
      sync = null;
    },
  };
}
