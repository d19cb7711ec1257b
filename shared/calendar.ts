/**
 * Calendar days on a business's clock (issue 15: "Overdue" is reckoned in the business's time
 * zone, `settings.time_zone`, on the staff page as in the portal). An invoice due on the 14th is
 * overdue once the 15th has begun where the business is, not where UTC is: at 20:00 on the 14th
 * in Los Angeles it is already the 15th in UTC, yet nothing is late.
 */

// One formatter per zone: making an Intl.DateTimeFormat costs far more than using one (issue 13:
// a new one on every portal read was the largest single cost in its profile). Zones are a few
// hundred names at most, so the map stays small.
const formatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// The day last worked out in each zone, and the minute it was worked out for. Every zone's offset
// today is a whole number of minutes, so a day begins on a minute: within one minute the answer
// cannot change. (Formatting to parts is still a few µs, on every portal read.)
const lastDays = new Map<string, { minute: number; day: string }>();

/** Today (`YYYY-MM-DD`) on the calendar of `timeZone` (an IANA name), at the instant `at`. */
export function todayIn(timeZone: string, at: Date = new Date()): string {
  const minute = Math.floor(at.getTime() / 60_000);
  const last = lastDays.get(timeZone);
  if (last?.minute === minute) return last.day;
  const parts = Object.fromEntries(
    dayFormatter(timeZone)
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  lastDays.set(timeZone, { minute, day });
  return day;
}

/** Whole days `today` is past `dueDate` (both `YYYY-MM-DD`): due today is 0, yesterday 1. */
export function daysPastDue(dueDate: string | null, today: string): number {
  if (!dueDate) return 0;
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000;
  return Math.max(0, Math.round(days));
}
