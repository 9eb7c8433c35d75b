import { normalize } from '../arabic/normalize.ts';

/**
 * How `normalize` folds each UTF-16 unit on its own, as tables: what the seed scan
 * (`seed-candidates.ts`) reads so that it can fold a whole page in one cheap pass without building
 * the folded text and its offset map (folding 1 MB with `normalize` costs ~40 ms; the scan, a few).
 *
 * The tables are derived from `normalize` itself, not a second copy of its rules: every unit that
 * may fold to something else is folded once, between two Latin letters (so no obfuscation run is
 * recognised), and what came out is recorded. What the tables miss — obfuscation runs («ـ.ـ»),
 * which depend on neighbours — only costs the scan a seed: candidates are verified on text folded
 * by `normalize`.
 */

/** `unit[c]`: the one unit `c` folds to; or DELETED, or EXPANDED (see `expansions`). */
export interface FoldUnits {
  unit: Uint16Array;
  kind: Uint8Array;
  expansions: Map<number, Uint16Array>;
}

export const ONE = 0;
export const DELETED = 1;
export const EXPANDED = 2;

/**
 * The units `normalize` may change (see its rules): Latin, Greek, Cyrillic and marks, Arabic and
 * its supplements, spaces and invisible controls, Arabic presentation forms. Any other unit folds to
 * itself there, as here. (U+FFFE and U+FFFF, noncharacters a page may hold, are deleted.)
 */
const RANGES: readonly [number, number][] = [
  [0x0000, 0x08ff],
  [0x1680, 0x1680],
  [0x2000, 0x206f],
  [0x3000, 0x3000],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfeff],
  [0xfffe, 0xffff],
];

let tables: FoldUnits | null = null;

export function foldUnits(): FoldUnits {
  if (tables) return tables;
  const unit = new Uint16Array(0x10000);
  const kind = new Uint8Array(0x10000);
  const expansions = new Map<number, Uint16Array>();
  for (let c = 0; c < 0x10000; c++) unit[c] = c;

  // 'a' c 'a' c' …: each unit of interest after a Latin letter; `starts` says which folded units it gave.
  const probe: number[] = [];
  for (const [from, to] of RANGES) for (let c = from; c <= to; c++) probe.push(0x61, c);
  const src = String.fromCharCode(...probe);
  const folded = normalize(src);
  const out = new Map<number, number[]>();
  for (let i = 0; i < folded.codes.length; i++) {
    const from = folded.starts[i]!;
    if (from % 2 === 0) continue; // a separating 'a'
    const units = out.get(from) ?? [];
    units.push(folded.codes[i]!);
    out.set(from, units);
  }
  for (let i = 1; i < src.length; i += 2) {
    const c = src.charCodeAt(i);
    const units = out.get(i);
    if (!units) kind[c] = DELETED;
    else if (units.length === 1) unit[c] = units[0]!;
    else {
      kind[c] = EXPANDED;
      expansions.set(c, Uint16Array.from(units));
    }
  }
  tables = { unit, kind, expansions };
  return tables;
}
