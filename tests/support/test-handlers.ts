import type { RasidDB } from '../../lib/db/schema.ts';
import { createHandlers, type HandlerDeps, type Handlers } from '../../lib/background/handlers.ts';
import { memoryTrash } from '../../lib/background/trash.ts';

/** The background's handlers on a test database: quiet fakes for the browser, any of them overridden. */
export function testHandlers(db: RasidDB, deps: Partial<HandlerDeps> = {}): Handlers {
  return createHandlers({
    db,
    tabUrl: async () => undefined,
    now: () => 1_000,
    version: '0.1.0',
    changed: () => undefined,
    broadcast: () => undefined,
    setBadge: () => undefined,
    loadReader: async () => undefined,
    trash: memoryTrash(),
    ...deps,
  });
}
