// PouchDB ships no types of its own; Rasid types the part it uses (lib/background/pouch.ts).
declare module 'pouchdb-browser' {
  import type { PouchDatabase } from './background/pouch.ts';
  interface PouchStatic {
    new (name: string, options?: Record<string, unknown>): PouchDatabase;
    fetch(url: string | Request, init?: RequestInit): Promise<Response>;
    plugin(plugin: unknown): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
