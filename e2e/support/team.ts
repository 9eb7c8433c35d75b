import type { AnnotationDraft, AnnotationRow } from '../../lib/model/annotation.ts';
import type { TeamState } from '../../lib/model/team.ts';
import { clickIn, readStore, setField } from './extension.ts';
import type { TestBrowser, TestPage } from './test-browser.ts';
import { MEMBERS, startCouchServer, type CouchServer } from '../../tests/support/couch-server.ts';

export {
  ADMIN,
  MEMBERS,
  STRANGER,
  startCouchServer,
  type CouchServer,
} from '../../tests/support/couch-server.ts';

/**
 * Reading as a team in the browser tests (issue #17): the options page's team section, filled and
 * submitted as a reader does, and the background asked what it knows.
 */
export interface Credentials {
  url: string;
  user: string;
  password: string;
  name: string;
}

/** Opens the options page and submits the team form; resolves when the page shows the outcome. */
export async function joinTeam(browser: TestBrowser, credentials: Credentials): Promise<TestPage> {
  const options = await browser.newPage(`${browser.extensionOrigin}/options.html`);
  await options.waitFor(() => !!document.querySelector('[data-testid=team-join]'), null);
  for (const [key, value] of Object.entries(credentials))
    await setField(options, `input[name=team-${key}]`, value, 'input');
  await clickIn(options, '[data-testid=team-join]');
  await options.waitFor(
    () =>
      !!document.querySelector('[data-testid=team-member]') ||
      !!document.querySelector('[data-testid=team-status][data-problem]:not([data-problem=""])'),
    null,
    60_000,
  );
  return options;
}

/** Joins each browser to the team of `couch` as `MEMBERS[i]` (Rana, Omar); fails if one is refused. */
async function joinAsMembers(couch: CouchServer, browsers: readonly TestBrowser[]): Promise<void> {
  for (const [i, browser] of browsers.entries()) {
    const member = MEMBERS[i]!;
    const options = await joinTeam(browser, {
      url: couch.database,
      user: member.user,
      password: member.password,
      name: member.name,
    });
    const joined = await options.text('[data-testid=team-member]').catch(() => null);
    await options.close();
    if (!joined) throw new Error(`${member.name} could not join the team`);
  }
}

/** Two members' browsers (Rana's, Omar's) in the team of a pouchdb-server of their own. */
export interface TeamOfTwo {
  couch: CouchServer;
  rana: TestBrowser;
  omar: TestBrowser;
  /** Closes both browsers and the server. */
  close(): Promise<void>;
}

/** Starts a server, launches two fresh profiles with `launch` and joins them to its team. */
export async function startTeamOfTwo(launch: () => Promise<TestBrowser>): Promise<TeamOfTwo> {
  const couch = await startCouchServer();
  const rana = await launch();
  const omar = await launch();
  await joinAsMembers(couch, [rana, omar]);
  return {
    couch,
    rana,
    omar,
    async close() {
      await rana.close();
      await omar.close();
      await couch.close();
    },
  };
}

/** Sends one of the background's messages from an extension page, as Rasid's pages do. */
export async function ask<T>(extensionPage: TestPage, type: string, payload: unknown): Promise<T> {
  const reply = await extensionPage.evaluate(
    async ({ type, payload }) => {
      type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      return (globalThis as unknown as { browser: Runtime }).browser.runtime.sendMessage({
        type,
        payload,
      }) as Promise<{ ok: true; value: unknown } | { ok: false; error: string }>;
    },
    { type, payload },
  );
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.value as T;
}

export const teamState = (extensionPage: TestPage) => ask<TeamState>(extensionPage, 'team/state', {});

/**
 * Edits an annotation's note from an extension page (the panel's route), on the version stored now. A
 * save refused as stale (the team's replication wrote the row meanwhile) is tried again on the newer
 * version, as a reader shown the newer one would.
 */
export async function editNote(extensionPage: TestPage, id: string, note: string): Promise<AnnotationRow> {
  for (let attempt = 0; ; attempt++) {
    const row = (await readStore<AnnotationRow>(extensionPage, 'annotations')).find((a) => a.id === id);
    if (!row) throw new Error(`no annotation ${id}`);
    const draft: AnnotationDraft = {
      id,
      selector: row.target.selector,
      body: { ...row.body, note },
      base: row.modified,
    };
    const reply = await ask<{ saved?: AnnotationRow }>(extensionPage, 'annotation/save', {
      draft,
      url: row.target.source,
      canonical: null,
    });
    if (reply.saved) return reply.saved;
    if (attempt === 5) throw new Error('the edit was refused as stale five times');
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Waits until `check` answers something truthy, on a busy machine. */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
