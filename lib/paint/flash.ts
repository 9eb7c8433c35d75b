import type { Painter } from './painter.ts';

/** How long a revealed range stays flashed. */
const FLASH_MS = 1500;

/** Scrolls to ranges and flashes them, one at a time, with `painter`'s `flash` highlight. */
export function createFlash(painter: Painter) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    show(range: AbstractRange): void {
      range.startContainer.parentElement?.scrollIntoView({
        block: 'center',
        behavior: 'instant' as ScrollBehavior,
      });
      painter.paint('flash', [range]);
      clearTimeout(timer);
      timer = setTimeout(() => painter.paint('flash', []), FLASH_MS);
    },
    cancel(): void {
      clearTimeout(timer);
    },
  };
}
