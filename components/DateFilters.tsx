import type { Translator } from '../lib/i18n/i18n.ts';
import { dayOf, parseDay } from '../lib/notebook/notebook-address.ts';

const DAY = 86_400_000;

/** Which date a view goes by (issue 14): the page's publication date where it gives one, or reading. */
export type DateBasisValue = 'published' | 'read';

/**
 * "From … to …", two date inputs in the address's days (`dayOf`, `parseDay`): `from` is the first
 * moment of its day, `to` the last. The dashboard's and the notebook's filters.
 */
export function DateRange({
  t,
  from,
  to,
  onChange,
}: {
  t: Translator['t'];
  from: number | undefined;
  to: number | undefined;
  onChange(patch: { from?: number | undefined; to?: number | undefined }): void;
}) {
  return (
    <>
      <label>
        {t('from')}{' '}
        <input
          type="date"
          name="from"
          value={from === undefined ? '' : dayOf(from)}
          onChange={(e) => onChange({ from: parseDay(e.currentTarget.value) })}
        />
      </label>
      <label>
        {t('to')}{' '}
        <input
          type="date"
          name="to"
          value={to === undefined ? '' : dayOf(to)}
          onChange={(e) => {
            const day = parseDay(e.currentTarget.value);
            onChange({ to: day === undefined ? undefined : day + DAY - 1 });
          }}
        />
      </label>
    </>
  );
}

/** "Go by: publication date / reading date", radio buttons; `note` says what publication means. */
export function DateBasis({
  t,
  value,
  onChange,
  note,
}: {
  t: Translator['t'];
  value: DateBasisValue;
  /** `undefined` for publication, the default an address leaves out. */
  onChange(dates: 'read' | undefined): void;
  note?: string | undefined;
}) {
  return (
    <fieldset class="dates" data-testid="date-basis">
      <legend>{t('datesBasis')}</legend>
      {(['published', 'read'] as const).map((basis) => (
        <label key={basis}>
          <input
            type="radio"
            name="dates"
            value={basis}
            checked={value === basis}
            onChange={() => onChange(basis === 'published' ? undefined : basis)}
          />{' '}
          {t(basis === 'published' ? 'datesPublished' : 'datesRead')}
        </label>
      ))}
      {note && <span class="note">{note}</span>}
    </fieldset>
  );
}
