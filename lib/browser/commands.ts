import { browser } from 'wxt/browser';
import { READER_COMMANDS, type ReaderCommand } from '../messages/protocol.ts';

/** The panel's command: the browser's own (the action in Chromium, the sidebar in Firefox). */
const PANEL_COMMANDS = ['_execute_action', '_execute_sidebar_action', '_execute_browser_action'];

/**
 * Rasid's keyboard shortcuts as the browser has them now (issue 15): the keys suggested in the
 * manifest, or those the reader chose in the browser's settings; '' for a command without a key (the
 * browser leaves one unassigned when it holds the key itself).
 */
export async function commandShortcuts(): Promise<{ command: ReaderCommand | 'panel'; key: string }[]> {
  const all = await browser.commands.getAll();
  const keyOf = (names: readonly string[]) => all.find((c) => names.includes(c.name ?? ''))?.shortcut ?? '';
  return [
    { command: 'panel' as const, key: keyOf(PANEL_COMMANDS) },
    ...READER_COMMANDS.map((command) => ({ command, key: keyOf([command]) })),
  ];
}
