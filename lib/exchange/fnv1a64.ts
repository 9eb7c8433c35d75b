/**
 * FNV-1a, 64 bits, over a string's UTF-16 code units (for ASCII the same as over its bytes): a stable
 * id for an imported annotation that has none, so that importing the same file twice finds the same
 * rows. Not a cryptographic hash: the input is the reader's own file. 64 bits rather than 32, because
 * 32 bits collide by the birthday bound near 77,000 items, the size of a large export.
 * http://www.isthe.com/chongo/tech/comp/fnv/
 */
export function fnv1a64(text: string): string {
  // The 64-bit state as two 32-bit halves: JavaScript numbers hold 53 bits exactly, BigInt is slow.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    lo = (lo ^ text.charCodeAt(i)) >>> 0;
    // Multiply by the FNV prime 2^40 + 0x1b3: lo·0x1b3 fits in 41 bits; 2^40 shifts lo into hi by 8.
    const low = lo * 0x1b3;
    hi = (Math.imul(hi, 0x1b3) + Math.floor(low / 0x100000000) + (lo << 8)) >>> 0;
    lo = low >>> 0;
  }
  return hex32(hi) + hex32(lo);
}

const hex32 = (n: number) => n.toString(16).padStart(8, '0');
