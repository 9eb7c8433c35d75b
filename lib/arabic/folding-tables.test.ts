import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { foldingTables, normalize, type FoldingTables } from './normalize.ts';

/** Every UTF-16 unit, alone and inside an Arabic word with an obfuscation run. */
const units = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c));
const SAMPLE = [units.join(' '), ...units.filter((_, c) => c % 5 === 0).map((u) => `ب${u}ـ.ـت`)].join('\n');

/** `normalize(SAMPLE)` in a fresh process that loads `tables` before anything builds them. */
function foldedElsewhere(tables: FoldingTables): unknown {
  const script = `
    import { loadFoldingTables, normalize } from './lib/arabic/normalize.ts';
    import { readFileSync } from 'node:fs';
    const { tables, sample } = JSON.parse(readFileSync(0, 'utf8'));
    loadFoldingTables(tables);
    const f = normalize(sample);
    process.stdout.write(JSON.stringify([Array.from(f.codes), Array.from(f.words), Array.from(f.starts)]));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    input: JSON.stringify({ tables, sample: SAMPLE }),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout);
}

describe('the folding tables as data (made at build time, issue #16)', () => {
  it('fold every UTF-16 unit as the tables built at run time do', () => {
    const f = normalize(SAMPLE);
    const here = [Array.from(f.codes), Array.from(f.words), Array.from(f.starts)];
    const tables = foldingTables();
    expect(foldedElsewhere(tables)).toEqual(here);
    // And the data is what folds there: tables with ب folded to ت fold otherwise.
    const changed = { ...tables, fold: [...tables.fold, 0x0628, 0x062a] };
    expect(foldedElsewhere(changed)).not.toEqual(here);
  }, 60_000);

  it('are small: what differs from identity', () => {
    const tables = foldingTables();
    expect(tables.fold.length / 2).toBeLessThan(5000);
    expect(tables.expansions.length).toBeGreaterThan(100);
  });
});

describe('the folding tables on a page', () => {
  it('are not built by loading the reader: it takes the shipped ones when they come (issue #16)', () => {
    // Tables made to fold ب to A: taken only if nothing built the real ones while the modules loaded.
    const script = `
      await import('./lib/session/reader-session.ts');
      const { loadFoldingTables, normalize } = await import('./lib/arabic/normalize.ts');
      loadFoldingTables({ fold: [0x0628, 0x41], run: [], word: [], expansions: [] });
      process.stdout.write(normalize('ب').text);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.stdout).toBe('A');
  }, 60_000);
});
