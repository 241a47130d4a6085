import { DateTime, IANAZone } from 'luxon';

// When a campaign goes out: now, at one moment (a wall-clock time in a chosen zone), or at a
// wall-clock time in each subscriber's own zone (the default zone for those without one).
export type CampaignSchedule =
  { mode: 'now' } | { mode: 'at'; at: string; zone: string } | { mode: 'local'; time: string; defaultZone: string; date?: string };

export type ScheduleCheck = { ok: true; schedule: CampaignSchedule } | { ok: false; message: string };

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
// The zone where any given wall-clock time happens first (UTC+14).
const EARLIEST_ZONE = 'Etc/GMT-14';

export const isZone = (zone: unknown): zone is string => typeof zone === 'string' && IANAZone.isValidZone(zone);

export const parseSchedule = (value: unknown): ScheduleCheck => {
  const v = (value ?? { mode: 'now' }) as Record<string, unknown>;
  if (v.mode === 'now') return { ok: true, schedule: { mode: 'now' } };
  if (v.mode === 'at') {
    if (!isZone(v.zone)) return { ok: false, message: 'schedule.zone must be an IANA time zone' };
    if (typeof v.at !== 'string' || !DateTime.fromISO(v.at, { zone: v.zone }).isValid) {
      return { ok: false, message: 'schedule.at must be an ISO date-time' };
    }
    return { ok: true, schedule: { mode: 'at', at: v.at, zone: v.zone } };
  }
  if (v.mode === 'local') {
    if (typeof v.time !== 'string' || !HHMM.test(v.time)) return { ok: false, message: 'schedule.time must be HH:MM' };
    if (!isZone(v.defaultZone)) return { ok: false, message: 'schedule.defaultZone must be an IANA time zone' };
    if (v.date !== undefined && (typeof v.date !== 'string' || !DateTime.fromISO(v.date).isValid)) {
      return { ok: false, message: 'schedule.date must be YYYY-MM-DD' };
    }
    return {
      ok: true,
      schedule: { mode: 'local', time: v.time, defaultZone: v.defaultZone, ...(v.date ? { date: v.date as string } : {}) },
    };
  }
  return { ok: false, message: 'schedule.mode must be now, at or local' };
};

// The wall-clock time in `zone` on the schedule's date, or the first one at or after `after`.
const localOccurrence = (schedule: Extract<CampaignSchedule, { mode: 'local' }>, zone: string, after: Date): Date => {
  const [hour, minute] = schedule.time.split(':').map(Number);
  const from = DateTime.fromJSDate(after, { zone });
  const day = schedule.date ? DateTime.fromISO(schedule.date, { zone }) : from;
  let at = day.set({ hour, minute, second: 0, millisecond: 0 });
  if (!schedule.date && at < from) at = at.plus({ days: 1 });
  return at.toJSDate();
};

// When the campaign itself starts (resolves its audience and begins claiming due rows); a time
// already past means now.
export const startAt = (schedule: CampaignSchedule, now: Date): Date => {
  if (schedule.mode === 'now') return now;
  const at =
    schedule.mode === 'at'
      ? DateTime.fromISO(schedule.at, { zone: schedule.zone }).toJSDate()
      : localOccurrence(schedule, EARLIEST_ZONE, now);
  return at < now ? now : at;
};

// When one subscriber's message is due; never before the campaign started.
export const dueAt = (schedule: CampaignSchedule, subscriberZone: string | null, started: Date): Date => {
  if (schedule.mode !== 'local') return started;
  const zone = isZone(subscriberZone) ? subscriberZone : schedule.defaultZone;
  const due = localOccurrence(schedule, zone, started);
  return due < started ? started : due;
};
