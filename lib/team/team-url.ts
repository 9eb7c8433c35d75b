import { err, ok, type Result } from '../model/result.ts';
import type { JoinProblem } from '../model/team.ts';

/** A team database's address, split into the server (for `/_session`) and the database's name. */
export interface TeamAddress {
  /** `https://couch.example.org/` — always ending in a slash. */
  server: string;
  /** The database's address, without a trailing slash. */
  database: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Checks a team database's address (issue #17): https, or http on this computer only (a password sent
 * in clear over the network is a password given away). No credentials in the address: they go in their
 * own fields and are stored apart. The database is the address's last path segment.
 */
export function teamAddress(
  input: string,
): Result<TeamAddress, Extract<JoinProblem, 'bad-url' | 'insecure'>> {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return err('bad-url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return err('bad-url');
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return err('insecure');
  if (url.username || url.password || url.search || url.hash) return err('bad-url');
  const path = url.pathname.replace(/\/+$/u, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  // CouchDB's rule for database names (https://docs.couchdb.org/en/stable/api/database/common.html).
  if (!/^[a-z][a-z0-9_$()+/-]*$/u.test(decodeURIComponent(name))) return err('bad-url');
  return ok({
    server: `${url.origin}${path.slice(0, path.lastIndexOf('/'))}/`,
    database: `${url.origin}${path}`,
  });
}

/** The origin pattern of a team server, as a host permission names it (`https://couch.example.org/*`). */
export const originPattern = (address: TeamAddress): string => `${new URL(address.server).origin}/*`;
