/**
 * Arabic folding with a map back to the original text.
 *
 * Matching compares folded text; what Rasid reports and highlights are offsets into the original,
 * so every folded UTF-16 unit remembers which original units it came from (`starts[i]`).
 * The rules, one table row each in `normalize.test.ts`:
 * - deleted: harakat and Quranic marks, superscript alef, tatweel, zero-width and bidi controls,
 *   soft hyphens, combining marks;
 * - obfuscation runs inside a word are deleted: «الميليشـ.ـيات», «هجـ.ـمـ.ـاته» (a run of tatweel and
 *   . · • * _ - between two Arabic letters that holds a tatweel; with a space inside only when the
 *   run starts and ends with tatweel, «ـ ـ»); «د.محمد» (no tatweel) is left alone;
 * - أ إ آ ٱ → ا; ى ی → ي; ة ە ۀ ھ → ه; ؤ ئ ء → ء (hamza seats vary: مسؤول = مسئول);
 *   Persian and Urdu letters ک گ → ك, پ → ب, ڤ → ف, ڨ → ق, چ → ج, ژ → ز;
 * - Arabic-Indic and Persian digits → 0-9; Latin to lower case without accents;
 * - presentation forms and ligatures (ﻻ, ﷲ) → their letters (NFKC);
 * - any run of whitespace (incl. no-break and thin spaces, line breaks) → one space.
 */

export interface Folded {
  /** The folded text. */
  text: string;
  /** The same, as UTF-16 codes: what the matcher walks. */
  codes: Uint16Array;
  /**
   * Words of the folded text (runs of letters and digits): word `w` is `[words[2w], words[2w + 1])`.
   * Recorded while folding, so that the matcher need not scan the text again to find them.
   */
  words: Uint32Array;
  /**
   * `wordHashes[w]`: `wordHash` of word `w`'s units, made while folding, so that a matcher can tell
   * the words no name begins with without reading them again (lib/lexicon/spot.ts).
   */
  wordHashes: Int32Array;
  /**
   * `starts[i]`: offset in the original of the unit folded into `text[i]`. Every folded unit comes
   * from one original unit (a ligature's letters share theirs; a surrogate pair's two units share
   * the pair's), so a folded span `[s, e)` is the original `[starts[s], starts[e - 1] + 1)`.
   * Made when first read, from `runAt` and `runDrift`; `startOf` reads one without making them all.
   */
  readonly starts: Uint32Array;
  /**
   * The map back as runs: from folded unit `runAt[r]` on (until `runAt[r + 1]`), a unit's original
   * offset is its own plus `runDrift[r]`. Folding mostly copies, so a text has few runs (one more per
   * deleted mark, collapsed space, ligature): recording them instead of an offset per unit spared a
   * write per unit and an array of four bytes per unit (issue #16).
   */
  runAt: Int32Array;
  runDrift: Int32Array;
}

/** `folded.starts[i]`, without making `starts`. */
export function startOf({ runAt, runDrift }: Folded, i: number): number {
  let lo = 0;
  let hi = runAt.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runAt[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return i + runDrift[lo]!;
}

/**
 * The hash of a run of folded units, Horner's rule modulo 2³²: `H(c₀…cₖ) = H(c₀…cₖ₋₁)·B + cₖ`,
 * `H('') = 0`. A word's tails behind clitics and its forms behind a letter follow from it with powers
 * of `B` (lib/lexicon/spot.ts); the trie's first words are hashed alike (walk-trie.ts).
 */
export const WORD_HASH_BASE = 0x01000193;
export function wordHash(codes: ArrayLike<number>, b: number, e: number): number {
  let h = 0;
  for (let i = b; i < e; i++) h = (Math.imul(h, WORD_HASH_BASE) + codes[i]!) | 0;
  return h;
}

const DELETE = 0;
const SPACE = 0xffff;
const EXPAND = 0xfffe;
const TATWEEL = 0x0640;

// The tables are built on first use, not when the module loads: the content script is loaded on
// every page, and on a page that is not Arabic it must cost nothing.
/** How each UTF-16 unit folds: to one unit, to nothing (DELETE), to a space, or to several (EXPAND). */
let FOLD: Uint16Array = new Uint16Array(0);
const EXPANSIONS = new Map<number, string>();
/** Units that may form an obfuscation run: 1 tatweel, 2 separator, 3 space, 4 ignorable. */
let RUN: Uint8Array = new Uint8Array(0);
/** Units that are part of words after folding: letters and digits. */
let WORD: Uint8Array = new Uint8Array(0);
/**
 * The three tables in one read for the common case (issue #16): `FAST[c]` is `FOLD[c]`, plus
 * `IN_WORD` when that is a word unit, or `SLOW` when `c` needs more than a copy (deleted, a space,
 * expanded, part of an obfuscation run, a surrogate).
 */
let FAST: Uint32Array = new Uint32Array(0);
const IN_WORD = 0x10000;
const SLOW = 0x20000;

function buildFast(): void {
  FAST = new Uint32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = FOLD[c]!;
    const slow = f === DELETE || f >= EXPAND || RUN[c] || (c >= 0xd800 && c <= 0xdbff);
    FAST[c] = slow ? SLOW : f | (WORD[f] ? IN_WORD : 0);
  }
}

/** The table of word units (letters and digits, after folding), built on first use. */
export function wordTable(): Uint8Array {
  ensureTables();
  return WORD;
}

function ensureTables(): void {
  if (FOLD.length) return;
  FOLD = new Uint16Array(0x10000);
  RUN = new Uint8Array(0x10000);
  WORD = new Uint8Array(0x10000);
  buildTables();
  buildFast();
}

/**
 * The folding tables as compact data (issue #16): what differs from identity in `FOLD`, the other
 * tables' non-zero entries, the expansions. Made at build time and shipped with the lexicon
 * (lib/lexicon/shipped-lexicon.ts): building them takes a page tens of milliseconds (Unicode
 * normalisation of two thousand characters, a regular expression over as many), loading them a few
 * typed-array writes.
 */
export interface FoldingTables {
  /** `[code, folded, …]` for every unit that does not fold to itself. */
  fold: number[];
  /** `[code, kind, …]`: the units of obfuscation runs. */
  run: number[];
  /** `[from, to, …]`: inclusive ranges of word units. */
  word: number[];
  /** `[code, letters]` of the units that fold to several. */
  expansions: [number, string][];
}

export function foldingTables(): FoldingTables {
  ensureTables();
  const fold: number[] = [];
  const run: number[] = [];
  const word: number[] = [];
  for (let c = 0; c < 0x10000; c++) {
    if (FOLD[c] !== c) fold.push(c, FOLD[c]!);
    if (RUN[c]) run.push(c, RUN[c]!);
    if (WORD[c] && !WORD[c - 1]) word.push(c);
    if (WORD[c] && !WORD[c + 1]) word.push(c);
  }
  return { fold, run, word, expansions: [...EXPANSIONS] };
}

/** Takes tables made by `foldingTables` (at build time) instead of building them; no-op once built. */
export function loadFoldingTables(tables: FoldingTables): void {
  if (FOLD.length) return;
  const fold = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) fold[c] = c;
  for (let i = 0; i < tables.fold.length; i += 2) fold[tables.fold[i]!] = tables.fold[i + 1]!;
  const run = new Uint8Array(0x10000);
  for (let i = 0; i < tables.run.length; i += 2) run[tables.run[i]!] = tables.run[i + 1]!;
  const word = new Uint8Array(0x10000);
  for (let i = 0; i < tables.word.length; i += 2) word.fill(1, tables.word[i]!, tables.word[i + 1]! + 1);
  for (const [code, letters] of tables.expansions) EXPANSIONS.set(code, letters);
  FOLD = fold;
  RUN = run;
  WORD = word;
  buildFast();
}

const range = (from: number, to: number, f: (c: number) => void) => {
  for (let c = from; c <= to; c++) f(c);
};
const set = (chars: string, to: number) => {
  for (const ch of chars) FOLD[ch.charCodeAt(0)] = to;
};

function buildTables(): void {
  for (let c = 0; c < 0x10000; c++) FOLD[c] = c;
  // Latin, Greek, Cyrillic: lower case, accents dropped, where that stays one unit.
  range(0x41, 0x5a, (c) => (FOLD[c] = c + 32));
  range(0xc0, 0x52f, (c) => {
    const base = String.fromCharCode(c).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (base.length === 1) FOLD[c] = base.charCodeAt(0);
  });
  // Deleted: marks and invisible controls.
  const ignorable = (c: number) => ((FOLD[c] = DELETE), (RUN[c] = 4));
  range(0x0300, 0x036f, ignorable);
  range(0x0610, 0x061a, ignorable);
  range(0x064b, 0x065f, ignorable);
  ignorable(0x0670);
  range(0x06d6, 0x06dc, ignorable);
  range(0x06df, 0x06e8, ignorable);
  range(0x06ea, 0x06ed, ignorable);
  range(0x08d3, 0x08ff, (c) => c !== 0x08e2 && ignorable(c));
  range(0x200b, 0x200f, ignorable);
  range(0x202a, 0x202e, ignorable);
  range(0x2060, 0x2064, ignorable);
  range(0x2066, 0x2069, ignorable);
  [0x00ad, 0x034f, 0x061c, 0xfeff].forEach(ignorable);
  // Noncharacters, which a page may still hold: deleted. Their own values are the EXPAND and SPACE
  // markers, so that left as themselves U+FFFE threw and U+FFFF was read as a space (issue #16).
  FOLD[0xfffe] = DELETE;
  FOLD[0xffff] = DELETE;
  FOLD[TATWEEL] = DELETE;
  RUN[TATWEEL] = 1;
  for (const ch of '.·•*_-‐‑') RUN[ch.charCodeAt(0)] = 2;
  // Letters whose written form varies.
  set('أإآٱٲٳٵ', 0x0627); // ا
  set('ىیېۍ', 0x064a); // ي
  set('ةەۀھہ', 0x0647); // ه
  set('ؤئٶٸ', 0x0621); // ء
  set('کگڪ', 0x0643); // ك
  set('پ', 0x0628);
  set('ڤ', 0x0641);
  set('ڨ', 0x0642);
  set('چ', 0x062c);
  set('ژ', 0x0632);
  range(0x0660, 0x0669, (c) => (FOLD[c] = c - 0x0660 + 0x30));
  range(0x06f0, 0x06f9, (c) => (FOLD[c] = c - 0x06f0 + 0x30));
  // Presentation forms: NFKC, folded again; a ligature becomes several letters.
  const presentation = (c: number) => {
    const letters = [...String.fromCharCode(c).normalize('NFKC')]
      .map((ch) => FOLD[ch.charCodeAt(0)]!)
      .filter((f) => f !== DELETE && f !== SPACE && f !== 0x20);
    if (letters.length === 1) FOLD[c] = letters[0]!;
    else if (letters.length > 1) {
      FOLD[c] = EXPAND;
      EXPANSIONS.set(c, String.fromCharCode(...letters));
    }
  };
  range(0xfb50, 0xfdff, presentation);
  range(0xfe70, 0xfefe, presentation);
  // Whitespace.
  for (const ch of '\t\n\v\f\r \u0085\u00a0\u1680\u2028\u2029\u202f\u205f\u3000') {
    FOLD[ch.charCodeAt(0)] = SPACE;
    RUN[ch.charCodeAt(0)] = 3;
  }
  range(0x2000, 0x200a, (c) => ((FOLD[c] = SPACE), (RUN[c] = 3)));
  // Word units, after folding: letters and digits of the scripts Rasid reads.
  const letterOrDigit = /[\p{L}\p{N}]/u;
  const word = (c: number) => letterOrDigit.test(String.fromCharCode(c)) && (WORD[c] = 1);
  range(0x30, 0x39, word);
  range(0x41, 0x5a, word);
  range(0x61, 0x7a, word);
  range(0xaa, 0x52f, word);
  range(0x0621, 0x064a, word);
  range(0x066e, 0x06d3, word);
  range(0x06fa, 0x06ff, word);
  range(0x0750, 0x077f, word);
  range(0x08a0, 0x08c9, word);
}

/** Arabic letters, after folding. */
const isArabicLetter = (f: number) => (f >= 0x0621 && f <= 0x064a) || (f >= 0x066e && f <= 0x06d3);

/**
 * Is `src[i, j)` an obfuscation run, given Arabic letters right before `i` and at `j`?
 * It must hold a tatweel; a run with a space must start and end with tatweel (ignoring marks).
 */
function isObfuscation(src: string, i: number, j: number): boolean {
  let tatweel = false;
  let space = false;
  let first = 0;
  let last = 0;
  for (let k = i; k < j; k++) {
    const kind = RUN[src.charCodeAt(k)]!;
    if (kind === 4) continue;
    if (kind === 1) tatweel = true;
    if (kind === 3) space = true;
    if (!first) first = kind;
    last = kind;
  }
  return tatweel && (!space || (first === 1 && last === 1));
}

/** What folding has made so far, from one slice of the text to the next (`normalize`). */
interface Folding {
  out: Uint16Array;
  len: number;
  /** `Folded.runAt` and `runDrift`, `runs` of them. */
  runAt: Int32Array;
  runDrift: Int32Array;
  runs: number;
  /** Runs already examined and found innocent: not examined again. */
  checkedUntil: number;
  words: Uint32Array;
  wordCount: number;
  /** Where the current word began in `out`, -1 between words. */
  wordAt: number;
  /** The current word's `wordHash`, and the finished words'. */
  hash: number;
  hashes: Int32Array;
}

/**
 * Units folded per call of `foldSlice`. V8 compiles a function with its optimizing tier after a few
 * calls; a text folded in one call ran in code swapped in mid-loop, and in some processes stayed a third
 * slower (issue #16).
 */
const SLICE = 1 << 14;

/** Folds `src` (see the rules above) and maps every folded unit back to the original. */
export function normalize(src: string): Folded {
  ensureTables();
  const n = src.length;
  // Folding rarely lengthens text (only ligatures do): grow on demand instead of allocating twice.
  const state: Folding = {
    out: new Uint16Array(n + 16),
    len: 0,
    runAt: new Int32Array(64),
    runDrift: new Int32Array(64),
    runs: 1,
    checkedUntil: 0,
    words: new Uint32Array((n >> 1) + 16),
    wordCount: 0,
    wordAt: -1,
    hash: 0,
    hashes: new Int32Array((n >> 2) + 8),
  };
  for (let i = 0; i < n;) i = foldSlice(src, i, Math.min(n, i + SLICE), state);
  let { words, hashes, wordCount } = state;
  const { out, len, wordAt, hash, runs } = state;
  if (wordAt >= 0) {
    if (wordCount + 2 > words.length) [words, hashes] = growWords(words, hashes);
    hashes[wordCount >> 1] = hash;
    words[wordCount++] = wordAt;
    words[wordCount++] = len;
  }
  const codes = out.subarray(0, len);
  const runAt = state.runAt.subarray(0, runs);
  const runDrift = state.runDrift.subarray(0, runs);
  let starts: Uint32Array | undefined;
  // The string is built only when asked for: the matcher walks the codes.
  return {
    get text() {
      return UTF16.decode(codes);
    },
    codes,
    words: words.subarray(0, wordCount),
    wordHashes: hashes.subarray(0, wordCount >> 1),
    runAt,
    runDrift,
    get starts() {
      return (starts ??= startsOf(runAt, runDrift, len));
    },
  };
}

function startsOf(runAt: Int32Array, runDrift: Int32Array, len: number): Uint32Array {
  const starts = new Uint32Array(len);
  for (let r = 0; r < runAt.length; r++) {
    const to = r + 1 < runAt.length ? runAt[r + 1]! : len;
    for (let i = runAt[r]!; i < to; i++) starts[i] = i + runDrift[r]!;
  }
  return starts;
}

/**
 * From folded unit `at` on, the original is `drift` units further: a new run (`Folded.runAt`), or the
 * last one changed when no unit has been folded since it began.
 */
function setDrift(state: Folding, at: number, drift: number): number {
  let r = state.runs;
  if (state.runAt[r - 1] === at) r--;
  if (r > 0 && state.runDrift[r - 1] === drift) {
    state.runs = r;
  } else {
    if (r === state.runAt.length) {
      state.runAt = grow(state.runAt, r * 2);
      state.runDrift = grow(state.runDrift, r * 2);
    }
    state.runAt[r] = at;
    state.runDrift[r] = drift;
    state.runs = r + 1;
  }
  return drift;
}

/** The original offset of the last unit folded (`len - 1`), for the obfuscation checks. */
function lastStart(state: Folding, len: number): number {
  const r = state.runAt[state.runs - 1]! <= len - 1 ? state.runs - 1 : state.runs - 2;
  return len - 1 + state.runDrift[r]!;
}

/** Folds `src` from `i` until `end` or a little past it (a run dropped whole); returns where it stopped. */
function foldSlice(src: string, i: number, end: number, state: Folding): number {
  // Local names for the tables and the state: module bindings and properties are slower to read in a
  // hot loop.
  const FOLD_ = FOLD;
  const RUN_ = RUN;
  const WORD_ = WORD;
  const n = src.length;
  let { out, len, checkedUntil, words, wordCount, wordAt, hash, hashes } = state;
  /** The last run's drift: a copied unit keeps it. */
  let drift = state.runDrift[state.runs - 1]!;
  // Word bounds are inlined below rather than a closure: a closure over these would slow the loop
  // down twofold.
  const FAST_ = FAST;
  while (i < end) {
    const c = src.charCodeAt(i);
    const x = FAST_[c]!;
    // Most units are letters that fold to one letter: the fast path, one table read. Its word bounds
    // are written out again below, not shared with the other paths: a loop shaped to share them ran
    // a quarter slower (issue #16).
    if (x < SLOW) {
      if (x & IN_WORD) {
        if (wordAt < 0) {
          wordAt = len;
          hash = 0;
        }
        hash = (Math.imul(hash, WORD_HASH_BASE) + (x & 0xffff)) | 0;
      } else if (wordAt >= 0) {
        if (wordCount + 2 > words.length) [words, hashes] = growWords(words, hashes);
        hashes[wordCount >> 1] = hash;
        words[wordCount++] = wordAt;
        words[wordCount++] = len;
        wordAt = -1;
      }
      // A copy keeps the drift: nothing to record.
      out[len++] = x & 0xffff;
      i++;
      continue;
    }
    const f = FOLD_[c]!;
    if (f !== DELETE && f < EXPAND) {
      if (
        RUN_[c] &&
        i >= checkedUntil &&
        len > 0 &&
        followsLetter(src, out[len - 1]!, lastStart(state, len), i)
      ) {
        // A separator right after a letter: an obfuscation run («ـ.ـ») is dropped whole.
        const j = runEnd(src, i);
        if (j < n && isArabicLetter(FOLD_[src.charCodeAt(j)]!) && isObfuscation(src, i, j)) {
          i = j;
          drift = setDrift(state, len, i - len);
          continue;
        }
        checkedUntil = j;
      }
      if (WORD_[f]) {
        if (wordAt < 0) {
          wordAt = len;
          hash = 0;
        }
        hash = (Math.imul(hash, WORD_HASH_BASE) + f) | 0;
      } else if (wordAt >= 0) {
        if (wordCount + 2 > words.length) [words, hashes] = growWords(words, hashes);
        hashes[wordCount >> 1] = hash;
        words[wordCount++] = wordAt;
        words[wordCount++] = len;
        wordAt = -1;
      }
      out[len++] = f;
      // The low half of a surrogate pair is copied as it is, with the pair's offset.
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        drift = setDrift(state, len, i - len);
        out[len++] = src.charCodeAt(++i);
      }
      i++;
    } else if (f === SPACE) {
      if (wordAt >= 0) {
        if (wordCount + 2 > words.length) [words, hashes] = growWords(words, hashes);
        hashes[wordCount >> 1] = hash;
        words[wordCount++] = wordAt;
        words[wordCount++] = len;
        wordAt = -1;
      }
      if (len > 0 && out[len - 1] !== 0x20) out[len++] = 0x20;
      i++;
    } else if (f === DELETE) {
      if (
        c === TATWEEL &&
        i >= checkedUntil &&
        len > 0 &&
        followsLetter(src, out[len - 1]!, lastStart(state, len), i)
      ) {
        const j = runEnd(src, i);
        if (j < n && isArabicLetter(FOLD_[src.charCodeAt(j)]!) && isObfuscation(src, i, j)) {
          i = j;
          drift = setDrift(state, len, i - len);
          continue;
        }
        checkedUntil = j;
      }
      i++;
    } else {
      const letters = EXPANSIONS.get(c)!;
      if (len + letters.length + (n - i) > out.length) {
        out = grow(out, (len + letters.length + (n - i)) * 2);
      }
      // Every letter of an expansion is a word unit (a test checks).
      for (let k = 0; k < letters.length; k++) {
        if (wordAt < 0) {
          wordAt = len;
          hash = 0;
        }
        hash = (Math.imul(hash, WORD_HASH_BASE) + letters.charCodeAt(k)) | 0;
        // The letters share their ligature's offset.
        if (i - len !== drift) drift = setDrift(state, len, i - len);
        out[len++] = letters.charCodeAt(k);
      }
      i++;
    }
    // Whatever was not a copy may have changed the drift: the units folded next start a run.
    if (i - len !== drift) drift = setDrift(state, len, i - len);
  }
  state.out = out;
  state.len = len;
  state.checkedUntil = checkedUntil;
  state.words = words;
  state.wordCount = wordCount;
  state.wordAt = wordAt;
  state.hash = hash;
  state.hashes = hashes;
  return i;
}

/** Was the last unit emitted an Arabic letter, with nothing but marks between it and `i`? */
function followsLetter(src: string, last: number, lastAt: number, i: number): boolean {
  if (!isArabicLetter(last)) return false;
  for (let k = lastAt + 1; k < i; k++) if (RUN[src.charCodeAt(k)] !== 4) return false;
  return true;
}

/** End of the run of tatweel, separators, spaces and marks that starts at `i`. */
function runEnd(src: string, i: number): number {
  let j = i;
  while (j < src.length && RUN[src.charCodeAt(j)]) j++;
  return j;
}

const UTF16 = new TextDecoder('utf-16le');

function growWords<W extends Uint32Array, H extends Int32Array>(words: W, hashes: H): [W, H] {
  return [grow(words, words.length * 2), grow(hashes, words.length)];
}

function grow<T extends Uint16Array | Uint32Array | Int32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** The original `[start, end)` of the folded span `[s, e)`, its end taken over the marks on its last letter. */
export function originalSpan(src: string, folded: Folded, s: number, e: number): [number, number] {
  return [startOf(folded, s), endAfter(src, startOf(folded, e - 1))];
}

/** The end in the original of a span whose last folded unit came from original offset `last`. */
export function endAfter(src: string, last: number): number {
  let end = last + 1;
  if (end < src.length && (src.charCodeAt(end) & 0xfc00) === 0xdc00) end++;
  return endOverMarks(src, end);
}

/** The folded form of a short string (an alias, a search query), trimmed. */
export function fold(s: string): string {
  return normalize(s).text.trim();
}

/**
 * Extends a span's end in the original over the marks, tatweel and invisible controls that follow
 * its last letter: the harakat on a name's last letter belong to the name (دِمَشْقُ, not دِمَشْق).
 */
function endOverMarks(src: string, end: number): number {
  ensureTables();
  while (end < src.length && (RUN[src.charCodeAt(end)] === 4 || src.charCodeAt(end) === TATWEEL)) end++;
  return end;
}
