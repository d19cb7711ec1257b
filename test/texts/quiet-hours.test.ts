/** Quiet hours (8:00 to 21:00 at the customer's) and the phone numbers texts go to. */
import { describe, expect, it } from 'vitest';
import { displayPhone, toE164 } from '../../server/texts/phone.ts';
import { isQuietHour, nextAllowedTime } from '../../server/texts/quiet-hours.ts';

const at = (iso: string) => new Date(iso);

describe('quiet hours', () => {
  it('is quiet before 8:00 and from 21:00 in the given zone, not in UTC', () => {
    // 12:30 UTC is 7:30 in New York (EST, UTC-5) and 13:30 in Paris.
    expect(isQuietHour(at('2026-12-07T12:30:00Z'), 'America/New_York')).toBe(true);
    expect(isQuietHour(at('2026-12-07T12:30:00Z'), 'Europe/Paris')).toBe(false);
    expect(isQuietHour(at('2026-12-07T13:00:00Z'), 'America/New_York')).toBe(false); // 8:00
    expect(isQuietHour(at('2026-12-08T01:59:00Z'), 'America/New_York')).toBe(false); // 20:59
    expect(isQuietHour(at('2026-12-08T02:00:00Z'), 'America/New_York')).toBe(true); // 21:00
  });

  it('moves a quiet instant to 8:00 that morning or the next, and leaves others alone', () => {
    const open = at('2026-12-07T15:00:00Z');
    expect(nextAllowedTime(open, 'America/New_York')).toEqual(open);
    // 7:30 in New York → 8:00 the same day.
    expect(nextAllowedTime(at('2026-12-07T12:30:00Z'), 'America/New_York').toISOString()).toBe(
      '2026-12-07T13:00:00.000Z',
    );
    // 22:15 in Los Angeles (PST, UTC-8) → 8:00 the next morning.
    expect(nextAllowedTime(at('2026-12-08T06:15:00Z'), 'America/Los_Angeles').toISOString()).toBe(
      '2026-12-08T16:00:00.000Z',
    );
    // Zones off the whole hour: 6:10 in Kolkata (UTC+5:30) → 8:00 there, 2:30 UTC.
    expect(nextAllowedTime(at('2026-12-07T00:40:00Z'), 'Asia/Kolkata').toISOString()).toBe(
      '2026-12-07T02:30:00.000Z',
    );
  });

  it('holds across a daylight-saving change (New York springs forward on 8 March 2026)', () => {
    // 23:00 EST on 7 March → 8:00 EDT on 8 March, which is 12:00 UTC.
    expect(nextAllowedTime(at('2026-03-08T04:00:00Z'), 'America/New_York').toISOString()).toBe(
      '2026-03-08T12:00:00.000Z',
    );
  });
});

describe('phone numbers', () => {
  it('reads what customers type as E.164, and refuses what is not a number', () => {
    expect(toE164('(555) 555-0123')).toBe('+15555550123');
    expect(toE164('+1 555 555 0123')).toBe('+15555550123');
    expect(toE164('1-555-555-0123')).toBe('+15555550123');
    expect(toE164('+44 20 7946 0958')).toBe('+442079460958');
    expect(toE164('555-0123')).toBeNull();
    expect(toE164('0123456789')).toBeNull();
    expect(toE164('call me')).toBeNull();
    expect(displayPhone('+15555550123')).toBe('+1 555 555 0123');
    expect(displayPhone('+442079460958')).toBe('+442079460958');
  });
});
