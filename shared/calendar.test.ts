/** Today and days past due on the business's calendar, not UTC's. */
import { describe, expect, it } from 'vitest';
import { daysPastDue, todayIn } from './calendar.ts';

describe('todayIn', () => {
  it('gives the day where the business is', () => {
    const at = new Date('2026-12-15T05:30:00Z');
    expect(todayIn('UTC', at)).toBe('2026-12-15');
    expect(todayIn('America/Los_Angeles', at)).toBe('2026-12-14');
    expect(todayIn('Pacific/Kiritimati', new Date('2026-12-15T11:00:00Z'))).toBe('2026-12-16');
  });
});

describe('daysPastDue', () => {
  it('is 0 on the due day and before it, 1 the day after, across a month', () => {
    expect(daysPastDue('2026-12-14', '2026-12-14')).toBe(0);
    expect(daysPastDue('2026-12-20', '2026-12-14')).toBe(0);
    expect(daysPastDue('2026-11-30', '2026-12-01')).toBe(1);
    expect(daysPastDue(null, '2026-12-01')).toBe(0);
  });

  it('an invoice due the 14th is not overdue at 8 pm on the 14th in Los Angeles (the 15th in UTC)', () => {
    const at = new Date('2026-12-15T04:00:00Z');
    expect(daysPastDue('2026-12-14', todayIn('UTC', at))).toBe(1);
    expect(daysPastDue('2026-12-14', todayIn('America/Los_Angeles', at))).toBe(0);
  });
});
