import type { Translator } from '../lib/i18n/i18n.ts';

/**
 * After “Not a name”: what was done — the spelling is no longer suggested, on any page — and its undo
 * (issue 15: every global action the reader takes in one click can be taken back).
 */
export function DismissedNotice({
  i18n: { t },
  text,
  onUndo,
}: {
  i18n: Translator;
  /** The spelling dismissed, as written. */
  text: string;
  onUndo(): void;
}) {
  return (
    <p role="status" class="dismissed" data-testid="dismissed">
      <span>{t('nameDismissed', { name: text })}</span>{' '}
      <button type="button" class="undo-dismiss" data-testid="undo-dismiss" onClick={onUndo}>
        {t('undo')}
      </button>
    </p>
  );
}
