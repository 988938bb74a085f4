/** Parsers of single environment variables; each appends a message naming the variable to `problems` when it is bad. */

/** Environment variables as Node gives them. */
export type Env = Record<string, string | undefined>;

/** An integer within [min, max], or `fallback` when unset. */
export function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

/** true/false (also 1/0, yes/no), or `fallback` when unset. */
export function boolean(env: Env, name: string, problems: string[], fallback = false): boolean {
  const raw = (env[name] ?? '').toLowerCase();
  if (raw === '') return fallback;
  if (['false', '0', 'no'].includes(raw)) return false;
  if (['true', '1', 'yes'].includes(raw)) return true;
  problems.push(`${name} must be true or false, got "${env[name]}"`);
  return false;
}

/** The controller's URL (AWX_URL, or `name`): absolute http(s), without credentials, query or fragment; undefined when unset. */
export function awxUrl(raw: string | undefined, problems: string[], name = 'AWX_URL'): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`${name} must be an absolute http(s) URL such as https://awx.example.com, got "${raw}"`);
    return undefined;
  }
  if (!['http:', 'https:'].includes(url.protocol)) problems.push(`${name} must use http or https`);
  if (url.username || url.password) problems.push(`${name} must not contain credentials: callers send their own (or set AWX_TOKEN)`);
  if (url.search || url.hash) problems.push(`${name} must not have a query string or fragment`);
  return url.toString();
}

/** CORS_ORIGINS: comma-separated origins such as `https://dashboard.example.com` (scheme, host, optional port). */
export function origins(raw: string | undefined, problems: string[]): string[] {
  const list = (raw ?? '').split(',').map((item) => item.trim()).filter(Boolean);
  for (const item of list) {
    let ok = false;
    try {
      ok = new URL(item).origin === item;
    } catch {
      ok = false;
    }
    if (!ok) problems.push(`CORS_ORIGINS entries must be origins like https://dashboard.example.com (no path or trailing slash), got "${item}"`);
  }
  return list;
}
