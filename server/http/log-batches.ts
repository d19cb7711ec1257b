/**
 * The production log's destination (issue 13): lines queued and written in the background, in
 * batches, so that a busy server does not pay a write for every request it logs.
 */
import pino from 'pino';

/** Lines held before they are written, and how long a line waits at most on a quiet server. */
export const LOG_BATCH_BYTES = 4096;
export const LOG_FLUSH_MS = 250;

/**
 * Lines queued in an array and handed on joined, once LOG_BATCH_BYTES are queued (about 25
 * request lines) or LOG_FLUSH_MS after the first line queued, whichever comes first, to a
 * SonicBoom that writes them in the background. SonicBoom batches too (`minLength`), but by
 * appending each line to one growing string whose bytes it counts on every write: a copy of up to
 * 4 KB per line, the largest allocation of a portal read. Whatever is queued is written at a stop
 * (`flushSync`, main.ts) and when the process exits.
 */
export class LogBatches {
  private lines: string[] = [];
  private chars = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Open for writing (a file is opened in the background). */
  readonly ready: Promise<void>;

  constructor(private readonly out: ReturnType<typeof pino.destination>) {
    this.ready = new Promise((resolve) => out.once('ready', () => resolve()));
    process.on('exit', () => {
      try {
        this.flushSync();
      } catch {
        // A closed stdout at exit: nothing left to tell.
      }
    });
  }

  write(line: string): void {
    this.lines.push(line);
    this.chars += line.length;
    if (this.chars >= LOG_BATCH_BYTES) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), LOG_FLUSH_MS).unref();
  }

  /** Hands what is queued to the background writer. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.lines.length === 0) return;
    const batch = this.lines.join('');
    this.lines = [];
    this.chars = 0;
    this.out.write(batch);
  }

  /** Writes everything queued now, waiting for the write. */
  flushSync(): void {
    this.flush();
    this.out.flushSync();
  }
}

/** Stdout (or `dest`, a file: tests) written in batches in the background. */
export function backgroundStdout(dest: number | string = 1): LogBatches {
  return new LogBatches(pino.destination({ dest, sync: false }));
}
