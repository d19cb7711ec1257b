/**
 * A business's time zone: an IANA name ("America/Chicago") kept in its settings. "On the due
 * date", reminder send times and quiet hours are read on its clock, and dates in the portal, PDFs
 * and emails are shown on it. Without one chosen, the zone of the locale's region when the region
 * has exactly one (es-ES has three, en-US many: those fall back to UTC, as before there was a
 * setting, rather than guess a coast).
 */

/** True for a zone name `Intl` knows (canonical or alias), e.g. "Europe/Madrid", "UTC". */
export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Locales' zones already worked out: `Intl.Locale#maximize` is slow for every portal read. */
const zoneOfLocale = new Map<string, string>();
const KEPT_LOCALES = 1_000;

/** The zone a business gets from its locale: its region's only zone, else UTC. */
export function defaultTimeZone(locale: string): string {
  const known = zoneOfLocale.get(locale);
  if (known) return known;
  const zone = localeZone(locale);
  // Locales are few; the bound only keeps odd tags from growing the map without end.
  if (zoneOfLocale.size < KEPT_LOCALES) zoneOfLocale.set(locale, zone);
  return zone;
}

function localeZone(locale: string): string {
  try {
    const zones = (new Intl.Locale(locale).maximize() as Intl.Locale & { timeZones?: string[] })
      .timeZones;
    if (zones?.length === 1 && isTimeZone(zones[0]!)) return zones[0]!;
  } catch {
    // An odd tag: UTC below.
  }
  return 'UTC';
}

export interface ZonedParts {
  /** YYYY-MM-DD on the zone's calendar. */
  day: string;
  hour: number;
  minute: number;
}

/** The calendar day and wall-clock time of an instant in a zone. */
export function zonedParts(at: Date, timeZone: string): ZonedParts {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/**
 * The instant a wall-clock time happens on a day in a zone: `zonedTime('2026-12-15', 9, 'America/
 * Chicago')` is 15:00Z. In a spring-forward gap the hour is taken on the offset before the jump.
 */
export function zonedTime(day: string, hour: number, timeZone: string): Date {
  const guess = Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  // The zone's offset at the guess, then once more at the corrected instant (DST edges).
  let at = guess - offsetMs(new Date(guess), timeZone);
  at = guess - offsetMs(new Date(at), timeZone);
  return new Date(at);
}

/** How far the zone's clock is ahead of UTC at an instant, in milliseconds. */
function offsetMs(at: Date, timeZone: string): number {
  const { day, hour, minute } = zonedParts(at, timeZone);
  const wall = Date.parse(
    `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`,
  );
  const exact = at.getTime() - (at.getTime() % 60_000);
  return wall - exact;
}

/** Adds whole days to a YYYY-MM-DD day (negative goes back). */
export function addDays(day: string, days: number): string {
  const at = new Date(`${day}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
