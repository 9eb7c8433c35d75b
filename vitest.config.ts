import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.tsx', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Pure logic runs in Node; files that need a DOM say `@vitest-environment happy-dom`.
    environment: 'node',
    reporters: ['default', 'json'],
    outputFile: { json: 'artifacts/vitest.json' },
  },
});
