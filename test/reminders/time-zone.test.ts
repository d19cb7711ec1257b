import { describe, expect, it } from 'vitest';
import {
  addDays,
  defaultTimeZone,
  isTimeZone,
  zonedParts,
  zonedTime,
} from '../../server/businesses/time-zone.ts';
import { DocumentFormat } from '../../server/documents/document-words.ts';

describe("a business's clock", () => {
  it('knows IANA names and nothing else', () => {
    expect(isTimeZone('America/Chicago')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Chicago')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it("defaults to the region's one zone, else UTC", () => {
    expect(defaultTimeZone('fr-FR')).toBe('Europe/Paris');
    expect(defaultTimeZone('es-MX')).toBe('UTC');
    expect(defaultTimeZone('en-US')).toBe('UTC');
    expect(defaultTimeZone('not a locale')).toBe('UTC');
  });

  it('reads 9:00 on a day in the zone, in winter, in summer and across the clocks changing', () => {
    expect(zonedTime('2026-12-15', 9, 'America/Chicago').toISOString()).toBe(
      '2026-12-15T15:00:00.000Z',
    );
    expect(zonedTime('2026-07-15', 9, 'America/Chicago').toISOString()).toBe(
      '2026-07-15T14:00:00.000Z',
    );
    // The US clocks spring forward on 2026-03-08 at 2:00: 9:00 that day is already daylight time.
    expect(zonedTime('2026-03-08', 9, 'America/New_York').toISOString()).toBe(
      '2026-03-08T13:00:00.000Z',
    );
    expect(zonedTime('2026-11-01', 9, 'America/New_York').toISOString()).toBe(
      '2026-11-01T14:00:00.000Z',
    );
  });

  it("puts late evening UTC on the zone's own day", () => {
    expect(zonedParts(new Date('2026-12-05T03:30:00Z'), 'America/Chicago')).toEqual({
      day: '2026-12-04',
      hour: 21,
      minute: 30,
    });
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it("shows a document's moments in the business's zone, its calendar days unshifted", () => {
    const chicago = new DocumentFormat('en-US', 'usd', 'America/Chicago');
    expect(chicago.day('2026-12-05T03:30:00Z')).toBe('Dec 4, 2026');
    expect(chicago.day('2026-12-05')).toBe('Dec 5, 2026');
    expect(chicago.moment('2026-12-05T03:30:00Z')).toMatch(/Dec 4, 2026.*9:30\sPM/);
    expect(new DocumentFormat('en-US', 'usd').day('2026-12-05T03:30:00Z')).toBe('Dec 5, 2026');
  });
});
