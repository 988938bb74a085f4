/**
 * Yoga's parse caches, bounded for this gateway. Yoga keeps up to 1,024 parsed documents and 1,024 parse errors,
 * each keyed by its query text. A document at the default limits (1,000 tokens, 32 KB of text) holds about 300 KB
 * with its syntax tree, so a client sending ever-new large documents could make Yoga's cache alone hold some
 * 300 MB, twice the memory the gateway is sized for; here it holds at most about 40 MB. Clients of a dashboard
 * send a few dozen distinct documents; a document forgotten here is parsed again, and compiled again from its
 * next use (src/execution/compiledQueries.ts).
 */
import type { DocumentNode } from 'graphql';

/** Parsed documents kept at most: more than the compiled queries kept (100), so none of those is parsed again. */
export const DOCUMENTS_KEPT = 128;
/** Parse errors kept at most: a client repeating a bad document is answered without parsing it again. */
export const ERRORS_KEPT = 128;

/** The least recently used entry goes first once `max` are kept. */
export class RecentlyUsed<T> {
  private readonly entries = new Map<string, T>();

  constructor(readonly max: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }
}

/**
 * Yoga's `parserAndValidationCache` option: bounded document and error caches. Validation is cached per document
 * by the gateway's own plugin (src/execution/validationCache.ts), not Yoga's.
 */
export function parseCaches(): { documentCache: RecentlyUsed<DocumentNode>; errorCache: RecentlyUsed<unknown>; validationCache: false } {
  return { documentCache: new RecentlyUsed(DOCUMENTS_KEPT), errorCache: new RecentlyUsed(ERRORS_KEPT), validationCache: false };
}
