import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlArticleText } from '../lib/article/read-document.ts';

const SEED = 'tests/fixtures/seeds/000_848d51e5e84e87d4.txt';
const PAGE = 'tests/fixtures/pages/baladi-isis-south-syria/source.html';

// Each test spawns Node: generous timeouts for a loaded 2-core machine.
const SLOW = 30_000;

function cli(...args: string[]) {
  const { stdout, stderr, status } = spawnSync(process.execPath, ['scripts/spot.ts', ...args], {
    encoding: 'utf8',
  });
  return { stdout, stderr, status };
}

interface Line {
  file: string;
  start: number;
  end: number;
  text: string;
  entity: string;
  type: string;
  name?: string;
  tier: 'known' | 'suggested';
  kind?: string;
  key?: string;
}
const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);

describe('npm run spot', () => {
  it(
    'prints one JSON object per mention with exactly the documented fields',
    () => {
      const out = lines(cli('--json', SEED).stdout);
      expect(out.length).toBeGreaterThan(50);
      for (const line of out)
        expect(Object.keys(line).sort()).toEqual([
          'end',
          'entity',
          'file',
          'name',
          'start',
          'text',
          'tier',
          'type',
        ]);
      expect(out.every((l) => l.tier === 'known')).toBe(true);
      expect(out.map((l) => l.entity)).toContain('sdf');
    },
    SLOW,
  );

  it(
    'gives UTF-16 offsets into the .txt file’s own text',
    () => {
      const text = readFileSync(SEED, 'utf8');
      for (const { start, end, text: mention } of lines(cli('--json', SEED).stdout))
        expect(text.slice(start, end)).toBe(mention);
    },
    SLOW,
  );

  it(
    'spots the article of an .html file, with offsets into the article text',
    () => {
      const text = htmlArticleText(readFileSync(PAGE, 'utf8'));
      const out = lines(cli('--json', PAGE).stdout);
      expect(out.length).toBeGreaterThan(30);
      for (const { start, end, text: mention } of out) expect(text.slice(start, end)).toBe(mention);
      // The related-articles sidebar names حزب الله; the article does not.
      expect(out.map((l) => l.entity)).not.toContain('hezbollah');
    },
    SLOW,
  );

  it(
    'summarises each file: entities with type, count and a first snippet',
    () => {
      const { stdout } = cli(SEED);
      expect(stdout).toMatch(
        /^tests\/fixtures\/seeds\/000_848d51e5e84e87d4\.txt: \d+ actors, \d+ places, \d+ mentions$/mu,
      );
      expect(stdout).toMatch(
        /actor\/armed-group\s+4×\s+قوات سوريا الديمقراطية \(Syrian Democratic Forces\)/u,
      );
      expect(stdout).toContain('[قوات سوريا الديمقراطية]');
    },
    SLOW,
  );

  it(
    'reports each unreadable file on one line and goes on with the others',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'rasid-cli-'));
      const latin1 = join(dir, 'windows-1256.txt');
      writeFileSync(latin1, Buffer.from([0xc8, 0xd4, 0xc7, 0xd1, 0x20, 0xc7, 0xe1, 0xc3, 0xd3, 0xcf])); // «بشار الأسد» in cp1256
      const { stdout, stderr, status } = cli('--json', join(dir, 'missing.txt'), latin1, dir, SEED);
      expect(stderr.trim().split('\n')).toEqual([
        `spot: ${join(dir, 'missing.txt')}: no such file`,
        `spot: ${latin1}: unreadable encoding: not UTF-8 (save it as UTF-8)`,
        `spot: ${dir}: is a directory`,
      ]);
      expect(lines(stdout).every((l) => l.file === SEED)).toBe(true);
      expect(lines(stdout).length).toBeGreaterThan(50);
      expect(status).toBe(1);
    },
    SLOW,
  );

  it(
    'reads UTF-16 files that carry a byte-order mark',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'rasid-cli-'));
      const file = join(dir, 'utf16.txt');
      writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('قصف في دمشق', 'utf16le')]));
      expect(
        lines(execFileSync(process.execPath, ['scripts/spot.ts', '--json', file], { encoding: 'utf8' })),
      ).toEqual([
        {
          file,
          start: 7,
          end: 11,
          text: 'دمشق',
          entity: 'damascus',
          type: 'place',
          name: 'دمشق',
          tier: 'known',
        },
      ]);
    },
    SLOW,
  );

  it(
    'explains its usage when given no file',
    () => {
      const { stderr, status } = cli();
      expect(stderr).toMatch(/usage: npm run spot -- \[--json\] \[--suggest\] FILE/u);
      expect(status).toBe(2);
    },
    SLOW,
  );

  it(
    'prints its usage on --help and exits 0',
    () => {
      const { stdout, status } = cli('--help');
      expect(stdout).toMatch(/^usage: npm run spot/u);
      expect(stdout).toMatch(/exit status: 0 ok, 1 some file could not be read, 2 usage error/u);
      expect(status).toBe(0);
    },
    SLOW,
  );

  it(
    'refuses an unknown option in one line and the usage, without a stack trace',
    () => {
      const { stderr, status } = cli('--jsno', SEED);
      expect(stderr.split('\n')[0]).toBe('spot: unknown option --jsno');
      expect(stderr).toMatch(/usage: npm run spot/u);
      expect(stderr).not.toMatch(/\bat .*:\d+:\d+/u);
      expect(status).toBe(2);
    },
    SLOW,
  );

  it(
    'never prints control characters or bidi overrides from a file',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'rasid-cli-'));
      const file = join(dir, 'hostile\u001b[2J.txt');
      writeFileSync(file, 'قصف في دمشق \u001b]0;owned\u0007 \u009b31m \u202eتحذير\u202c');
      for (const args of [[file], ['--json', file]]) {
        const { stdout } = cli(...args);
        // eslint-disable-next-line no-control-regex -- the test looks for raw control characters
        expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
      }
      const [line] = lines(cli('--json', file).stdout);
      expect(line!.file).toBe(file); // JSON escapes still parse back to the same text
    },
    SLOW,
  );

  it(
    'with --suggest, adds the names it does not know as a tier apart',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'rasid-cli-'));
      const file = join(dir, 'village.txt');
      // كفرمرزيتا is made up: no lexicon knows it.
      const text = 'قصف الطيران في بلدة كفرمرزيتا بريف حماة';
      writeFileSync(file, text);
      const out = lines(cli('--json', '--suggest', file).stdout);
      expect(out.filter((l) => l.tier === 'known').map((l) => l.text)).toContain('حماة');
      const suggested = out.filter((l) => l.tier === 'suggested');
      expect(suggested).toEqual([
        {
          file,
          start: 20,
          end: 29,
          text: 'كفرمرزيتا',
          type: 'place',
          kind: 'place',
          key: 'كفرمرزيتا',
          tier: 'suggested',
        },
      ]);
      expect(text.slice(20, 29)).toBe('كفرمرزيتا');
      const human = cli('--suggest', file).stdout;
      expect(human).toMatch(
        /names Rasid does not know yet \(suggested\): 1\n\s+place\/place\?\s+1×\s+كفرمرزيتا/u,
      );
    },
    SLOW,
  );
});
