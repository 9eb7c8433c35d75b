import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);
const SHARED = new URL('../shared/data/', ROOT);

/** entities.json is made, not edited: `npm run lexicon:build` from lib/lexicon/data and ../shared/data. */
describe.skipIf(!existsSync(SHARED))('scripts/build-lexicon.ts', () => {
  it('makes entities.json again from its sources, byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasid-lexicon-'));
    try {
      const out = join(dir, 'entities.json');
      execFileSync(process.execPath, ['scripts/build-lexicon.ts'], {
        cwd: ROOT,
        env: { ...process.env, RASID_LEXICON_OUT: out },
        stdio: 'pipe',
      });
      expect(
        readFileSync(out, 'utf8') === readFileSync(new URL('lib/lexicon/entities.json', ROOT), 'utf8'),
      ).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
