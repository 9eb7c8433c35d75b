import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A section the reader can fold (issue 15): a disclosure whose heading stays in the outline. Open or
 * shut is the reader's choice, kept across the panel's refreshes; `open` is where it starts, and a
 * change of it (an empty section that gets its first item) opens or shuts it again.
 */
export function Fold({
  id,
  heading,
  open = true,
  class: className,
  testId,
  children,
}: {
  id: string;
  heading: ComponentChildren;
  open?: boolean;
  class: string;
  testId?: string;
  children: ComponentChildren;
}) {
  const [isOpen, setOpen] = useState(open);
  useEffect(() => setOpen(open), [open]);
  return (
    <details
      class={`fold ${className}`}
      open={isOpen}
      data-testid={testId}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        <h3 id={id}>{heading}</h3>
      </summary>
      <section aria-labelledby={id}>{children}</section>
    </details>
  );
}
