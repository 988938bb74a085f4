/**
 * One copy of each short string the watched jobs' readings repeat. A watcher holds its job's latest reading for as
 * long as anyone subscribes, and the readings of many jobs repeat the same values (template, inventory and user
 * names, status words, the related URLs of shared objects): each parsed from AWX's answer as a copy of its own.
 */

/** Longer values (descriptions, extra_vars, result tracebacks) are seldom equal across jobs. */
const MAX_LENGTH = 120;
/** Distinct values kept; past it the table starts over, so values of jobs long gone are not kept forever. */
const MAX_ENTRIES = 20_000;

let table = new Map<string, string>();

function intern(value: string): string {
  if (value.length > MAX_LENGTH) return value;
  const kept = table.get(value);
  if (kept !== undefined) return kept;
  if (table.size >= MAX_ENTRIES) table = new Map();
  table.set(value, value);
  return value;
}

/**
 * Replaces, in place, every short string value in `value` (a parsed AWX document) by its shared copy; returns
 * `value`. A frozen document is left as it is: it is AWX's repeated answer (src/awx/repeatAnswers.ts), one copy
 * already shared by every reading of the same bytes.
 */
export function internStrings<T>(value: T): T {
  if (Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = typeof value[i] === 'string' ? intern(value[i]) : internStrings(value[i]);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const field = record[key];
      record[key] = typeof field === 'string' ? intern(field) : internStrings(field);
    }
  }
  return value;
}
