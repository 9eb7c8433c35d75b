import { render } from 'preact';
import { Welcome, type Shortcut } from '../../components/Welcome.tsx';
import { pageTranslator } from '../../lib/browser/browser-translator.ts';
import { commandShortcuts } from '../../lib/browser/commands.ts';

// The first-run page, opened by the background on install (lib/background/first-run.ts).
const i18n = pageTranslator('welcomeTitle');
const show = (shortcuts: readonly Shortcut[]) =>
  render(
    <Welcome i18n={i18n} shortcuts={shortcuts} onDone={() => window.close()} />,
    document.getElementById('app')!,
  );
show([]);
void commandShortcuts().then(show, () => undefined);
