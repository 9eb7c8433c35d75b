import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A CouchDB-compatible server for the tests (issue #17): `pouchdb-server` (a devDependency) on
 * 127.0.0.1, on a free port, with a team database, two members and a stranger. `stop()` takes it away
 * (the server "goes down"); `start()` brings it back with its data, kept in a temporary folder.
 * `RASID_POUCHDB_SERVER` (set by `.ci/run`) names the binary when it is elsewhere.
 */
export interface CouchServer {
  origin: string;
  /** `origin/team`. */
  database: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export const ADMIN = { user: 'admin', password: 'admin-secret' };
export const MEMBERS = [
  { user: 'rana', password: 'rana-pw', name: 'Rana' },
  { user: 'omar', password: 'omar-pw', name: 'Omar' },
] as const;
export const STRANGER = { user: 'sami', password: 'sami-pw' };

const BIN =
  process.env['RASID_POUCHDB_SERVER'] ??
  fileURLToPath(new URL('../../node_modules/.bin/pouchdb-server', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(origin: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(origin)).ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`pouchdb-server did not answer at ${origin}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const auth = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function call(url: string, method: string, body: unknown, as = ADMIN): Promise<void> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', authorization: auth(as.user, as.password) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
}

export async function startCouchServer(): Promise<CouchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-couch-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const start = async () => {
    // On disk (not --in-memory): stopped and started again, the server keeps the team's documents.
    child = spawn(BIN, ['--port', String(port), '--host', '127.0.0.1', '--dir', dir], {
      cwd: dir,
      stdio: 'ignore',
    });
    await waitUntilUp(origin, 60_000);
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };
  await start();
  // An administrator ends the "admin party"; members are users listed in the database's security.
  await call(`${origin}/_config/admins/${ADMIN.user}`, 'PUT', ADMIN.password, ADMIN).catch(() =>
    fetch(`${origin}/_config/admins/${ADMIN.user}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) }),
  );
  // The extension's pages talk to it from their own origin.
  await call(`${origin}/_config/httpd/enable_cors`, 'PUT', 'true');
  await call(`${origin}/_config/cors/origins`, 'PUT', '*');
  await call(`${origin}/_config/cors/credentials`, 'PUT', 'true');
  await call(`${origin}/team`, 'PUT', {});
  for (const m of [...MEMBERS, STRANGER])
    await call(`${origin}/_users/org.couchdb.user:${m.user}`, 'PUT', {
      name: m.user,
      password: m.password,
      roles: [],
      type: 'user',
    });
  await call(`${origin}/team/_security`, 'PUT', {
    admins: { names: [], roles: [] },
    members: { names: MEMBERS.map((m) => m.user), roles: [] },
  });
  return {
    origin,
    database: `${origin}/team`,
    start,
    stop,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
