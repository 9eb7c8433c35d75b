/** Small numeric and formatting helpers for the benchmark's tables. */

export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds with precision where it matters: 0.42, 12.3, 4567. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value < 10 ? value.toFixed(2) : value < 1000 ? value.toFixed(1) : value.toFixed(0);
}

export const int = (n: number) => n.toLocaleString('en-US');

export function ratio(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return `${value < 10 ? value.toFixed(2) : value.toFixed(0)}×`;
}

/** "ratio (goal ≥ 3×: met)"; a missed goal is reported, never fatal. */
export function goal(value: number, op: '≥' | '≤', target: number): string {
  const met = op === '≥' ? value >= target : value <= target;
  return `${ratio(value)}  (goal ${op} ${target}×: ${met ? 'met' : 'MISSED'})`;
}
