/**
 * The one loop every background worker runs (email and text delivery, webhooks, reminders): a
 * pass at once, then one every `intervalMs` after the last ends (never two at a time), a failed
 * pass logged and the loop going on; `kick()` brings the next pass forward (a kick during a pass
 * runs another right after it, since the pass may have read before what the kick is about was
 * committed), `stop()` waits for the pass under way.
 */
import type { Logger } from 'pino';

export interface PollingLoop {
  kick(): void;
  stop(): Promise<void>;
}

/** A loop that does nothing: for a worker with nowhere to deliver (no SMTP_URL, texts kept). */
export const idleLoop: PollingLoop = { kick() {}, stop: async () => {} };

export function startPollingLoop(
  pass: () => Promise<unknown>,
  options: { intervalMs: number; logger: Logger; failure: string },
): PollingLoop {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let kickedDuringPass = false;
  const run = () => {
    timer = null;
    kickedDuringPass = false;
    running = pass()
      .catch((error) => options.logger.error({ err: error }, options.failure))
      .finally(() => {
        if (!stopped) timer = setTimeout(run, kickedDuringPass ? 0 : options.intervalMs);
      });
  };
  timer = setTimeout(run, 0);
  return {
    kick() {
      if (stopped) return;
      if (!timer) {
        kickedDuringPass = true;
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(run, 0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
