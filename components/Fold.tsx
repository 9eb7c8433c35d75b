import type { ComponentChildren } from 'preact';

/**
 * A section the reader can fold: a disclosure whose heading stays in the outline. Open or shut is the
 * reader's choice for as long as the panel stays open (Preact leaves `open` alone once rendered).
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
  return (
    <details class={`fold ${className}`} open={open} data-testid={testId}>
      <summary>
        <h3 id={id}>{heading}</h3>
      </summary>
      <section aria-labelledby={id}>{children}</section>
    </details>
  );
}
