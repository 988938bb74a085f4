/**
 * One AWX request sent through undici's `dispatch` and its answer read whole. undici's `request` wraps each
 * response in a Readable stream (its state, events and ticks) inside an async resource, then the body is read
 * back out of the stream: about a quarter of the CPU of a small read. Every AWX answer is read to its end and
 * parsed as one JSON document, so the chunks go straight into a list, and one promise settles with the answer.
 * When the read's last answer is known (src/awx/repeatAnswers.ts), each chunk is compared with it as it arrives:
 * an answer that did not change is handed back as the bytes already kept, not joined into a copy (a 200-job
 * page is about 400 KB, and the copy was the largest thing a repeated page still allocated).
 */
import type { Dispatcher } from 'undici';
import type { AbortLike } from './deadline.js';
import { AwxResponseError } from './errors.js';
import { parseHeaders } from './undici.js';
import type { Answer } from './write.js';

/** What undici's `request` rejects with when its signal aborts without a reason of its own. */
function abortedWithoutReason(): Error {
  return new DOMException('This operation was aborted', 'AbortError');
}

/** undici's handler for one request: collects the body within `limit` bytes and settles once. */
export class AnswerReader implements Dispatcher.DispatchHandler {
  private abortRequest: ((reason: Error) => void) | null = null;
  private abortReason: Error | null = null;
  private statusCode = 0;
  private headers: Answer['headers'] = {};
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private done = false;
  /** Whether every byte so far is the last answer's byte at the same place. */
  private sameAsLast: boolean;

  constructor(
    private readonly limit: number,
    private readonly signal: AbortLike | undefined,
    private readonly resolve: (answer: Answer) => void,
    private readonly reject: (error: unknown) => void,
    /** The bytes AWX last answered this read with, for this credential, when they are kept; never changed here. */
    private readonly lastAnswer?: Buffer,
  ) {
    this.sameAsLast = lastAnswer !== undefined;
    if (signal?.aborted) this.abortReason = (signal.reason as Error | undefined) ?? abortedWithoutReason();
    else signal?.addEventListener('abort', this.onAbort);
  }

  /** The caller's deadline or disconnect: before the connection, remembered for `onConnect`; after it, the request ends. */
  private readonly onAbort = (): void => {
    this.abortReason = (this.signal!.reason as Error | undefined) ?? abortedWithoutReason();
    this.abortRequest?.(this.abortReason);
  };

  onConnect(abort: (reason: Error) => void): void {
    if (this.abortReason) return abort(this.abortReason);
    this.abortRequest = abort;
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    if (statusCode < 200) return true; // an informational answer (100 Continue): the real one follows
    this.statusCode = statusCode;
    this.headers = parseHeaders(rawHeaders);
    return true;
  }

  onData(chunk: Buffer): boolean {
    const at = this.size;
    this.size += chunk.length;
    if (this.size > this.limit) {
      // undici ends the request and reports this error to onError: the connection is not reused.
      this.abortRequest?.(new AwxResponseError(`AWX sent a response larger than ${this.limit} bytes.`));
      return false;
    }
    if (this.sameAsLast) this.sameAsLast = this.size <= this.lastAnswer!.length && this.lastAnswer!.compare(chunk, 0, chunk.length, at, this.size) === 0;
    this.chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    if (!this.finish()) return;
    const repeated = this.sameAsLast && this.size === this.lastAnswer!.length;
    this.resolve({ statusCode: this.statusCode, headers: this.headers, body: repeated ? this.lastAnswer! : Buffer.concat(this.chunks, this.size) });
  }

  onError(error: Error): void {
    if (this.finish()) this.reject(error);
  }

  /** True the first time: the request is over, and stops listening to the signal. */
  private finish(): boolean {
    if (this.done) return false;
    this.done = true;
    this.signal?.removeEventListener('abort', this.onAbort);
    return true;
  }
}

/**
 * Sends `options` through `dispatcher` and resolves with the whole answer; undici's and the signal's failures
 * reject. An answer byte for byte `lastAnswer` resolves with `lastAnswer` itself.
 */
export function readAnswer(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions, limit: number, signal?: AbortLike, lastAnswer?: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    dispatcher.dispatch(options, new AnswerReader(limit, signal, resolve, reject, lastAnswer));
  });
}
