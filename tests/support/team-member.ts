import PouchDB from './pouch-in-node.ts';
import { freshDb } from './fresh-db.ts';
import { MEMBERS, type CouchServer } from './couch-server.ts';
import { checkJoin } from '../../lib/team/join-check.ts';
import { teamAddress } from '../../lib/team/team-url.ts';
import { createHandlers, type Handlers } from '../../lib/background/handlers.ts';
import { createTeamService, type TeamService } from '../../lib/background/team-service.ts';
import { memoryTrash } from '../../lib/background/trash.ts';
import type { RasidDB } from '../../lib/db/schema.ts';
import type { TeamConfig } from '../../lib/model/team.ts';

/** One member of a team in Node (issue #17): their own database, handlers and PouchDB mirror. */
export interface TeamMember {
  db: RasidDB;
  handlers: Handlers;
  team: TeamService;
  config: TeamConfig;
}

/**
 * A member (`MEMBERS[index]`) replicating with the real pouchdb-server `server`, as the background
 * wires one in the browser (`entrypoints/background`). `close()` them after the test.
 */
export function teamMember(
  server: CouchServer,
  index: 0 | 1,
  options: { password?: string; schedule?: (inTeam: boolean) => Promise<void> } = {},
): TeamMember {
  const m = MEMBERS[index];
  const db = freshDb(`team-${m.user}`);
  const mirror = `mirror-${m.user}-${crypto.randomUUID()}`;
  const config: TeamConfig = {
    url: server.database,
    user: m.user,
    password: options.password ?? m.password,
    name: m.name,
    shareAnnotations: true,
    shareSightings: true,
  };
  let stored: TeamConfig | null = null;
  const team = createTeamService({
    db,
    load: async () => stored,
    save: async (c) => void (stored = c),
    check: (c) => checkJoin(c),
    openMirror: () => new PouchDB(mirror, { adapter: 'memory' }),
    openRemote: (c) =>
      new PouchDB(teamAddress(c.url).ok ? server.database : '', {
        skip_setup: true,
        auth: { username: c.user, password: c.password },
      }),
    version: '0.1.0',
    now: Date.now,
    changed: () => undefined,
    ...(options.schedule ? { schedule: options.schedule } : {}),
    maxRetryMs: 1000,
  });
  const handlers = createHandlers({
    db,
    tabUrl: async () => undefined,
    now: Date.now,
    version: '0.1.0',
    changed: () => undefined,
    broadcast: () => undefined,
    setBadge: () => undefined,
    loadReader: async () => undefined,
    trash: memoryTrash(),
    team,
  });
  return { db, handlers, team, config };
}

/** Waits until `check` holds, giving replication its time on a busy machine. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  ms = 60_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('not within time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
