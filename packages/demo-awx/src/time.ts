/** An instant in microseconds since the epoch: AWX timestamps carry microseconds, JS Dates do not. */
export type Micros = number;

/** One second in microseconds. */
export const SECOND: Micros = 1_000_000;

/** Fixed start of the demo timeline (no Date.now, so the dataset never changes). */
export const DEMO_BASE: Micros = Date.UTC(2024, 4, 6, 7, 0, 0) * 1000;

/** Formats like Django REST framework: `2024-03-05T20:46:14.078236Z`, no fraction when it is zero. */
export function isoFromMicros(micros: Micros): string {
  const whole = Math.floor(micros / SECOND);
  const fraction = micros - whole * SECOND;
  const seconds = new Date(whole * 1000).toISOString().slice(0, 19);
  return fraction === 0 ? `${seconds}Z` : `${seconds}.${String(fraction).padStart(6, '0')}Z`;
}

const DATETIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,6})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses the datetime forms Django accepts in filters (`2024-05-01`, `2024-05-01 10:00`,
 * ISO 8601 with or without offset); naive values are UTC, as AWX runs with TIME_ZONE=UTC.
 */
export function microsFromIso(text: string): Micros | null {
  const m = DATETIME.exec(text.trim());
  if (!m) return null;
  const [, date, hm = '00:00', sec = '00', frac = '', zone = 'Z'] = m;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const millis = Date.parse(`${date}T${hm}:${sec}${offset}`);
  if (Number.isNaN(millis)) return null;
  return millis * 1000 + Number(frac.padEnd(6, '0'));
}

/** Seconds between two instants, rounded like AWX's `elapsed` DecimalField (3 places). */
export function elapsedSeconds(start: Micros, end: Micros): number {
  return Math.round((end - start) / 1000) / 1000;
}
