import type { HighlightKind, Painter } from '../../lib/paint/painter.ts';

/** A painter that records what would be painted, by kind (and whether it was cleared). */
export class RecordingPainter implements Painter {
  painted = new Map<HighlightKind, AbstractRange[]>();
  cleared = false;
  paint(kind: HighlightKind, ranges: readonly AbstractRange[]): void {
    this.painted.set(kind, [...ranges]);
  }
  add(kind: HighlightKind, ranges: readonly AbstractRange[]): void {
    this.painted.set(kind, [...(this.painted.get(kind) ?? []), ...ranges]);
  }
  clear(): void {
    this.cleared = true;
    this.painted.clear();
  }
  /** How many ranges are painted as `kind`. */
  count(kind: HighlightKind): number {
    return this.painted.get(kind)?.length ?? 0;
  }
}
