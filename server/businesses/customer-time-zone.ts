/**
 * The time zone a customer lives in (issue 12: "Quiet hours … in the customer's time zone (the
 * business's when unknown)"). Staff may give a customer an IANA zone name; without one the
 * customer is taken to live on the business's clock. Only quiet hours read it: due dates and
 * "on the due date" stay on the business's calendar, which is the one the invoice was written on.
 */
import { unprocessable } from '../http/errors.ts';
import { isTimeZone } from './time-zone.ts';

/**
 * The zone to keep for a customer: null stays null (the business's), a name `Intl` knows is kept
 * in its canonical spelling ("america/chicago" → "America/Chicago"), anything else is refused
 * with a 422 `time_zone_invalid` before anything is written.
 */
export function customerZoneName(name: string | null | undefined): string | null {
  if (name === null || name === undefined) return null;
  if (!isTimeZone(name)) {
    throw unprocessable(
      'time_zone_invalid',
      'time_zone must be an IANA time zone name, such as America/Chicago, or null.',
      'time_zone',
    );
  }
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}

/** The clock a message to this customer is timed on: theirs when known, else the business's. */
export function customerTimeZone(
  businessTimeZone: string,
  customer: { time_zone: string | null } | null | undefined,
): string {
  const own = customer?.time_zone;
  return own && isTimeZone(own) ? own : businessTimeZone;
}
