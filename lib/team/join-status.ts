import type { JoinProblem } from '../model/team.ts';

/** What one request of the join check got: a status and its JSON body, or nothing (network failure). */
export type Answer = { status: number; body: unknown } | 'unreachable';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Is this the welcome of a CouchDB server? CouchDB answers `GET /` with `{"couchdb": "Welcome", …}`;
 * PouchDB Server, its compatible test server, with `{"express-pouchdb": "Welcome!", …}`.
 */
export const isCouchWelcome = (body: unknown): boolean =>
  isRecord(body) && (typeof body['couchdb'] === 'string' || typeof body['express-pouchdb'] === 'string');

/**
 * Why the reader cannot join, from the three answers of the join check (issue #17), or null when they
 * can: `root` is `GET /` of the server, `session` is `GET /_session` with the credentials (CouchDB says
 * 401 for a wrong name or password), `database` is `GET /<db>` with them (401 or 403: not a member;
 * 404: no such database).
 */
export function joinProblem(root: Answer, session: Answer, database: Answer): JoinProblem | null {
  if (root === 'unreachable') return 'unreachable';
  if (!isCouchWelcome(root.body)) return 'not-couchdb';
  if (session === 'unreachable' || database === 'unreachable') return 'unreachable';
  if (session.status === 401) return 'wrong-password';
  if (session.status !== 200) return 'not-couchdb';
  const user = isRecord(session.body) && isRecord(session.body['userCtx']) ? session.body['userCtx'] : {};
  // A session with no name: the credentials were not taken (CouchDB answers 200 to anonymous readers).
  if (typeof user['name'] !== 'string') return 'wrong-password';
  if (database.status === 401 || database.status === 403) return 'not-member';
  if (database.status === 404) return 'no-database';
  if (database.status !== 200 || !isRecord(database.body) || typeof database.body['db_name'] !== 'string')
    return 'not-couchdb';
  return null;
}
