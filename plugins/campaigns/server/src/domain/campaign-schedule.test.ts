import { dueAt, parseSchedule, startAt, type CampaignSchedule } from './campaign-schedule';

describe('campaign schedule', () => {
  const now = new Date('2026-03-02T12:00:00Z'); // a Monday, noon UTC

  it('validates each mode', () => {
    expect(parseSchedule(undefined)).toEqual({ ok: true, schedule: { mode: 'now' } });
    expect(parseSchedule({ mode: 'at', at: '2026-03-03T09:00', zone: 'Mars/Base' })).toMatchObject({ ok: false });
    expect(parseSchedule({ mode: 'local', time: '9:00', defaultZone: 'UTC' })).toMatchObject({ ok: false });
    expect(parseSchedule({ mode: 'soon' })).toMatchObject({ ok: false });
  });

  it('reads a datetime in the chosen zone', () => {
    const schedule: CampaignSchedule = { mode: 'at', at: '2026-03-03T09:00', zone: 'Europe/Paris' };
    expect(startAt(schedule, now).toISOString()).toBe('2026-03-03T08:00:00.000Z');
    expect(dueAt(schedule, 'Asia/Tokyo', new Date('2026-03-03T08:00:00Z')).toISOString()).toBe('2026-03-03T08:00:00.000Z');
  });

  it('sends at the next HH:MM in each subscriber zone, defaulting the zone', () => {
    const schedule: CampaignSchedule = { mode: 'local', time: '09:00', defaultZone: 'Europe/London' };
    const started = startAt(schedule, now);
    expect(started.toISOString()).toBe('2026-03-02T19:00:00.000Z'); // 09:00 Tuesday at UTC+14
    expect(dueAt(schedule, 'Asia/Tokyo', started).toISOString()).toBe('2026-03-03T00:00:00.000Z');
    expect(dueAt(schedule, 'America/New_York', started).toISOString()).toBe('2026-03-03T14:00:00.000Z');
    expect(dueAt(schedule, null, started).toISOString()).toBe('2026-03-03T09:00:00.000Z');
    expect(dueAt(schedule, 'Not/AZone', started).toISOString()).toBe('2026-03-03T09:00:00.000Z');
  });

  it('sends a fixed local date at once where it has already passed', () => {
    const schedule: CampaignSchedule = { mode: 'local', time: '09:00', defaultZone: 'UTC', date: '2026-03-02' };
    const started = startAt(schedule, now);
    expect(dueAt(schedule, 'Pacific/Honolulu', started).toISOString()).toBe('2026-03-02T19:00:00.000Z');
    expect(dueAt(schedule, 'Asia/Tokyo', started)).toEqual(started);
  });
});
