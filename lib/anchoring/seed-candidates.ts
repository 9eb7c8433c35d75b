import { EXPANDED, foldUnits, ONE } from './fold-units.ts';

/**
 * Where in a page a changed quote may be: the filter half of "filter, then verify" (issue #12).
 *
 * Up to `MAX_PIECES` short pieces (q-grams) are sampled evenly from the folded quote. One pass over
 * the page folds it unit by unit (`fold-units.ts`) and, with a rolling hash, finds every place where
 * a piece occurs; each occurrence votes for the start of the quote it implies (its diagonal). The
 * passage the quote came from collects a vote from every piece its edits left intact (a 900-character
 * quote with 2% changed keeps about 45 of 64), anything else a few: the candidates are the diagonals
 * with most votes, nearest the old position first among equals.
 *
 * Cost: one pass over the page, O(n), with a hash probe per unit and at most `MAX_SAME_PIECE` votes
 * per unit, whatever the quote's length; then O(n / BUCKET) to rank. The pass can be run in slices
 * (`scan(until)`) so that a caller can yield to the page between them.
 */

/** Pieces sampled from the quote: enough to outvote noise, few enough to keep the table in cache. */
const MAX_PIECES = 64;
/** Votes one page unit may cast (a piece repeated in the quote votes for each of its places, up to this). */
const MAX_SAME_PIECE = 4;
/** Diagonals are counted in buckets of this many folded units; a candidate sums three neighbours. */
export const BUCKET = 64;
/** The scan records the page offset of every CHECKPOINT-th folded unit, to map candidates back. */
const CHECKPOINT = 32;
const BASE = 0x01000193;
/** The last folded units, in a ring of 16 (more than a gram). */
const RING_MASK = 15;

export interface Candidate {
  /** Estimated start of the quote, in the scan's folded units. */
  diagonal: number;
  votes: number;
}

export class SeedScan {
  readonly #text: string;
  readonly #gram: number;
  /** Folded quote units and the sampled pieces' offsets in it. */
  readonly #quote: Uint16Array;
  readonly #offsets: Int32Array;
  /** Open-addressing table: hash → first piece; `#next` chains pieces with the same hash. */
  readonly #keys: Int32Array;
  readonly #first: Int32Array;
  readonly #next: Int32Array;
  readonly #mask: number;
  readonly #outFactor: number;
  readonly #expectedAt: number;

  /** Raw offset reached, folded units emitted, rolling hash, the last `gram` folded units. */
  #at = 0;
  #folded = 0;
  #hash = 0;
  readonly #ring: Uint16Array;
  #lastWasSpace = true;
  #votes: Int32Array;
  #sums: Float64Array;
  #checkpoints: Uint32Array;
  #expectedFolded = -1;

  /**
   * @param text the page text, as written
   * @param quote the quote, folded by `normalize` and trimmed
   * @param expectedAt where the quote used to start in `text`, if known
   */
  constructor(text: string, quote: string, expectedAt?: number) {
    this.#text = text;
    const m = quote.length;
    // Short quotes get short pieces (a 12-character quote still has several); 8 units of folded Arabic
    // are rare enough in a page that chance occurrences stay few.
    const gram = Math.max(3, Math.min(8, Math.floor(m / 4)));
    this.#gram = Math.min(gram, m);
    this.#quote = Uint16Array.from(quote, (ch) => ch.charCodeAt(0));
    const pieces = Math.max(1, Math.min(MAX_PIECES, m - this.#gram + 1));
    this.#offsets = new Int32Array(pieces);
    for (let p = 0; p < pieces; p++)
      this.#offsets[p] = pieces === 1 ? 0 : Math.round((p * (m - this.#gram)) / (pieces - 1));

    let size = 16;
    while (size < pieces * 4) size *= 2;
    this.#mask = size - 1;
    this.#keys = new Int32Array(size);
    this.#first = new Int32Array(size).fill(-1);
    this.#next = new Int32Array(pieces).fill(-1);
    let outFactor = 1;
    for (let i = 0; i < this.#gram; i++) outFactor = Math.imul(outFactor, BASE);
    this.#outFactor = outFactor;
    const same = new Map<number, number>();
    for (let p = 0; p < pieces; p++) {
      let h = 0;
      for (let i = 0; i < this.#gram; i++) h = (Math.imul(h, BASE) + this.#quote[this.#offsets[p]! + i]!) | 0;
      if ((same.get(h) ?? 0) >= MAX_SAME_PIECE) continue;
      same.set(h, (same.get(h) ?? 0) + 1);
      let slot = mix(h) & this.#mask;
      while (this.#first[slot]! >= 0 && this.#keys[slot] !== h) slot = (slot + 1) & this.#mask;
      if (this.#first[slot]! >= 0) this.#next[p] = this.#first[slot]!;
      this.#keys[slot] = h;
      this.#first[slot] = p;
    }

    this.#ring = new Uint16Array(RING_MASK + 1);
    this.#votes = new Int32Array((text.length >> 6) + 4);
    this.#sums = new Float64Array(this.#votes.length);
    this.#checkpoints = new Uint32Array((text.length >> 5) + 2);
    this.#expectedAt = expectedAt ?? -1;
  }

  get done(): boolean {
    return this.#at >= this.#text.length;
  }

  /** How far into the page (raw offset) the scan has come. */
  get scanned(): number {
    return this.#at;
  }

  /** Folds and scans the page up to raw offset `until`. */
  scan(until: number): void {
    const from = this.#at;
    const end = Math.max(from, Math.min(until, this.#text.length));
    const expected = this.#expectedAt;
    if (expected >= from && expected < end) {
      this.#run(from, expected);
      this.#expectedFolded = this.#folded;
      this.#run(expected, end);
    } else this.#run(from, end);
    this.#at = end;
    if (this.done && expected >= this.#text.length) this.#expectedFolded = this.#folded;
  }

  /** The loop over page units, kept small and monomorphic: it runs once per unit of the page. */
  #run(from: number, to: number): void {
    const { unit, kind } = foldUnits();
    const text = this.#text;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      const k = kind[c]!;
      if (k === ONE) {
        const f = unit[c]!;
        if (f === 0x20) {
          if (this.#lastWasSpace) continue;
          this.#lastWasSpace = true;
        } else this.#lastWasSpace = false;
        this.#push(f, i);
      } else if (k === EXPANDED) this.#expand(c, i);
    }
  }

  /** A ligature's letters (rare: out of the loop above, which stays monomorphic). */
  #expand(c: number, at: number): void {
    for (const f of foldUnits().expansions.get(c)!) this.#push(f, at);
    this.#lastWasSpace = false;
  }

  /** One folded unit: the rolling hash moves on, and the gram it ends is looked up among the pieces. */
  #push(f: number, at: number): void {
    const n = this.#folded;
    if ((n & (CHECKPOINT - 1)) === 0) this.#checkpoint(n, at);
    const ring = this.#ring;
    const gram = this.#gram;
    const out = ring[(n - gram) & RING_MASK]!;
    ring[n & RING_MASK] = f;
    const hash = (Math.imul(this.#hash, BASE) + f - (n >= gram ? Math.imul(out, this.#outFactor) : 0)) | 0;
    this.#hash = hash;
    this.#folded = n + 1;
    if (n + 1 < gram) return;
    const first = this.#first;
    const keys = this.#keys;
    let slot = mix(hash) & this.#mask;
    while (first[slot]! >= 0 && keys[slot] !== hash) slot = (slot + 1) & this.#mask;
    if (first[slot]! >= 0) this.#hit(first[slot]!, n + 1 - gram);
  }

  #checkpoint(n: number, at: number): void {
    const slot = n / CHECKPOINT;
    if (slot >= this.#checkpoints.length) this.#checkpoints = grow(this.#checkpoints, slot * 2 + 2);
    this.#checkpoints[slot] = at;
  }

  /** The pieces whose hash the gram at folded `start` has: a vote for each that it equals. */
  #hit(piece: number, start: number): void {
    const ring = this.#ring;
    const gram = this.#gram;
    for (let p = piece; p >= 0; p = this.#next[p]!) {
      const offset = this.#offsets[p]!;
      let same = true;
      for (let j = 0; j < gram && same; j++) same = ring[(start + j) & RING_MASK] === this.#quote[offset + j];
      if (same) this.#vote(Math.max(0, start - offset));
    }
  }

  #vote(diagonal: number): void {
    const b = Math.floor(diagonal / BUCKET) + 1;
    if (b + 1 >= this.#votes.length) {
      this.#votes = grow(this.#votes, b * 2 + 4);
      this.#sums = grow(this.#sums, b * 2 + 4);
    }
    this.#votes[b]!++;
    this.#sums[b]! += diagonal;
  }

  /** Where the quote used to start, in folded units (after the scan), or -1 when not known. */
  get expected(): number {
    return this.#expectedFolded;
  }

  /**
   * The `limit` best candidates: diagonals with most votes (a bucket and its two neighbours), the
   * nearest the old position first among equals.
   */
  candidates(limit: number): Candidate[] {
    const votes = this.#votes;
    const expected = this.#expectedFolded;
    const best: Candidate[] = [];
    const better = (a: Candidate, b: Candidate) =>
      a.votes !== b.votes
        ? a.votes > b.votes
        : expected >= 0 && Math.abs(a.diagonal - expected) < Math.abs(b.diagonal - expected);
    for (let b = 1; b + 1 < votes.length; b++) {
      const here = votes[b - 1]! + votes[b]! + votes[b + 1]!;
      if (!here) continue;
      // Local maxima only: a passage's votes spill into the buckets beside it.
      const left = b >= 2 ? votes[b - 2]! + votes[b - 1]! + votes[b]! : 0;
      const right = b + 2 < votes.length ? votes[b]! + votes[b + 1]! + votes[b + 2]! : 0;
      if (left > here || right >= here) continue;
      const candidate = {
        diagonal: Math.round((this.#sums[b - 1]! + this.#sums[b]! + this.#sums[b + 1]!) / here),
        votes: here,
      };
      if (best.length === limit && !better(candidate, best[limit - 1]!)) continue;
      let i = Math.min(best.length, limit - 1);
      best[i] = candidate;
      for (; i > 0 && better(best[i]!, best[i - 1]!); i--) [best[i - 1], best[i]] = [best[i]!, best[i - 1]!];
    }
    return best;
  }

  /**
   * A place to start a window of the page at or before folded unit `folded`: the folded unit of the
   * nearest checkpoint at or before it, and that unit's offset in the page.
   */
  startBefore(folded: number): { folded: number; offset: number } {
    const slot = Math.floor(Math.max(0, Math.min(folded, this.#folded - 1)) / CHECKPOINT);
    return { folded: slot * CHECKPOINT, offset: this.#checkpoints[slot] ?? 0 };
  }

  /** The page offset of a folded unit at or after `folded` (the page's end past the last checkpoint). */
  offsetAfter(folded: number): number {
    const slot = Math.ceil(Math.max(0, folded) / CHECKPOINT);
    return slot * CHECKPOINT >= this.#folded ? this.#text.length : this.#checkpoints[slot]!;
  }
}

/** Spreads a hash's bits before it is masked to a table slot. */
const mix = (h: number) => Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ (h >>> 13);

function grow<T extends Uint32Array | Int32Array | Float64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
