import { describe, expect, it } from 'vitest';
import { alarmToCreate, TEAM_ALARM_MINUTES, wakePlan, type WakeReason } from './wake-plan.ts';

const REASONS: WakeReason[] = ['start', 'startup', 'installed', 'message', 'alarm'];

describe('waking the team’s replication', () => {
  it('restarts replication on any wake-up that finds it stopped, in a team only', () => {
    for (const reason of REASONS) {
      expect(wakePlan(reason, { inTeam: true, running: false }).restart, reason).toBe(true);
      expect(wakePlan(reason, { inTeam: true, running: true }).restart, reason).toBe(false);
      expect(wakePlan(reason, { inTeam: false, running: false }).restart, reason).toBe(false);
    }
  });

  it('sets the periodic wake-up in a team and clears it out of one, but never on a mere message', () => {
    for (const reason of ['start', 'startup', 'installed', 'alarm'] as const) {
      expect(wakePlan(reason, { inTeam: true, running: true }).alarm, reason).toBe('set');
      expect(wakePlan(reason, { inTeam: false, running: false }).alarm, reason).toBe('clear');
    }
    expect(wakePlan('message', { inTeam: true, running: false }).alarm).toBe('keep');
    expect(wakePlan('message', { inTeam: false, running: false }).alarm).toBe('keep');
  });

  it('creates the alarm only when the browser has none with its period (creating it again would push it back)', () => {
    expect(alarmToCreate(undefined)).toEqual({
      periodInMinutes: TEAM_ALARM_MINUTES,
      delayInMinutes: TEAM_ALARM_MINUTES,
    });
    expect(alarmToCreate({ periodInMinutes: TEAM_ALARM_MINUTES })).toBeNull();
    expect(alarmToCreate({ periodInMinutes: 60 })).not.toBeNull();
    expect(alarmToCreate({})).not.toBeNull();
  });

  it('wakes at most once a minute: the fastest both browsers allow without a warning', () => {
    expect(TEAM_ALARM_MINUTES).toBeGreaterThanOrEqual(1);
    expect(TEAM_ALARM_MINUTES).toBeLessThanOrEqual(5);
  });
});
