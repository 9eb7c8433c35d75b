import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlArticleText } from '../lib/lexicon/read-document.ts';

const SEED = 'tests/fixtures/seeds/000_848d51e5e84e87d4.txt';
const PAGE = 'tests/fixtures/pages/baladi-isis-south-syria/source.html';

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
  name: string;
}
const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);

describe('npm run spot', () => {
  it('prints one JSON object per mention with exactly the documented fields', () => {
    const out = lines(cli('--json', SEED).stdout);
    expect(out.length).toBeGreaterThan(50);
    for (const line of out)
      expect(Object.keys(line).sort()).toEqual(['end', 'entity', 'file', 'name', 'start', 'text', 'type']);
    expect(out.map((l) => l.entity)).toContain('sdf');
  });

  it('gives UTF-16 offsets into the .txt file’s own text', () => {
    const text = readFileSync(SEED, 'utf8');
    for (const { start, end, text: mention } of lines(cli('--json', SEED).stdout))
      expect(text.slice(start, end)).toBe(mention);
  });

  it('spots the article of an .html file, with offsets into the article text', () => {
    const text = htmlArticleText(readFileSync(PAGE, 'utf8'));
    const out = lines(cli('--json', PAGE).stdout);
    expect(out.length).toBeGreaterThan(30);
    for (const { start, end, text: mention } of out) expect(text.slice(start, end)).toBe(mention);
    // The related-articles sidebar names حزب الله; the article does not.
    expect(out.map((l) => l.entity)).not.toContain('hezbollah');
  });

  it('summarises each file: entities with type, count and a first snippet', () => {
    const { stdout } = cli(SEED);
    expect(stdout).toMatch(
      /^tests\/fixtures\/seeds\/000_848d51e5e84e87d4\.txt: \d+ actors, \d+ places, \d+ mentions$/mu,
    );
    expect(stdout).toMatch(/actor\/armed-group\s+4×\s+قوات سوريا الديمقراطية \(Syrian Democratic Forces\)/u);
    expect(stdout).toContain('[قوات سوريا الديمقراطية]');
  });

  it('reports each unreadable file on one line and goes on with the others', () => {
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
  });

  it('reads UTF-16 files that carry a byte-order mark', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasid-cli-'));
    const file = join(dir, 'utf16.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('قصف في دمشق', 'utf16le')]));
    expect(
      lines(execFileSync(process.execPath, ['scripts/spot.ts', '--json', file], { encoding: 'utf8' })),
    ).toEqual([{ file, start: 7, end: 11, text: 'دمشق', entity: 'damascus', type: 'place', name: 'دمشق' }]);
  });

  it('explains its usage when given no file', () => {
    const { stderr, status } = cli();
    expect(stderr).toMatch(/usage: npm run spot -- \[--json\] FILE/u);
    expect(status).toBe(2);
  });
});
