/**
 * Runs the browser tests (e2e/*.test.ts) against the built extension, one file at a time (two
 * browsers on two cores are enough), with a readable report on stdout and counts in artifacts/e2e.json.
 * Build first: `npm run build:all`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';

for (const dir of ['.output/chrome-mv3', '.output/firefox-mv2']) {
  if (!existsSync(dir)) {
    console.error(`${dir} is missing: run \`npm run build:all\` first.`);
    process.exit(1);
  }
}
mkdirSync('artifacts', { recursive: true });
const files = process.argv.slice(2);
const { status } = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-concurrency=1',
    // A test that hangs (a browser that never answers) fails after two minutes instead of holding the gate.
    '--test-timeout=120000',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./e2e/support/count-reporter.ts',
    '--test-reporter-destination=artifacts/e2e.json',
    ...(files.length ? files : ['e2e/**/*.test.ts']),
  ],
  { stdio: 'inherit' },
);
process.exit(status ?? 1);
