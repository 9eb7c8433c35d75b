import type { JoinProblem, TeamConfig } from '../model/team.ts';
import { joinProblem, type Answer } from './join-status.ts';
import { teamAddress } from './team-url.ts';

/** Basic authentication's header (RFC 7617), UTF-8: names and passwords may be Arabic. */
export function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** How long each request of the check may take before the server counts as unreachable. */
const CHECK_TIMEOUT_MS = 10_000;

async function ask(fetcher: typeof fetch, url: string, auth?: string): Promise<Answer> {
  try {
    const response = await fetcher(url, {
      headers: { accept: 'application/json', ...(auth ? { authorization: auth } : {}) },
      // Never the browser's cookies or saved credentials: only what the reader typed.
      credentials: 'omit',
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    });
    const body: unknown = await response.json().catch(() => null);
    return { status: response.status, body };
  } catch {
    return 'unreachable';
  }
}

/**
 * Checks a team's address and the reader's credentials against the server, and says what is wrong
 * (issue #17): the server's welcome (is it CouchDB?), the session (is the password right?), the
 * database (is the reader a member?). Requests go to the configured server only.
 */
export async function checkJoin(
  config: Pick<TeamConfig, 'url' | 'user' | 'password'>,
  fetcher: typeof fetch = fetch,
): Promise<JoinProblem | null> {
  const address = teamAddress(config.url);
  if (!address.ok) return address.error;
  const auth = basicAuth(config.user, config.password);
  const root = await ask(fetcher, address.value.server);
  if (root === 'unreachable') return 'unreachable';
  const [session, database] = await Promise.all([
    ask(fetcher, `${address.value.server}_session`, auth),
    ask(fetcher, `${address.value.database}/`, auth),
  ]);
  return joinProblem(root, session, database);
}
