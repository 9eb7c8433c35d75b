/** The first-run page (issue 15): three screens on what Rasid does, where the panel is, and privacy. */
export const WELCOME_PATH = '/welcome.html';

/**
 * Whether `runtime.onInstalled` is a first install, which opens the first-run page: not an update, a
 * browser update or a reload, which would greet a reader who knows Rasid already.
 */
export const isFirstInstall = (details: { reason: string }): boolean => details.reason === 'install';
