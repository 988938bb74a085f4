/**
 * Where the gateway's log lines go: standard output, a few milliseconds' worth of lines at a time. Every
 * request writes one line; written one by one, each cost a write handed to libuv's thread pool and its
 * completion (about 5% of the CPU of a 50-job dashboard under load, bench/RESULTS.md). Lines are held for at
 * most `windowMs` (or until `minBytes` are waiting) and written together, in order. On exit, normal or not,
 * what is held is written synchronously (pino's exit hook for its destinations), so no line is lost to a
 * clean stop or a crash; only a process killed outright (SIGKILL, the kernel's OOM killer) loses the last
 * window's lines.
 */
import { pino } from 'pino';

/** How long a line may wait for others before it is written. */
export const LOG_WINDOW_MS = 10;
/** Lines waiting beyond this many bytes are written at once (sonic-boom's `minLength`; below its 16 KB write size). */
const MIN_BYTES = 8 * 1024;

/** A pino destination that writes lines in batches; `writes` counts the system writes done so far, `bytes` their bytes. */
export interface BatchedLines extends pino.DestinationStream {
  readonly writes: number;
  readonly bytes: number;
}

/** Log lines to `fd` (standard output by default), batched as above. */
export function batchedLines(fd = 1, windowMs = LOG_WINDOW_MS): BatchedLines {
  const stream = pino.destination({ dest: fd, minLength: MIN_BYTES, sync: false });
  let queued = 0;
  let written = 0;
  let writes = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    // While a write is under way, flush() does nothing: 'drain' arms the timer again for what it left.
    if (queued > written) stream.flush();
  };
  const arm = () => {
    timer ??= setTimeout(flush, windowMs).unref();
  };
  stream.on('write', (bytes: number) => {
    written += bytes;
    writes++;
  });
  stream.on('drain', () => {
    if (queued > written) arm();
  });
  return {
    write(line: string) {
      queued += Buffer.byteLength(line);
      const ok = stream.write(line);
      arm();
      return ok;
    },
    get writes() {
      return writes;
    },
    get bytes() {
      return written;
    },
  };
}
