/**
 * "Rows after this cursor" in AWX's filter language. AWX has no cursor pagination, but its field
 * lookups (ansible_base/rest_filters/rest_framework/field_lookup_backend.py) can say it: plain keys
 * are ANDed (repeated keys too), every `or__` key joins ONE OR group ANDed with the rest, and
 * `not__x` negates one lookup. Django's negation of a comparison on a nullable column also matches
 * NULL (`NOT (x < v AND x IS NOT NULL)`), and PostgreSQL sorts NULL after every value.
 */
import { isNullable, type KeyValue } from './keysetValues.js';
import type { OrderKey } from './paginate.js';

/** One AWX query parameter: key and value. */
export type Lookup = readonly [key: string, value: string];

function text(value: KeyValue): string {
  return String(value);
}

function or([key, value]: Lookup): Lookup {
  return [`or__${key}`, value];
}

/** `field` equal to `value` (NULL included). */
function equal(field: string, value: KeyValue): Lookup {
  return value === null ? [`${field}__isnull`, 'true'] : [`${field}__exact`, text(value)];
}

/** The key's field strictly after `value` in the key's direction, or null when nothing can be. */
export function strictlyAfter(key: OrderKey, value: KeyValue): Lookup[] | null {
  const f = key.field;
  if (key.descending) return value === null ? [[`${f}__isnull`, 'false']] : [[`${f}__lt`, text(value)]];
  if (value === null) return null; // ascending: the NULL tail comes last
  return isNullable(f) ? [[`not__${f}__lte`, text(value)]] : [[`${f}__gt`, text(value)]];
}

/**
 * The key's field strictly after `value`, or equal to it with `idAfter` holding: one request for the
 * two deepest levels of the order, through the single OR group.
 */
export function afterOrTie(key: OrderKey, value: KeyValue, idAfter: Lookup): Lookup[] {
  const f = key.field;
  if (key.descending) {
    // Descending puts NULLs first: they all come before a non-null value.
    if (value === null) return [or([`${f}__isnull`, 'false']), or(idAfter)];
    return [[`${f}__lte`, text(value)], or([`${f}__lt`, text(value)]), or(idAfter)];
  }
  if (value === null) return [[`${f}__isnull`, 'true'], idAfter];
  if (!isNullable(f)) return [[`${f}__gte`, text(value)], or([`${f}__gt`, text(value)]), or(idAfter)];
  return [[`not__${f}__lt`, text(value)], or([`${f}__gt`, text(value)]), or([`${f}__isnull`, 'true']), or(idAfter)];
}

/**
 * The rows strictly after the cursor `values` in the order `keys` (whose last key is `id`), as
 * lookup sets to read one after the other, nearest first: "keys 0..i-1 equal and key i strictly
 * after" for i from the deepest up, the two deepest merged into one set when `orGroup` is free
 * (the caller's filters use no `or__` key). Sets that cannot match anything are left out.
 */
export function afterLevels(keys: readonly OrderKey[], values: readonly KeyValue[], orGroup: boolean): Lookup[][] {
  const last = keys.length - 1;
  const prefix = (n: number): Lookup[] => keys.slice(0, n).map((key, i) => equal(key.field, values[i] ?? null));
  const idAfter: Lookup = [`id__${keys[last]!.descending ? 'lt' : 'gt'}`, text(values[last] ?? null)];
  const levels: Lookup[][] = [];
  let next: number;
  if (orGroup && last >= 1) {
    levels.push([...prefix(last - 1), ...afterOrTie(keys[last - 1]!, values[last - 1] ?? null, idAfter)]);
    next = last - 2;
  } else {
    levels.push([...prefix(last), idAfter]);
    next = last - 1;
  }
  for (let i = next; i >= 0; i--) {
    const step = strictlyAfter(keys[i]!, values[i] ?? null);
    if (step) levels.push([...prefix(i), ...step]);
  }
  return levels;
}
