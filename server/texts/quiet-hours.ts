/**
 * Quiet hours for reminder texts: none before 8:00 or from 21:00 on, in the customer's time
 * zone (the business's when the customer's is unknown; the caller passes the zone). The US
 * TCPA's rule is the same window (8 a.m. to 9 p.m. at the called party's location). Pure
 * functions over `Intl`: no clock, no database.
 */
export const QUIET_UNTIL_HOUR = 8;
export const QUIET_FROM_HOUR = 21;

/** The wall-clock hour and minute at `instant` in `timeZone` (an IANA name). */
function wallClock(instant: Date, timeZone: string): { hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { hour: value('hour') % 24, minute: value('minute') };
}

/** True when a reminder text must not go out at `instant` in `timeZone`. */
export function isQuietHour(instant: Date, timeZone: string): boolean {
  const { hour } = wallClock(instant, timeZone);
  return hour < QUIET_UNTIL_HOUR || hour >= QUIET_FROM_HOUR;
}

/**
 * `instant` itself when it is not quiet; else the first minute at or after it when texts may go
 * out again (8:00 that morning or the next one, in `timeZone`). Found minute by minute from the
 * whole hour, so it holds across daylight-saving changes without date arithmetic in the zone.
 */
export function nextAllowedTime(instant: Date, timeZone: string): Date {
  if (!isQuietHour(instant, timeZone)) return instant;
  const { minute } = wallClock(instant, timeZone);
  // Step to the next whole hour, then by hours (and by minutes for zones off the hour).
  let at = new Date(instant.getTime() - minute * 60_000 + 3_600_000);
  at.setUTCSeconds(0, 0);
  for (let step = 0; step < 48 && isQuietHour(at, timeZone); step += 1) {
    at = new Date(at.getTime() + 3_600_000);
  }
  // Zones whose hour starts off the UTC hour (India +5:30, Nepal +5:45): back to 8:00 exactly.
  const back = wallClock(at, timeZone);
  if (back.hour === QUIET_UNTIL_HOUR && back.minute !== 0) {
    at = new Date(at.getTime() - back.minute * 60_000);
  }
  return at;
}
