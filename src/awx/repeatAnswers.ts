/**
 * AWX's answers that repeat byte for byte, parsed once. A dashboard asks AWX for the same pages again and again
 * (the last jobs, their templates, their creators; a subscription's poll of the jobs it follows), each read gets
 * the whole body again, and decoding and parsing it was the largest single cost of a
 * page (JSON.parse about 18% of a 50-job page's CPU). So the bytes of each URL's last answer are kept, per
 * credential, and an answer equal to them byte for byte gets the document parsed from them. The bytes themselves
 * are compared, never a hash or a header: a document is reused only when it is exactly what AWX sent this time,
 * so nothing is ever stale and a caller only gets what AWX has just sent that caller.
 */

/** A kept document is shared by every later read of the same bytes: deeply frozen, so none can change it for the next. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) for (const item of value) deepFreeze(item);
  else for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}

/** The body's JSON document: what every AWX answer is parsed with. Throws when it is not JSON. */
export function parseBody(body: Buffer): unknown {
  return JSON.parse(body.toString('utf8'));
}

interface Kept {
  body: Buffer;
  /** What it counts against the budget: its bytes, its key and its entry. */
  cost: number;
  /** Parsed only once the same bytes came twice: a page that changes at every read never holds its document. */
  document?: unknown;
}

/** How many bytes of AWX answers are kept by default, all URLs and credentials together (their documents besides). */
export const REPEAT_ANSWER_BYTES = 4 * 1024 * 1024;
/**
 * Smaller answers are parsed each time: an empty page or a label, where keeping costs about what parsing does. A
 * job's detail (about 2 KB) is kept: parsing it was 3% of the CPU of a one-job query under load.
 */
const SMALLEST_KEPT = 1024;
/** Node hands out buffers under this size as slices of shared 8 KiB slabs: such a body is copied out to be kept, not its slab. */
const POOLED_BELOW = Buffer.poolSize >>> 1;
/** What a kept answer costs besides its bytes and its key: the map's entry and its record (an estimate). */
const ENTRY_BYTES = 160;

/** `body` in a buffer of its own (not a slice of a shared slab). */
function copiedOut(body: Buffer): Buffer {
  const own = Buffer.allocUnsafeSlow(body.length);
  body.copy(own);
  return own;
}

/** The last answer of each recent (credential, URL), least recently read first; `budget` bytes in all. */
export class RepeatAnswers {
  private readonly kept = new Map<string, Kept>();
  private held = 0;

  constructor(private readonly budget = REPEAT_ANSWER_BYTES) {}

  /** What the answers kept now count against the budget (their bytes, keys and entries), for tests and metrics. */
  get heldBytes(): number {
    return this.held;
  }

  /** The bytes last answered at `key`, when kept: a read compares what arrives with them (src/awx/answerReader.ts). */
  lastAnswer(key: string): Buffer | undefined {
    return this.kept.get(key)?.body;
  }

  /**
   * The document of `body`, read at `key` (the caller's credential fingerprint and the path): the kept one when
   * `body` is byte for byte the last answer at `key`, else freshly parsed. Throws what JSON.parse throws.
   */
  parse(key: string, body: Buffer): unknown {
    const last = this.kept.get(key);
    if (last !== undefined && last.body.equals(body)) {
      // Read again: moved to the end of the map, the last to be dropped.
      this.kept.delete(key);
      this.kept.set(key, last);
      return (last.document ??= deepFreeze(parseBody(body)));
    }
    const document = parseBody(body);
    if (last !== undefined) this.drop(key, last);
    if (body.length >= SMALLEST_KEPT && body.length <= this.budget / 4) this.keep(key, body);
    return document;
  }

  private keep(key: string, body: Buffer): void {
    const own = body.length < POOLED_BELOW ? copiedOut(body) : body;
    const cost = own.length + 2 * key.length + ENTRY_BYTES;
    this.kept.set(key, { body: own, cost });
    this.held += cost;
    for (const [oldest, kept] of this.kept) {
      if (this.held <= this.budget) break;
      this.drop(oldest, kept);
    }
  }

  private drop(key: string, kept: Kept): void {
    this.kept.delete(key);
    this.held -= kept.cost;
  }
}
