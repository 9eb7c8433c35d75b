import type { SurfaceControl, SurfaceDescription } from '../../lib/session/views.ts';

/**
 * Events the page could forge to drive Rasid's UI: inside a surface (and inside the toolbar's frame),
 * only the reader's own (trusted) ones reach the components.
 */
export const DRIVING_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'input',
  'beforeinput',
  'change',
  'submit',
  'reset',
  'keydown',
  'keyup',
  'keypress',
  'pointerdown',
  'pointerup',
  'pointermove',
  'mousedown',
  'mouseup',
  'mousemove',
  'focusin',
  'focusout',
] as const;

/** Stops every untrusted driving event at `target`, in the capture phase, before a component hears it. */
export function dropUntrusted(target: EventTarget): void {
  for (const type of DRIVING_EVENTS)
    target.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) return;
        event.stopImmediatePropagation();
        event.preventDefault();
      },
      { capture: true },
    );
}

export const CONTROLS = 'button, input, textarea, select';

/** What a rendered view shows: its text, and its controls with their boxes in its window's viewport. */
export function describeBox(box: HTMLElement): SurfaceDescription {
  return { text: box.innerText, controls: [...box.querySelectorAll(CONTROLS)].flatMap(control) };
}

/** One control as the reader sees it: its name, where it is in the viewport, what it holds. */
function control(element: Element): SurfaceControl[] {
  const { x, y, width, height } = element.getBoundingClientRect();
  if (!width || !height) return [];
  const el = element as HTMLElement & { value?: string };
  const name =
    el.getAttribute('aria-label') ||
    (el.closest('label')?.firstChild?.textContent ?? '').trim() ||
    // A switch wrapped by its label, before the label's words.
    (el.closest('label')?.textContent ?? '').trim() ||
    (el.textContent ?? '').trim() ||
    el.getAttribute('name') ||
    '';
  const testId = el.dataset['testid'];
  const value = el.tagName === 'BUTTON' ? undefined : el.value;
  const checkbox = el instanceof HTMLInputElement && el.type === 'checkbox';
  const busy = !!el.closest('[aria-busy=true]');
  return [
    {
      name,
      ...(testId ? { testId } : {}),
      ...(value !== undefined ? { value } : {}),
      ...(checkbox ? { checked: el.checked } : {}),
      ...(busy ? { busy } : {}),
      box: { x, y, width, height },
    },
  ];
}
