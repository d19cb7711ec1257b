/**
 * Days an invoice is past its due date, counted in whole calendar days of UTC (businesses have no
 * time zone yet, see docs/api.md): due today is not overdue; due yesterday is 1 day overdue.
 */
export function daysOverdue(dueDate: string | null, today = new Date()): number {
  if (!dueDate) return 0;
  const due = Date.parse(`${dueDate}T00:00:00Z`);
  const day = Date.parse(`${today.toISOString().slice(0, 10)}T00:00:00Z`);
  return Math.max(0, Math.round((day - due) / 86_400_000));
}
