/**
 * Keeping a team's replication going across the background's sleeps (issue #17). Chromium stops an
 * extension's idle service worker after about 30 seconds, and PouchDB's live replication stops with it;
 * Firefox unloads an idle event page likewise. The background therefore restarts replication on every
 * wake-up — any message, the browser's start, an install or update — and, while the reader is in a
 * team, sets a periodic alarm whose only work is to wake it, so that what teammates share arrives
 * even when the reader is not using Rasid.
 */

/** What woke the background (or found it awake). */
export type WakeReason =
  /** The background's script was evaluated: a new service worker, for whatever event woke it. */
  | 'start'
  /** `runtime.onStartup`: the browser started with this profile. */
  | 'startup'
  /** `runtime.onInstalled`: installed or updated (alarms may not survive either). */
  | 'installed'
  /** A message from a page, the panel or a tab: often, so it never touches the alarm. */
  | 'message'
  /** The team's alarm. */
  | 'alarm';

export const TEAM_ALARM = 'rasid-team-sync';

/**
 * Minutes between two wake-ups. Chromium allows 0.5 (version 120 on) and Firefox 1; a minute lets a
 * teammate's change arrive within about a minute of an idle reader's background falling asleep, at the
 * cost of one short wake-up a minute while in a team.
 */
export const TEAM_ALARM_MINUTES = 1;

export interface WakePlan {
  /** Start replication again (it is not running: never started in this background, or ended). */
  restart: boolean;
  /** Set the team's alarm (if it is not set), clear it, or leave it as it is. */
  alarm: 'set' | 'clear' | 'keep';
}

/** What a wake-up does, from why it came and where the team stands. */
export function wakePlan(reason: WakeReason, now: { inTeam: boolean; running: boolean }): WakePlan {
  const alarm = reason === 'message' ? 'keep' : now.inTeam ? 'set' : 'clear';
  return { restart: now.inTeam && !now.running, alarm };
}

/**
 * The alarm to create, given the one the browser has (`alarms.get`): none when it is set already with
 * the right period — creating it again would push its next wake-up back each time.
 */
export function alarmToCreate(
  existing: { periodInMinutes?: number | undefined } | undefined,
): { periodInMinutes: number; delayInMinutes: number } | null {
  if (existing?.periodInMinutes === TEAM_ALARM_MINUTES) return null;
  return { periodInMinutes: TEAM_ALARM_MINUTES, delayInMinutes: TEAM_ALARM_MINUTES };
}
