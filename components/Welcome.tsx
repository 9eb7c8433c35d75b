import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translator } from '../lib/i18n/i18n.ts';
import type { MessageKey } from '../lib/i18n/catalog.ts';

/** The three screens: what Rasid does, where the panel is (and the shortcuts), what stays where. */
const SCREENS: { title: MessageKey; text: MessageKey[] }[] = [
  { title: 'welcomeWhatTitle', text: ['welcomeWhat'] },
  { title: 'welcomePanelTitle', text: ['welcomePanel', 'welcomeShortcuts'] },
  { title: 'welcomePrivateTitle', text: ['welcomePrivate'] },
];

/**
 * The first-run page (issue 15), opened once after install. One screen at a time; Back and Next move
 * between them and focus goes to the new screen's heading, so that a screen reader reads it.
 */
/** A browser command and the key the reader's browser gives it now ('' for none). */
export interface Shortcut {
  command: 'annotate-selection' | 'panel' | 'next-mention' | 'previous-mention';
  key: string;
}

export function Welcome({
  i18n,
  shortcuts,
  onDone,
}: {
  i18n: Translator;
  /** As the browser has them, remapped or not: shown on the panel's screen. */
  shortcuts: readonly Shortcut[];
  onDone(): void;
}) {
  const { t, formatNumber } = i18n;
  const [step, setStep] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [step]);
  const screen = SCREENS[step]!;
  const last = step === SCREENS.length - 1;
  return (
    <main class="welcome" data-testid="welcome" data-step={step + 1}>
      <h1>{t('welcomeTitle')}</h1>
      <section aria-labelledby="welcome-screen">
        <p class="step" data-testid="welcome-step">
          {t('welcomeStep', { n: formatNumber(step + 1), total: formatNumber(SCREENS.length) })}
        </p>
        <h2 id="welcome-screen" tabIndex={-1} ref={heading}>
          {t(screen.title)}
        </h2>
        {screen.text.map((key) => (
          <p key={key}>{t(key)}</p>
        ))}
        {screen.text.includes('welcomeShortcuts') && (
          <dl class="shortcuts" data-testid="shortcuts">
            {shortcuts.map((s) => (
              <div key={s.command} data-command={s.command}>
                <dt>{t(`shortcut-${s.command}`)}</dt>
                <dd>{s.key ? <kbd dir="ltr">{s.key}</kbd> : t('shortcutUnset')}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <nav class="welcome-nav" aria-label={t('welcomeTitle')}>
        {step > 0 && (
          <button type="button" data-testid="welcome-back" onClick={() => setStep(step - 1)}>
            {t('welcomeBack')}
          </button>
        )}
        <button
          type="button"
          class="primary"
          data-testid={last ? 'welcome-done' : 'welcome-next'}
          onClick={() => (last ? onDone() : setStep(step + 1))}
        >
          {t(last ? 'welcomeDone' : 'welcomeNext')}
        </button>
      </nav>
    </main>
  );
}
