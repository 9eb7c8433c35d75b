import type { AnnotationRow, TeamMark } from './annotation.ts';

/**
 * Reading as a team (issue #17): a CouchDB database shared by a desk of readers, replicated by PouchDB
 * in the background. These are the shapes the background, the options page and the tests share.
 */

/** What the reader typed on the options page to join a team; kept in `storage.local` only. */
export interface TeamConfig {
  /** The team's database: `https://couch.example.org/desk-syria` (http only for 127.0.0.1/localhost). */
  url: string;
  /** The CouchDB user name (the member's id in the team's documents). */
  user: string;
  password: string;
  /** The name teammates see ("Rana"). */
  name: string;
  /** New annotations are shared unless the reader switches one off (the team default). */
  shareAnnotations: boolean;
  /** The entities each page named are shared with the team (global switch; sites can opt out). */
  shareSightings: boolean;
  /**
   * The names the reader adds (entities, spellings) and their "not a name" decisions go to the team's
   * lexicon. Absent in configurations saved before it existed: then shared.
   */
  shareNames?: boolean | undefined;
}

/** Why joining failed: each one a clear message on the options page. */
export type JoinProblem =
  'bad-url' | 'insecure' | 'unreachable' | 'not-couchdb' | 'wrong-password' | 'not-member' | 'no-database';

/** Where the team's replication stands, for the options page. */
export type TeamStatus =
  | { state: 'off' }
  | { state: 'problem'; problem: JoinProblem }
  /**
   * Replicating; `received` documents so far on a first sync (progress), of `total` (the team
   * database's documents when the sync started; absent until the server said).
   */
  | { state: 'syncing'; received: number; total?: number | undefined }
  /** Up to date and listening for changes. */
  | { state: 'live'; received: number }
  /** The server cannot be reached: changes queue locally and go when it is back. */
  | { state: 'offline'; received: number };

export type { TeamMark };

/** One side of a conflict: a version of an annotation that a member saved. */
export interface ConflictVersion {
  rev: string;
  by: string;
  name: string;
  body: AnnotationRow['body'];
  modified: number;
  /** Saved by this reader. */
  mine: boolean;
}

/** An annotation with two versions or more that the reader must choose between (keep mine / keep theirs). */
export interface TeamConflict {
  id: string;
  quote: string;
  page: string;
  versions: ConflictVersion[];
}

/** Everything the options page shows of the team. */
export interface TeamState {
  /** The configuration without its password; null before joining. */
  config: Omit<TeamConfig, 'password'> | null;
  status: TeamStatus;
  conflicts: TeamConflict[];
}

/**
 * A team's sighting: the entities one member's reading of one page named (`sighting:<user>:<page>`).
 * Counts and first sentences per entity, the site, and the reading's dates.
 */
export interface TeamSightingRow {
  /** `<user>\u0000<page>`. */
  id: string;
  by: string;
  name: string;
  page: string;
  site: string;
  title: string;
  firstSeen: number;
  lastSeen: number;
  entities: string[];
  counts: Record<string, number>;
  sentences: Record<string, string>;
}

/** What the team has seen of one entity: "seen by your team on N pages of M sites, first by X on DATE". */
export interface TeamSeen {
  entity: string;
  pages: number;
  sites: number;
  firstBy: string;
  firstSeen: number;
  /** No member saw it on this site before (the page being read excluded). */
  newOnSite: boolean;
}
