/**
 * `npm test`: the whole gate, in order — format check, lint, layering (dependency-cruiser), strict typecheck, build for both
 * browsers, unit tests (vitest), browser tests (Chromium and Firefox). Every step runs even when an
 * earlier one failed, so one run reports everything. Each static step counts as one test; the last
 * line is `N passed, N failed` over every test that ran, unit and browser alike.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

interface Counts {
  passed: number;
  failed: number;
}

const bin = (name: string) => `node_modules/.bin/${name}`;
const total: Counts = { passed: 0, failed: 0 };
const lines: string[] = [];

function run(command: string, args: string[]): boolean {
  console.log(`\n── ${[command, ...args].join(' ')}`);
  const { status, error } = spawnSync(command, args, { stdio: 'inherit' });
  if (error) console.error(error.message);
  return status === 0;
}

function step(name: string, ...commands: [string, string[]][]): boolean {
  const passed = commands.every(([command, args]) => run(command, args));
  total[passed ? 'passed' : 'failed']++;
  lines.push(`${passed ? '✔' : '✖'} ${name}`);
  return passed;
}

/** Adds a runner's counts; a runner that crashed before writing them counts as one failure. */
function suite(name: string, exitedOk: boolean, counts: Counts | null): void {
  const c = counts ?? { passed: 0, failed: 1 };
  const failed = c.failed || (exitedOk ? 0 : 1);
  total.passed += c.passed;
  total.failed += failed;
  lines.push(`${failed ? '✖' : '✔'} ${name}: ${c.passed} passed, ${failed} failed`);
}

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

rmSync('artifacts/vitest.json', { force: true });
rmSync('artifacts/e2e.json', { force: true });

step('format (prettier --check)', [bin('prettier'), ['--check', '.']]);
step('lint (eslint, incl. no-unsanitized)', [bin('eslint'), ['--max-warnings', '0', '.']]);
step('layers (dependency-cruiser: no cycles, no wrong import)', [
  bin('depcruise'),
  ['lib', 'components', 'entrypoints', 'scripts', 'bench', '--config', '.dependency-cruiser.cjs'],
]);
step('typecheck (tsc --strict, sources and tests)', [bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']]);
const built = step(
  'build (chrome-mv3, firefox-mv2)',
  [bin('wxt'), ['build']],
  [bin('wxt'), ['build', '-b', 'firefox']],
  [process.execPath, ['scripts/check-bundle.ts', '.output/chrome-mv3', '.output/firefox-mv2']],
);

const unitOk = run(bin('vitest'), ['run']);
const unit = readJson<{ numPassedTests: number; numFailedTests: number }>('artifacts/vitest.json');
suite('unit tests (vitest)', unitOk, unit && { passed: unit.numPassedTests, failed: unit.numFailedTests });

if (built) {
  const e2eOk = run(process.execPath, ['scripts/run-e2e.ts']);
  suite('browser tests (Chromium, Firefox)', e2eOk, readJson<Counts>('artifacts/e2e.json'));
} else {
  suite('browser tests (Chromium, Firefox): not run, the build failed', false, null);
}

console.log(`\n${lines.join('\n')}\n`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed ? 1 : 0);
