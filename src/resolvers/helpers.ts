/** Small shaping helpers shared by resolvers: field renames, id checks, AWX enums and extra vars. */
import { createRequire } from 'node:module';
import { badInput, quote, upstreamDataError } from '../errors.js';

let yaml: typeof import('yaml') | undefined;
/**
 * `text` as YAML in the core schema (plain JSON-compatible values), aliases bounded. The parser is loaded when
 * extra vars first come as YAML: most never do, and it is half a megabyte of heap.
 */
function parseYaml(text: string): unknown {
  yaml ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yaml.parse(text, { schema: 'core', maxAliasCount: 100 });
}

/** The key each `prop` resolver reads, to tell those that read their own field's name (`keyReadBy`). */
const keysRead = new WeakMap<object, PropertyKey>();

/** Resolver for a renamed AWX field: `prop('job_explanation')` answers `parent.job_explanation`, or null when absent. */
export function prop<T, K extends keyof T>(key: K): (parent: T) => NonNullable<T[K]> | null {
  const read = (parent: T) => (parent[key] ?? null) as NonNullable<T[K]> | null;
  keysRead.set(read, key);
  return read;
}

/** Resolver for `id`: the AWX object's own id. */
export function ownId<T extends { id: number }>(parent: T): number {
  return parent.id;
}
keysRead.set(ownId, 'id');

/** The AWX key a resolver made by `prop` (or `ownId`) reads; undefined for any other resolver. */
export function keyReadBy(resolver: unknown): PropertyKey | undefined {
  return typeof resolver === 'function' ? keysRead.get(resolver) : undefined;
}

/** `prop` bound to one AWX type, so a resolver file lists `p('created')` with the key checked. */
export function propsOf<T>() {
  return <K extends keyof T>(key: K) => prop<T, K>(key);
}

const MAX_ID = 2 ** 31 - 1;

/** An AWX id from a client: a positive integer below 2^31, written in plain decimal digits. */
export function parseId(raw: string | number, argument: string): number {
  const text = String(raw);
  const id = /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(id) || id > MAX_ID) {
    throw badInput(`'${argument}' must be a positive integer below 2147483648, got ${quote(raw)}.`, { argument });
  }
  return id;
}

/** A list of ids from a client; an empty list is refused because it would match nothing. */
export function parseIds(raw: readonly (string | number)[], argument: string): number[] {
  if (raw.length === 0) throw badInput(`'${argument}' must list at least one id.`, { argument });
  return raw.map((value) => parseId(value, argument));
}

/**
 * Resolver for an AWX enum field: the value if the schema knows it, null when AWX sent none,
 * else an error on this field alone (a newer AWX may add values; the rest of the response stands).
 */
export function awxEnum<T, V extends string>(allowed: readonly V[], read: (parent: T) => string | null | undefined, field: string) {
  return (parent: T): V | null => {
    const value = read(parent);
    if (value === null || value === undefined || value === '') return null;
    if (!(allowed as readonly string[]).includes(value)) {
      throw upstreamDataError(`AWX sent ${field} ${quote(value)}, which this gateway does not know.`);
    }
    return value as V;
  };
}

/** AWX's `extra_vars` text (JSON or YAML, as AWX itself accepts) as a JSON value; empty text is `{}`. */
export function parseExtraVars(text: string | null | undefined): unknown {
  if (text === null || text === undefined || text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON: AWX stores YAML as given; the core schema keeps it to plain JSON-compatible values.
  }
  try {
    return parseYaml(text) ?? {};
  } catch {
    throw upstreamDataError('AWX sent extra_vars that are neither JSON nor YAML.');
  }
}
