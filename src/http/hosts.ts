/**
 * Which `Host` names the gateway answers to. A page on a DNS-rebinding name (`rebind.evil.example` resolving
 * to the gateway) sends that name as `Host` and as its own `Origin`, so a same-origin check built from `Host`
 * would let it act with whatever ambient authority the gateway holds (a service token, or the demo's
 * admin). So: ALLOWED_HOSTS names the hosts; without it, a gateway holding ambient authority answers only
 * to loopback names, and one without answers to any well-formed name (there is nothing to borrow).
 */

/** The names a gateway answers to: a list (`.example.com` matches its subdomains too), or any. */
export type HostPolicy = { kind: 'any' } | { kind: 'list'; names: readonly string[]; why: string };

/** `localhost` and the names RFC 6761 keeps for it, 127.0.0.0/8 and ::1: reachable only from this machine. */
const LOOPBACK = [/^localhost$/, /\.localhost$/, /^127(\.\d{1,3}){3}$/, /^\[::1\]$/];

/** The policy for ALLOWED_HOSTS (undefined when unset) and whether callers without credentials act as someone. */
export function hostPolicy(allowedHosts: readonly string[] | undefined, ambientAuthority: boolean): HostPolicy {
  if (allowedHosts && allowedHosts.includes('*')) return { kind: 'any' };
  if (allowedHosts) return { kind: 'list', names: allowedHosts.map((name) => name.toLowerCase()), why: 'ALLOWED_HOSTS' };
  if (ambientAuthority) return { kind: 'list', names: [], why: 'loopback names only: the gateway holds a service credential (or serves the demo) and ALLOWED_HOSTS is unset' };
  return { kind: 'any' };
}

/** Hosts already parsed: a gateway sees a handful of names, and parsing one builds a URL (about 2% of a query's CPU). */
const parsedHosts = new Map<string, Readonly<{ hostname: string; port: string }> | null>();
/** Any caller may send any `Host`: past this many names the memory starts over. */
const PARSED_HOSTS_MAX = 256;

/** A `Host` header's name (lowercase, IPv6 in brackets) and port; undefined when it is not a well-formed host. */
export function parseHost(raw: string | undefined): Readonly<{ hostname: string; port: string }> | undefined {
  if (!raw || raw.length > 255) return undefined;
  let host = parsedHosts.get(raw);
  if (host === undefined) {
    if (parsedHosts.size >= PARSED_HOSTS_MAX) parsedHosts.clear();
    host = parseHostOnce(raw) ?? null;
    parsedHosts.set(raw, host);
  }
  return host ?? undefined;
}

function parseHostOnce(raw: string): { hostname: string; port: string } | undefined {
  if (/[\s/?#@\\]/.test(raw)) return undefined;
  try {
    const url = new URL(`http://${raw}`);
    return url.host === raw.toLowerCase() || url.host === raw.toLowerCase().replace(/:80$/, '') ? { hostname: url.hostname, port: url.port } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the policy lets the gateway answer to this hostname (as `parseHost` gives it). */
export function hostAllowed(policy: HostPolicy, hostname: string): boolean {
  if (policy.kind === 'any') return true;
  if (policy.names.length === 0) return LOOPBACK.some((pattern) => pattern.test(hostname));
  return policy.names.some((name) => (name.startsWith('.') ? hostname.endsWith(name) || hostname === name.slice(1) : hostname === name));
}
