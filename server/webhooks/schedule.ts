/**
 * When a failed delivery is tried again: after 1 and 5 minutes, half an hour, 2, 5 and 10 hours,
 * then every 14 hours; the last of 11 attempts comes about 70 hours (three days) after the first.
 * (Standard Webhooks' own schedule, stretched to the three days issue 14 asks for.)
 */
const RETRY_MINUTES = [1, 5, 30, 120, 300, 600, 600, 840, 840, 840] as const;

export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;

/** An endpoint that has failed without one success for this long is disabled. */
export const DISABLE_AFTER_MS = 3 * 86_400_000;
/** …or when a delivery is given up and the endpoint has not answered well for this long. */
export const GAVE_UP_DISABLE_AFTER_MS = 2 * 86_400_000;

/** Milliseconds to wait after the `attempts`-th failed attempt; null when that was the last. */
export function retryDelayMs(attempts: number): number | null {
  const minutes = RETRY_MINUTES[attempts - 1];
  return minutes === undefined ? null : minutes * 60_000;
}
