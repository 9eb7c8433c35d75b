import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.tsx', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Pure logic runs in Node; files that need a DOM say `@vitest-environment happy-dom`.
    environment: 'node',
    reporters: ['default', 'json'],
    // The team sync test (lib/background/team-sync.test.ts) stops its CouchDB server under PouchDB's
    // open requests, as a server going away does; a request cut so may reject where PouchDB's http
    // adapter does not listen (undici: "fetch failed", the socket reset or closed). Those alone are
    // let through; any other unhandled error still fails the run.
    onUnhandledError(error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      const cut =
        error.message === 'fetch failed' && ['ECONNRESET', 'UND_ERR_SOCKET'].includes(cause?.code ?? '');
      return !cut;
    },
    outputFile: { json: 'artifacts/vitest.json' },
  },
});
